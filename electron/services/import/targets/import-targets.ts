import path from 'node:path';
import { KaopingError } from '../../../../shared/errors';
import type { Ruleset } from '../../../../shared/ruleset/types';
import type { Target } from '../../../../shared/domain/types';
import type { AssessmentStore } from '../../store/types';
import { readGrids } from '../read-grid';
import { parseSheet, type ImportIssue, type ParsedTargets } from './parse-sheet';

/** "表1 第12行 C列：…", the way a reviewer finds it. */
export function describeIssue(file: string, issue: ImportIssue): string {
  return `${path.basename(file)} 工作表“${issue.sheet}” 第${issue.row}行${issue.column ? ` ${issue.column}列` : ''}：${issue.message}`;
}

/** Parses a target list without writing anything: what the UI previews. */
export async function previewTargets(
  ruleset: Ruleset,
  file: string,
  existing: Target[] = [],
  classMap: Record<string, string> = {},
): Promise<ParsedTargets> {
  const result: ParsedTargets = { targets: [], errors: [], warnings: [], sections: [] };
  for (const grid of await readGrids(file)) parseSheet(ruleset, grid.sheet, grid.rows, result, classMap);
  const seen = new Map<string, { sheet: string; row: number }>();
  for (const t of existing) seen.set(t.kind === 'website' ? `w:${t.url}` : `a:${t.identifier}`, { sheet: '（已有对象）', row: t.id });
  for (const t of result.targets) {
    const key = t.kind === 'website' ? `w:${t.url}` : `a:${t.identifier}`;
    const first = seen.get(key);
    if (first)
      result.errors.push({
        sheet: t.sheet,
        row: t.row,
        message: `重复：${t.kind === 'website' ? t.url : t.identifier} 已在工作表“${first.sheet}”第${first.row}行出现`,
      });
    else seen.set(key, { sheet: t.sheet, row: t.row });
  }
  for (const s of result.sections) {
    if (s.declared !== null && s.declared !== s.read)
      result.warnings.push({ sheet: '', row: 0, message: `“${s.title}”写明共 ${s.declared} 个，实际读到 ${s.read} 个` });
  }
  if (result.targets.length === 0 && result.errors.length === 0)
    result.errors.push({
      sheet: '',
      row: 0,
      message: '没有找到考评对象：请检查表头（序号/主管单位/网址 或 主管单位/新媒体标识码/账号名称/账号类型）',
    });
  return result;
}

/**
 * Imports a target list all-or-nothing: any error rejects the whole file with a
 * list naming sheet, row and column; warnings are returned and the import goes on.
 */
export async function importTargets(
  store: AssessmentStore,
  file: string,
  classMap: Record<string, string> = {},
): Promise<{ added: Target[]; warnings: string[] }> {
  const ruleset = store.rulesetSnapshot();
  const parsed = await previewTargets(ruleset, file, store.listTargets(), classMap);
  if (parsed.errors.length) {
    throw new KaopingError(
      'import-rejected',
      `导入失败，未写入任何数据：${path.basename(file)} 有 ${parsed.errors.length} 处错误`,
      parsed.errors.map((e) => describeIssue(file, e)),
    );
  }
  const added = store.addTargets(parsed.targets.map(({ sheet: _s, row: _r, ...t }) => t));
  return { added, warnings: parsed.warnings.map((w) => describeIssue(file, w)) };
}
