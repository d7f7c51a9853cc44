import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KaopingError } from '../../../shared/errors';
import type { Ruleset } from '../../../shared/ruleset/types';
import { importSchemeFile, type SchemeImportReport } from '../import/scheme/scheme-import';
import { parseRuleset } from './load';
import { builtInIds, listLibrary, saveToLibrary } from './library';

export interface RulesetImportResult {
  ruleset: Ruleset;
  version: number;
  /** Only for .docx / .xlsx: what was parsed and what needs a decision. */
  report: SchemeImportReport | null;
}

/** An id for an imported scheme: the year in its name, unique among built-ins and the library. */
function freshId(workspaceDir: string, hint: string): string {
  const taken = new Set([...builtInIds(), ...listLibrary(workspaceDir).map((e) => e.id)]);
  const base = `scheme-${/20\d\d/u.exec(hint)?.[0] ?? 'imported'}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

/**
 * Imports a ruleset file into the workspace library: a ruleset .json (validated; the
 * same id as a library entry makes a new version of it) or the scheme's own .docx /
 * .xlsx (parsed, with the decisions it needs kept as `pending`).
 */
export async function importRulesetFile(
  workspaceDir: string,
  file: string,
  opts: { id?: string; name?: string; classes?: string } = {},
): Promise<RulesetImportResult> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') {
    const parsed = parseRuleset(readFileSync(file, 'utf8'), path.basename(file));
    const ruleset: Ruleset = { ...parsed, id: opts.id ?? parsed.id, name: opts.name ?? parsed.name };
    const saved = saveToLibrary(workspaceDir, ruleset, `导入 ${path.basename(file)}`);
    return { ...saved, report: null };
  }
  if (ext !== '.docx' && ext !== '.xlsx')
    throw new KaopingError('scheme-format', `不支持的文件：${path.basename(file)}（请用考评方案 .json、方案原文 .docx 或指标表 .xlsx）`);
  const id = opts.id ?? freshId(workspaceDir, `${opts.name ?? ''}${path.basename(file)}`);
  const { ruleset, report } = await importSchemeFile(file, { id, name: opts.name, classes: opts.classes });
  const saved = saveToLibrary(workspaceDir, ruleset, `从 ${path.basename(file)} 导入：${report.decisions.length} 项待决定`, {
    importReport: report,
  });
  return { ...saved, report };
}

/** The report as lines for the CLI: counts, classes, then every decision with its reason. */
export function reportLines(report: SchemeImportReport): string[] {
  const c = report.counts;
  const lines = [
    `读取 ${report.file}：${c.parts} 部分、${c.sections} 个一级指标、${c.indicators} 个二级指标、${c.rules} 条评分细则（${c.rules - c.flaggedRules} 条识别为计分类型，${c.flaggedRules} 条待定）`,
    `考评对象类别（${report.classes[0]?.from === 'option' ? '--classes' : report.classes[0]?.from === 'default' ? '未找到，暂设' : '取自“考评对象”一节'}）：${report.classes.map((x) => `${x.label}：${x.name}${x.declared ? `（共 ${x.declared} 个）` : ''}`).join('；')}`,
  ];
  if (report.decisions.length) {
    lines.push(`待决定 ${report.decisions.length} 项（在考评方案库的编辑器中处理，处理完才能用于新建考评）：`);
    for (const d of report.decisions)
      lines.push(
        `  [${d.id}] ${d.indicatorId ?? '方案'}${d.rule ? ` 第${d.rule}条` : ''}：${d.reason}\n       原文：${d.text.length > 80 ? `${d.text.slice(0, 80)}…` : d.text}`,
      );
  }
  return lines;
}
