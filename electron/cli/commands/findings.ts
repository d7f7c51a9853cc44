import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../command';
import { optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import type { Ruleset } from '../../../shared/ruleset/types';
import { resolveIndicator } from '../../../shared/ruleset/walk';
import { withStore } from '../open-store';

function positiveInt(text: string | undefined, fallback: number, what: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/u.test(text) || !Number.isInteger(n) || n < 1) throw new KaopingError('bad-number', `${what}必须是正整数：${text}`);
  return n;
}

export const findingsAddCommand: CliCommand = {
  name: 'findings add',
  usage: 'findings add <dir> --target <id|名称|网址> --indicator "<一级指标>/<二级指标>" [--rule N] [--count N] [--note 文字] [--evidence 文件]',
  summary: '记录一条已确认的问题（扣分/否决/加分依据）',
  options: { target: { type: 'string' }, indicator: { type: 'string' }, rule: { type: 'string' }, count: { type: 'string' }, note: { type: 'string' }, evidence: { type: 'string' } },
  async run(ctx) {
    const targetRef = optString(ctx, 'target');
    const indicatorRef = optString(ctx, 'indicator');
    if (!ctx.args[0] || !targetRef || !indicatorRef) throw new KaopingError('usage', '请指定考评文件夹、--target 和 --indicator');
    const rule = positiveInt(optString(ctx, 'rule'), 1, '评分细则序号');
    const count = positiveInt(optString(ctx, 'count'), 1, '次数');
    const evidenceFile = optString(ctx, 'evidence');
    const evidencePath = evidenceFile ? path.resolve(ctx.io.cwd, evidenceFile) : undefined;
    if (evidencePath && !existsSync(evidencePath)) throw new KaopingError('no-file', `证据文件不存在：${evidenceFile}`);
    await withStore(ctx, (store) => {
      const ruleset = store.rulesetSnapshot() as Ruleset;
      const target = store.findTarget(targetRef);
      const place = resolveIndicator(ruleset, indicatorRef, target.kind);
      const rules = place.indicator.rules;
      if (!rules.some((r) => r.n === rule)) {
        throw new KaopingError('bad-rule', `指标“${place.path}”没有第 ${rule} 条评分细则（共 ${rules.length} 条）`);
      }
      const finding = store.transaction(() => {
        const evidence = evidencePath
          ? store.addEvidenceFile(evidencePath, { kind: 'file', targetId: target.id, indicatorId: place.indicator.id, title: path.basename(evidencePath) })
          : undefined;
        return store.addFinding({ targetId: target.id, indicatorId: place.indicator.id, rule, count, note: optString(ctx, 'note') ?? '', status: 'confirmed', evidenceIds: evidence ? [evidence.id] : [] });
      });
      ctx.io.stdout(`${finding.id}\n`);
    });
  },
};
