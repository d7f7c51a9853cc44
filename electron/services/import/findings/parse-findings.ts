import type { Ruleset } from '../../../../shared/ruleset/types';
import type { NewFinding, Target, TargetKind } from '../../../../shared/domain/types';
import { KaopingError } from '../../../../shared/errors';
import { cleanCell, matchKey, toHalfWidth } from '../../../../shared/text/normalize';
import { normalizeSiteUrl } from '../../../../shared/text/url';
import { resolveIndicator, type IndicatorPlace } from '../../../../shared/ruleset/walk';
import { columnLetter, type ImportIssue } from '../targets/parse-sheet';

/** The columns a findings sheet may carry, by the header words offices use. */
const COLUMNS = {
  target: ['考评对象', '对象', '对象编号', '网站名称', '账号名称', '名称', '网址', '新媒体标识码', '标识码'],
  indicator: ['指标', '考评指标'],
  level1: ['一级指标'],
  level2: ['二级指标', '三级指标'],
  rule: ['评分细则', '细则', '细则序号', '评分细则序号', '条'],
  count: ['次数', '处数', '数量'],
  note: ['说明', '问题说明', '问题描述', '备注'],
} as const;
type Column = keyof typeof COLUMNS;
type Layout = Partial<Record<Column, number>>;

export interface ParsedFindings {
  findings: (NewFinding & { sheet: string; row: number })[];
  errors: ImportIssue[];
}

/** Looks up targets by id, name, unit (websites), identifier code and URL, built once per import. */
export class TargetIndex {
  private readonly byKey = new Map<string, Target[]>();
  private readonly byId = new Map<number, Target>();

  constructor(targets: Target[]) {
    for (const t of targets) {
      this.byId.set(t.id, t);
      const keys = new Set([`n:${matchKey(t.name)}`]);
      if (t.kind === 'website') keys.add(`n:${matchKey(t.unit)}`);
      if (t.identifier) keys.add(`c:${t.identifier.toUpperCase()}`);
      if (t.url) keys.add(`u:${t.url.replace(/\/+$/u, '')}`);
      for (const k of keys) {
        const list = this.byKey.get(k);
        if (list) list.push(t);
        else this.byKey.set(k, [t]);
      }
    }
  }

  /** The one target a reviewer's reference names, or why not. */
  find(ref: string): Target | string {
    const text = ref.trim();
    if (/^\d+$/u.test(text)) {
      const hit = this.byId.get(Number(text));
      if (hit) return hit;
    }
    const url = /[./]/u.test(text) ? normalizeSiteUrl(text)?.url : undefined;
    const hits =
      (url && this.byKey.get(`u:${url.replace(/\/+$/u, '')}`)) ||
      this.byKey.get(`c:${text.toUpperCase()}`) ||
      this.byKey.get(`n:${matchKey(text)}`) ||
      [];
    if (hits.length === 1) return hits[0]!;
    if (hits.length === 0) return `找不到考评对象“${text}”`;
    return `“${text}”对应多个考评对象，请写编号：${hits.map((t) => `${t.id} ${t.name}`).join('；')}`;
  }
}

function findLayout(rows: string[][]): { header: number; layout: Layout } | null {
  // Headers sit in the first rows; a title line may come before them.
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const layout: Layout = {};
    rows[r]!.forEach((cell, i) => {
      const text = cleanCell(cell).replace(/\s+/gu, '');
      for (const [column, words] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
        if (layout[column] === undefined && words.includes(text)) layout[column] = i;
      }
    });
    if (layout.target !== undefined && (layout.indicator !== undefined || layout.level2 !== undefined)) return { header: r, layout };
  }
  return null;
}

function positiveInt(text: string, fallback: number): number | null {
  const t = toHalfWidth(text)
    .trim()
    .replace(/[处次条个第]/gu, '');
  if (t === '') return fallback;
  return /^\d+$/u.test(t) && Number(t) > 0 ? Number(t) : null;
}

/**
 * Reads one sheet of findings (one row a finding) without writing anything:
 * every row is checked against the targets and the ruleset, and every problem
 * is named by sheet, row and column.
 */
export function parseFindingsSheet(ruleset: Ruleset, targets: TargetIndex, sheet: string, rows: string[][], into: ParsedFindings): void {
  const found = findLayout(rows);
  if (!found) return;
  const { header, layout } = found;
  const cell = (row: string[], column: Column) => (layout[column] === undefined ? '' : cleanCell(row[layout[column]!] ?? ''));
  const places = new Map<string, IndicatorPlace | string>();
  const placeOf = (ref: string, kind: TargetKind) => {
    const key = `${kind}|${ref}`;
    if (!places.has(key)) {
      try {
        places.set(key, resolveIndicator(ruleset, ref, kind));
      } catch (error) {
        places.set(key, error instanceof KaopingError ? error.message : String(error));
      }
    }
    return places.get(key)!;
  };
  for (let r = header + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    if (row.every((c) => !cleanCell(c ?? ''))) continue;
    const rowNo = r + 1;
    const issue = (column: Column, message: string) =>
      into.errors.push({ sheet, row: rowNo, column: columnLetter(layout[column] ?? 0), message });
    const ref = cell(row, 'target');
    if (!ref) {
      issue('target', '考评对象为空');
      continue;
    }
    const target = targets.find(ref);
    if (typeof target === 'string') {
      issue('target', target);
      continue;
    }
    const indicatorRef =
      layout.indicator !== undefined ? cell(row, 'indicator') : [cell(row, 'level1'), cell(row, 'level2')].filter(Boolean).join('/');
    if (!indicatorRef) {
      issue(layout.indicator !== undefined ? 'indicator' : 'level2', '指标为空');
      continue;
    }
    const place = placeOf(indicatorRef, target.kind);
    if (typeof place === 'string') {
      issue(layout.indicator !== undefined ? 'indicator' : 'level2', place);
      continue;
    }
    const rule = positiveInt(cell(row, 'rule'), 1);
    const rules = place.indicator.rules;
    if (rule === null || !rules.some((x) => x.n === rule)) {
      issue('rule', `指标“${place.path}”没有第 ${cell(row, 'rule')} 条评分细则（共 ${rules.length} 条）`);
      continue;
    }
    const count = positiveInt(cell(row, 'count'), 1);
    if (count === null) {
      issue('count', `次数应为正整数：“${cell(row, 'count')}”`);
      continue;
    }
    into.findings.push({
      sheet,
      row: rowNo,
      targetId: target.id,
      indicatorId: place.indicator.id,
      rule,
      count,
      note: cell(row, 'note'),
      status: 'confirmed',
    });
  }
}
