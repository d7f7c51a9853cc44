import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../command';
import { optPositive, optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import { resolveIndicator } from '../../../shared/ruleset/walk';
import { withStore } from '../open-store';

export const findingsAddCommand: CliCommand = {
  name: 'findings add',
  usage:
    'findings add <dir> --target <id|名称|网址> --indicator "<一级指标>/<二级指标>" [--rule N] [--count N] [--note 文字] [--evidence 文件]',
  summary: '记录一条已确认的问题（扣分/否决/加分依据）',
  options: {
    target: { type: 'string' },
    indicator: { type: 'string' },
    rule: { type: 'string' },
    count: { type: 'string' },
    note: { type: 'string' },
    evidence: { type: 'string' },
  },
  async run(ctx) {
    const targetRef = optString(ctx, 'target');
    const indicatorRef = optString(ctx, 'indicator');
    if (!ctx.args[0] || !targetRef || !indicatorRef) throw new KaopingError('usage', '请指定考评文件夹、--target 和 --indicator');
    const rule = optPositive(ctx, 'rule', 1, { what: '评分细则序号' });
    const count = optPositive(ctx, 'count', 1, { what: '次数' });
    const evidenceFile = optString(ctx, 'evidence');
    const evidencePath = evidenceFile ? path.resolve(ctx.io.cwd, evidenceFile) : undefined;
    if (evidencePath && !existsSync(evidencePath)) throw new KaopingError('no-file', `证据文件不存在：${evidenceFile}`);
    await withStore(ctx, (store) => {
      const ruleset = store.rulesetSnapshot();
      const target = store.findTarget(targetRef);
      const place = resolveIndicator(ruleset, indicatorRef, target.kind);
      const rules = place.indicator.rules;
      if (!rules.some((r) => r.n === rule)) {
        throw new KaopingError('bad-rule', `指标“${place.path}”没有第 ${rule} 条评分细则（共 ${rules.length} 条）`);
      }
      const finding = store.transaction(() => {
        const evidence = evidencePath
          ? store.addEvidenceFile(evidencePath, {
              kind: 'file',
              targetId: target.id,
              indicatorId: place.indicator.id,
              title: path.basename(evidencePath),
            })
          : undefined;
        return store.addFinding({
          targetId: target.id,
          indicatorId: place.indicator.id,
          rule,
          count,
          note: optString(ctx, 'note') ?? '',
          status: 'confirmed',
          evidenceIds: evidence ? [evidence.id] : [],
        });
      });
      ctx.io.stdout(`${finding.id}\n`);
    });
  },
};

export const findingsImportCommand: CliCommand = {
  name: 'findings import',
  usage: 'findings import <dir> <问题表.xlsx|.csv>',
  summary: '从表格批量导入已确认的问题（考评对象、指标、评分细则、次数、说明）；任一错误则整份不导入',
  async run(ctx) {
    const [dir, file] = ctx.args;
    if (!dir || !file) throw new KaopingError('usage', '请指定考评文件夹和问题表文件');
    await withStore(ctx, async (store) => {
      const { importFindings } = await import('../../services/import/findings/import-findings');
      const added = await importFindings(store, path.resolve(ctx.io.cwd, file));
      ctx.io.stdout(`已导入 ${added.length} 条问题（编号 ${added[0]!.id}–${added[added.length - 1]!.id}）\n`);
    });
  },
};
