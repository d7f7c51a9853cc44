import { cleanCell, matchKey } from '../../../../shared/text/normalize';
import { normalizeSiteUrl } from '../../../../shared/text/url';
import type { NewTarget } from '../../../../shared/domain/types';
import type { Ruleset, TargetClass } from '../../../../shared/ruleset/types';
import { IDENTIFIER_PATTERN, platformCodeOf } from './platforms';
import { NAME_MAX_CHARS, overLimit } from '../limits';

/** A problem in the file, located the way a reviewer finds it in Excel. */
export interface ImportIssue {
  sheet: string;
  row: number;
  column?: string;
  message: string;
}

export interface ParsedTargets {
  targets: (NewTarget & { sheet: string; row: number })[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /**
   * Per section title: its class (null until the person importing maps it), how the
   * class was found, how many it says ("共 11 个") and how many were read.
   */
  sections: { title: string; classId: string | null; how: 'map' | 'label' | 'name' | null; declared: number | null; read: number }[];
}

/** A section title as the class map keys it: no numbering, no count, no spaces or bracket variants. */
export function titleKey(title: string): string {
  return matchKey(title)
    .replace(/^[一二三四五六七八九十\d]+[、.．]/u, '')
    .replace(/[（(]共\d+个[）)]$/u, '');
}

/** The class of a section title: the person's mapping, the class label it names (第一类), else the closest name. */
function sectionClass(
  ruleset: Ruleset,
  title: string,
  classMap: Record<string, string>,
): { cls?: TargetClass; how: 'map' | 'label' | 'name' | null; mapError?: string } {
  const mapped = Object.entries(classMap).find(([t]) => titleKey(t) === titleKey(title));
  if (mapped) {
    const ref = mapped[1].trim();
    const cls = ruleset.classes.find((c) => c.id === ref || c.label === ref || c.name === ref);
    return cls
      ? { cls, how: 'map' }
      : { how: null, mapError: `类别对应中的“${ref}”不是本考评方案的类别（可选：${ruleset.classes.map((c) => c.label).join('、')}）` };
  }
  const byLabel = ruleset.classes.filter((c) => matchKey(title).includes(matchKey(c.label)));
  if (byLabel.length === 1) return { cls: byLabel[0], how: 'label' };
  const cls = classForTitle(ruleset, title);
  return cls ? { cls, how: 'name' } : { how: null };
}

type Layout =
  | { kind: 'website'; unit: number; url: number; name: number | null }
  | { kind: 'account'; unit: number; code: number; name: number; type: number };

export const columnLetter = (i: number): string =>
  (i >= 26 ? columnLetter(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

/** `keys` are the row's cells as matchKey gives them, computed once per row. */
function findColumn(keys: string[], ...names: string[]): number {
  return keys.findIndex((k) => names.some((n) => k.includes(matchKey(n))));
}

/** A header row of the annex-1 layout, or undefined. Both layouts name the unit, so other rows are passed over cheaply. */
function headerLayout(cells: string[]): Layout | undefined {
  if (!cells.some((c) => c.includes('单位'))) return undefined;
  const keys = cells.map(matchKey);
  const unit = findColumn(keys, '主管单位', '主办单位', '单位名称');
  const code = findColumn(keys, '新媒体标识码', '标识码');
  const accountName = findColumn(keys, '账号名称');
  const type = findColumn(keys, '账号类型', '平台');
  if (unit >= 0 && code >= 0 && accountName >= 0 && type >= 0) return { kind: 'account', unit, code, name: accountName, type };
  const url = findColumn(keys, '网址', '网站地址', 'URL');
  if (unit >= 0 && url >= 0) {
    const name = findColumn(keys, '网站名称');
    return { kind: 'website', unit, url, name: name >= 0 ? name : null };
  }
  return undefined;
}

/** Character bigrams, for matching section titles to class names. */
function bigrams(text: string): Set<string> {
  const key = matchKey(text).replace(/[()（）,，、]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i < key.length - 1; i++) out.add(key.slice(i, i + 2));
  return out;
}

/** The class a section title names: the class whose name shares most of its wording (Dice). */
export function classForTitle(ruleset: Ruleset, title: string): TargetClass | undefined {
  const t = bigrams(title);
  let best: { cls: TargetClass; score: number } | undefined;
  for (const cls of ruleset.classes) {
    const c = bigrams(`${cls.name}${cls.kind === 'account' ? '政务新媒体' : ''}`);
    const shared = [...c].filter((g) => t.has(g)).length;
    // A title that says 不承担 never belongs to a class that does not, and vice versa.
    if (title.includes('不承担') !== cls.name.includes('不承担')) continue;
    const score = (2 * shared) / (c.size + t.size || 1);
    if (!best || score > best.score) best = { cls, score };
  }
  return best && best.score >= 0.2 ? best.cls : undefined;
}

const TITLE = /^[一二三四五六七八九十]+[、.．]/u;

/**
 * Reads one sheet laid out like annex 1 of the Zhanjiang scheme: section titles
 * naming the class ("一、…门户网站（共 11 个）"), header rows (repeated where a
 * printed page broke), the owning unit written once and left blank below it.
 */
export function parseSheet(
  ruleset: Ruleset,
  sheet: string,
  rows: string[][],
  into: ParsedTargets,
  classMap: Record<string, string> = {},
): void {
  let layout: Layout | undefined;
  let cls: TargetClass | undefined;
  let section: ParsedTargets['sections'][number] | undefined;
  let lastUnit = '';
  rows.forEach((raw, index) => {
    const row = index + 1;
    const cells = raw.map((c) => cleanCell(c ?? ''));
    const nonEmpty = cells.filter(Boolean);
    if (nonEmpty.length === 0) return;
    // A merged title row repeats the master's text in every cell it spans.
    const distinct = [...new Set(nonEmpty)];
    const joined = distinct.join('');
    if (distinct.length <= 2 && TITLE.test(joined)) {
      const found = sectionClass(ruleset, joined, classMap);
      cls = found.cls;
      const declared = /共\s*(\d+)\s*个/u.exec(joined);
      // An unmatched heading is never refused: the person importing picks its class.
      if (found.mapError) into.errors.push({ sheet, row, message: found.mapError });
      else if (!cls)
        into.errors.push({
          sheet,
          row,
          message: `标题“${joined}”与考评方案的类别名称不一致，请指定它属于哪一类（界面中在预览里选择；命令行用 --class-map "${joined}=第一类"）`,
        });
      into.sections.push(
        (section = { title: joined, classId: cls?.id ?? null, how: found.how, declared: declared ? Number(declared[1]) : null, read: 0 }),
      );
      layout = undefined;
      lastUnit = '';
      return;
    }
    const header = headerLayout(cells);
    if (header) {
      layout = header;
      return;
    }
    if (!layout) {
      if (nonEmpty.length >= 2) into.warnings.push({ sheet, row, message: `表头之前的内容已忽略：${joined.slice(0, 30)}` });
      return;
    }
    if (!cls) {
      // Rows of a section still to be mapped are counted, not reported one by one.
      if (section && section.classId === null) section.read++;
      else into.errors.push({ sheet, row, message: '此行之前没有表示考评类别的标题（如“一、各县（市、区）政府……（共 11 个）”）' });
      return;
    }
    const at = (col: number) => cells[col] ?? '';
    const tooLong = (col: number | null, what: string) => {
      const chars = col === null ? 0 : at(col).length;
      if (chars > NAME_MAX_CHARS)
        into.errors.push({ sheet, row, column: columnLetter(col!), message: overLimit.name(what, chars).message });
      return chars > NAME_MAX_CHARS;
    };
    if (layout.kind === 'website') {
      const unit = at(layout.unit);
      const rawUrl = at(layout.url);
      if (!unit) into.errors.push({ sheet, row, column: columnLetter(layout.unit), message: '主管单位为空' });
      if (tooLong(layout.unit, '主管单位') || tooLong(layout.name, '网站名称')) return;
      const normal = normalizeSiteUrl(rawUrl);
      if (!normal) {
        into.errors.push({ sheet, row, column: columnLetter(layout.url), message: rawUrl ? `网址无效：${rawUrl}` : '网址为空' });
        return;
      }
      if (normal.addedScheme)
        into.warnings.push({ sheet, row, column: columnLetter(layout.url), message: `网址未写协议，按 ${normal.url} 处理` });
      if (cls.kind !== 'website') into.errors.push({ sheet, row, message: `“${cls.label}”是新媒体类别，但此行是网站` });
      into.targets.push({
        sheet,
        row,
        kind: 'website',
        unit,
        name: (layout.name !== null ? at(layout.name) : '') || unit,
        url: normal.url,
        classId: cls.id,
        attributes: {},
        identifier: null,
        platform: null,
      });
    } else {
      const unit = at(layout.unit) || lastUnit;
      lastUnit = unit;
      const code = at(layout.code).toUpperCase();
      const name = at(layout.name);
      const type = at(layout.type);
      if (!unit) into.errors.push({ sheet, row, column: columnLetter(layout.unit), message: '主管单位为空' });
      if (!name) into.errors.push({ sheet, row, column: columnLetter(layout.name), message: '账号名称为空' });
      if (tooLong(layout.unit, '主管单位') || tooLong(layout.name, '账号名称')) return;
      const m = IDENTIFIER_PATTERN.exec(code);
      if (!m)
        into.errors.push({
          sheet,
          row,
          column: columnLetter(layout.code),
          message: `新媒体标识码格式有误：“${code}”（应为6位行政区划代码+M+3位单位编号+2位平台代码+4位序号）`,
        });
      // The platform-code table is unverified practice (platforms.ts), so a mismatch warns.
      const expected = platformCodeOf(type);
      if (!expected)
        into.warnings.push({ sheet, row, column: columnLetter(layout.type), message: type ? `未知的账号类型：${type}` : '账号类型为空' });
      else if (m && m[3] !== expected)
        into.warnings.push({
          sheet,
          row,
          column: columnLetter(layout.code),
          message: `标识码平台代码 ${m[3]} 与账号类型“${type}”（${expected}）不一致，请核对`,
        });
      into.targets.push({
        sheet,
        row,
        kind: 'account',
        unit,
        name,
        url: null,
        classId: cls.kind === 'account' ? cls.id : (ruleset.classes.find((c) => c.kind === 'account')?.id ?? cls.id),
        attributes: {},
        identifier: code,
        platform: type,
      });
    }
    if (section) section.read++;
  });
}
