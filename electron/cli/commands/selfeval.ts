import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../command';
import { optFlag, optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import { withStore } from '../open-store';

/** A file name from a unit's name that every file system accepts, bounded in length (a 300-character name must not become an ENAMETOOLONG). */
const safeName = (text: string) => text.replace(/[\\/:*?"<>|\s]+/gu, '_').slice(0, 80);

export const selfevalTemplateCommand: CliCommand = {
  name: 'selfeval template',
  usage: 'selfeval template <dir> [--target <编号|名称|网址>] --out <file.xlsx|folder>',
  summary: '生成自查自评表（每个单位一份，或指定单位）',
  options: { target: { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    const out = optString(ctx, 'out');
    if (!ctx.args[0] || !out) throw new KaopingError('usage', '请指定考评文件夹和 --out');
    await withStore(ctx, async (store) => {
      const ruleset = store.rulesetSnapshot();
      const ref = optString(ctx, 'target');
      const targets = ref ? [store.findTarget(ref)] : store.listTargets().filter((t) => t.kind === 'website');
      if (targets.length === 0) throw new KaopingError('no-targets', '没有网站类考评对象，请先导入考评对象');
      const target = path.resolve(ctx.io.cwd, out);
      const single = ref !== undefined && target.toLowerCase().endsWith('.xlsx');
      if (!single) mkdirSync(target, { recursive: true });
      const { templateStamper } = await import('../../services/selfeval/template');
      const stamp = await templateStamper(ruleset, store.info());
      for (const t of targets) {
        const file = single ? target : path.join(target, `${safeName(t.unit)}_自查自评表.xlsx`);
        writeFileSync(file, stamp(t));
        ctx.io.stdout(`${file}\n`);
      }
    });
  },
};

export const selfevalImportCommand: CliCommand = {
  name: 'selfeval import',
  usage: 'selfeval import <dir> <files or folder...>',
  summary: '导入各单位填好的自查自评表；有错误的文件整份不导入，其余照常导入',
  async run(ctx) {
    const [, ...inputs] = ctx.args;
    if (!ctx.args[0] || inputs.length === 0) throw new KaopingError('usage', '请指定考评文件夹和自评表文件或文件夹');
    return withStore(ctx, async (store) => {
      const { importSelfEvaluations } = await import('../../services/selfeval/import-selfeval');
      const results = await importSelfEvaluations(
        store,
        inputs.map((p) => path.resolve(ctx.io.cwd, p)),
      );
      for (const r of results) {
        if (r.ok) ctx.io.stdout(`已导入：${path.basename(r.file)} → ${r.target}（${r.scores} 项自评得分）\n`);
        else {
          ctx.io.stdout(`未导入：${path.basename(r.file)}\n`);
          for (const e of r.errors) ctx.io.stdout(`  - ${e}\n`);
        }
      }
      const bad = results.filter((r) => !r.ok).length;
      ctx.io.stdout(`共 ${results.length} 个文件：导入 ${results.length - bad} 个，拒绝 ${bad} 个\n`);
      return bad > 0 ? 1 : 0;
    });
  },
};

export const selfevalDiffCommand: CliCommand = {
  name: 'selfeval diff',
  usage: 'selfeval diff <dir> [--json] [--out <file.xlsx>]',
  summary: '自评得分与评审得分对照，标出自评高于评审的指标',
  options: { json: { type: 'boolean' }, out: { type: 'string' } },
  async run(ctx) {
    await withStore(ctx, async (store) => {
      const { selfEvalDiff, writeDiffWorkbook } = await import('../../services/selfeval/diff');
      const rows = selfEvalDiff(store);
      const out = optString(ctx, 'out');
      if (out) await writeDiffWorkbook(rows, store.info().name, path.resolve(ctx.io.cwd, out));
      if (optFlag(ctx, 'json')) {
        ctx.io.stdout(JSON.stringify({ rows }, null, 2) + '\n');
        return;
      }
      for (const r of rows.filter((x) => x.flagged)) {
        ctx.io.stdout(`${r.unit}\t${r.level1}/${r.level2}\t自评 ${r.self}\t评审 ${r.reviewer}\t差 +${r.difference}\t${r.explanation}\n`);
      }
      ctx.io.stdout(`自评高于评审 ${rows.filter((x) => x.flagged).length} 项（共 ${rows.length} 项自评）\n`);
    });
  },
};
