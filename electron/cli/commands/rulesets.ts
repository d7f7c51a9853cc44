import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand, CliContext } from '../command';
import { optFlag, optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import { listRulesets, parseRuleset } from '../../services/rulesets/load';
import { listIndicators } from '../../../shared/ruleset/walk';
import { copyRuleset, listLibrary, loadFromLibrary, resolveRuleset, splitRef } from '../../services/rulesets/library';
import { adoptRulesetVersion, label } from '../../services/rulesets/adopt';
import { defaultWorkspaceDir } from '../../services/app-paths';

function workspaceOf(ctx: CliContext): string {
  return path.resolve(ctx.io.cwd, optString(ctx, 'workspace') ?? defaultWorkspaceDir());
}

const list: CliCommand['run'] = async (ctx) => {
  const workspace = workspaceOf(ctx);
  const rows = [
    ...listRulesets().map((r) => ({
      id: r.id,
      name: r.name,
      version: r.version,
      origin: 'built-in' as const,
      libraryVersion: null as number | null,
      pending: 0,
      classes: r.classes.map((c) => ({ id: c.id, label: c.label, name: c.name, kind: c.kind })),
      indicators: listIndicators(r).length,
      grades: r.grades.bands,
      gradesConfigurable: r.grades.configurable,
    })),
    ...listLibrary(workspace).map((e) => {
      const r = loadFromLibrary(workspace, e.id);
      return {
        id: e.id,
        name: r.name,
        version: r.version,
        origin: 'library' as const,
        libraryVersion: e.version,
        pending: e.pending,
        classes: r.classes.map((c) => ({ id: c.id, label: c.label, name: c.name, kind: c.kind })),
        indicators: listIndicators(r).length,
        grades: r.grades.bands,
        gradesConfigurable: r.grades.configurable,
      };
    }),
  ];
  if (optFlag(ctx, 'json')) {
    ctx.io.stdout(JSON.stringify({ workspace, rulesets: rows }, null, 2) + '\n');
    return;
  }
  for (const r of rows) {
    const where = r.origin === 'built-in' ? '内置' : `方案库 第${r.libraryVersion}版${r.pending ? `，${r.pending} 项待决定` : ''}`;
    ctx.io.stdout(`${r.id}\t${r.name}（${where}；${r.indicators} 项指标；类别：${r.classes.map((c) => c.label).join('、')}）\n`);
  }
};

const listOptions = { json: { type: 'boolean' }, workspace: { type: 'string' } } as const;

/** `kaoping rulesets`: built-ins and the workspace library. */
export const rulesetsCommand: CliCommand = {
  name: 'rulesets',
  usage: 'rulesets [--workspace <dir>] [--json]',
  summary: '列出考评方案（内置与方案库）',
  options: listOptions,
  run: list,
};
export const rulesetsListCommand: CliCommand = {
  name: 'rulesets list',
  usage: 'rulesets list [--workspace <dir>] [--json]',
  summary: '列出考评方案（内置与方案库）',
  options: listOptions,
  run: list,
};

export const rulesetsImportCommand: CliCommand = {
  name: 'rulesets import',
  usage:
    'rulesets import <file.json|.docx|.xlsx> [--workspace <dir>] [--id <编号>] [--name <名称>] [--classes "第一类=…;政务新媒体=…"] [--json]',
  summary: '导入考评方案到方案库（方案 JSON 或方案原文 Word/Excel；同编号再导入为新版本）',
  options: {
    workspace: { type: 'string' },
    id: { type: 'string' },
    name: { type: 'string' },
    classes: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const file = ctx.args[0];
    if (!file) throw new KaopingError('usage', '请指定要导入的文件');
    const workspace = workspaceOf(ctx);
    // Word/Excel readers load only in the commands that read files (fast `kaoping rulesets`).
    const { importRulesetFile, reportLines } = await import('../../services/rulesets/import-file');
    const result = await importRulesetFile(workspace, path.resolve(ctx.io.cwd, file), {
      id: optString(ctx, 'id'),
      name: optString(ctx, 'name'),
      classes: optString(ctx, 'classes'),
    });
    if (optFlag(ctx, 'json')) {
      ctx.io.stdout(
        JSON.stringify(
          { id: result.ruleset.id, version: result.version, pending: result.ruleset.pending ?? [], report: result.report },
          null,
          2,
        ) + '\n',
      );
      return;
    }
    ctx.io.stdout(`已导入考评方案库：${result.ruleset.id}（${result.ruleset.name}）第 ${result.version} 版 → ${workspace}\n`);
    if (result.report) for (const line of reportLines(result.report)) ctx.io.stdout(`${line}\n`);
  },
};

export const rulesetsValidateCommand: CliCommand = {
  name: 'rulesets validate',
  usage: 'rulesets validate <file.json|.docx|.xlsx> [--classes …]',
  summary: '校验考评方案文件（JSON：格式、分值、编号、权重转移；Word/Excel：试导入并列出报告，不写入）',
  options: { classes: { type: 'string' } },
  async run(ctx) {
    const file = ctx.args[0];
    if (!file) throw new KaopingError('usage', '请指定要校验的文件');
    const full = path.resolve(ctx.io.cwd, file);
    if (/\.json$/iu.test(full)) {
      const r = parseRuleset(readFileSync(full, 'utf8'), path.basename(full));
      ctx.io.stdout(`有效：${r.id}（${r.name}），${listIndicators(r).length} 项指标\n`);
      if (r.pending?.length) {
        ctx.io.stdout(`尚有 ${r.pending.length} 项待决定，处理后才能用于新建考评：\n`);
        for (const d of r.pending) ctx.io.stdout(`  [${d.id}] ${d.indicatorId ?? '方案'}${d.rule ? ` 第${d.rule}条` : ''}：${d.reason}\n`);
        return 1;
      }
      return 0;
    }
    const { importSchemeFile } = await import('../../services/import/scheme/scheme-import');
    const { reportLines } = await import('../../services/rulesets/import-file');
    const { report } = await importSchemeFile(full, { id: 'validate', classes: optString(ctx, 'classes') });
    for (const line of reportLines(report)) ctx.io.stdout(`${line}\n`);
    return report.decisions.length ? 1 : 0;
  },
};

export const rulesetsExportCommand: CliCommand = {
  name: 'rulesets export',
  usage: 'rulesets export <编号[@版本]> --out <file.json> [--workspace <dir>]',
  summary: '导出考评方案为 JSON（内置或方案库）',
  options: { out: { type: 'string' }, workspace: { type: 'string' } },
  async run(ctx) {
    const ref = ctx.args[0];
    const out = optString(ctx, 'out');
    if (!ref || !out) throw new KaopingError('usage', '请指定考评方案编号和 --out 文件');
    const ruleset = resolveRuleset(ref, { workspaceDir: workspaceOf(ctx), cwd: ctx.io.cwd });
    writeFileSync(path.resolve(ctx.io.cwd, out), JSON.stringify(ruleset, null, 2) + '\n');
    ctx.io.stdout(`已导出：${ruleset.id} ${label(ruleset)} → ${path.resolve(ctx.io.cwd, out)}\n`);
  },
};

export const rulesetsCopyCommand: CliCommand = {
  name: 'rulesets copy',
  usage: 'rulesets copy <编号[@版本]> --id <新编号> [--name <名称>] [--workspace <dir>]',
  summary: '以某方案为基础复制一份到方案库（如“基于 zhanjiang-2021”）',
  options: { id: { type: 'string' }, name: { type: 'string' }, workspace: { type: 'string' } },
  async run(ctx) {
    const ref = ctx.args[0];
    const id = optString(ctx, 'id');
    if (!ref || !id) throw new KaopingError('usage', '请指定源方案编号和 --id 新编号');
    const workspace = workspaceOf(ctx);
    const saved = copyRuleset(workspace, resolveRuleset(ref, { workspaceDir: workspace, cwd: ctx.io.cwd }), id, optString(ctx, 'name'));
    ctx.io.stdout(`已复制：${saved.ruleset.id}（${saved.ruleset.name}）第 ${saved.version} 版，基于 ${saved.ruleset.basedOn}\n`);
  },
};

export const rulesetsAdoptCommand: CliCommand = {
  name: 'rulesets adopt',
  usage: 'rulesets adopt <考评文件夹> --reason <原因> [--version N]',
  summary: '让一次考评采用其考评方案在方案库中的新版本（记入历史）',
  options: { reason: { type: 'string' }, version: { type: 'string' } },
  async run(ctx) {
    const dir = ctx.args[0];
    if (!dir) throw new KaopingError('usage', '请指定考评文件夹');
    const full = path.resolve(ctx.io.cwd, dir);
    const { openAssessment } = await import('../../services/store/open');
    const store = openAssessment(full);
    try {
      const current = store.rulesetSnapshot();
      const version = optString(ctx, 'version');
      const ref = version ? `${current.id}@${version}` : current.id;
      const next = loadFromLibrary(path.dirname(full), splitRef(ref).id, splitRef(ref).version);
      const done = adoptRulesetVersion(store, next, optString(ctx, 'reason') ?? '');
      ctx.io.stdout(`已采用：${done.from} → ${done.to}（已记入历史）\n`);
    } finally {
      store.close();
    }
  },
};
