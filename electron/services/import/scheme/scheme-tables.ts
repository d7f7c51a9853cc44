import type { PartKind } from '../../../../shared/ruleset/types';
import type { TargetKind } from '../../../../shared/domain/types';
import type { DocBlock } from './docx-read';
import { asciiDigits } from './wording';

/** An indicator as read from the table, before its wording is parsed. */
export interface DraftIndicator {
  name: string;
  /** Null where the cell is empty or not a number. */
  weight: number | null;
  weightText: string;
  ruleText: string;
  /** 指标说明 column (seed 001), kept as a note. */
  explanation: string;
  children: DraftIndicator[];
}

export interface DraftSection {
  name: string;
  /** Every maximum the 一级指标 cells state (a table may state two). */
  statedMax: number[];
  kinds?: TargetKind[];
  indicators: DraftIndicator[];
}

export interface DraftPart {
  kind: PartKind;
  name: string;
  statedMax: number | null;
  sections: DraftSection[];
}

const squash = (s: string) => asciiDigits(s).replace(/\s+/gu, '');
const HEADING = /^[一二三四五六七八九十]+[、.．]\s*(.+?)\s*(?:[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)])?$/u;
const NONE = /^[—\-–]+$/u;

type Columns = { section: number; indicator: number; third: number; explanation: number; rules: number; weight: number; veto: boolean };

function headerColumns(row: string[]): Columns | undefined {
  const keys = row.map(squash);
  const find = (...names: string[]) => keys.findIndex((k) => names.some((n) => k === n || k.startsWith(n)));
  const rules = find('评分细则', '评分标准', '考核细则', '评分办法');
  if (rules < 0) return undefined;
  const target = find('检查对象', '考评对象');
  if (target >= 0)
    return { section: target, indicator: find('指标'), third: -1, explanation: -1, rules, weight: find('分值', '权重'), veto: true };
  return {
    section: find('一级指标'),
    indicator: find('二级指标'),
    third: find('三级指标'),
    explanation: find('指标说明'),
    rules,
    weight: find('分值', '权重'),
    veto: false,
  };
}

/** A row whose cells all say the same (a title merged across the table). */
function spanText(row: string[]): string | undefined {
  const cells = [...new Set(row.map((c) => c.trim()).filter(Boolean))];
  return cells.length === 1 && row.length > 1 && row.filter((c) => c.trim()).length === row.length ? cells[0] : undefined;
}

/** "健康情况 (20分)", "政府信息公开40", "办事\n服务\n5" → name and stated maximum. */
export function sectionHead(text: string): { name: string; max: number | null } {
  const s = squash(text);
  const m = /^(.*?)[（(]?(-?\d+(?:\.\d+)?)分?[）)]?$/u.exec(s);
  return m && m[1] ? { name: m[1], max: Math.abs(Number(m[2])) } : { name: s, max: null };
}

function partKindOf(heading: string, veto: boolean): PartKind {
  if (veto || /否决/u.test(heading)) return 'veto';
  if (/加分|引导/u.test(heading)) return 'bonus';
  if (/扣分指标|负面/u.test(heading)) return 'negative';
  return 'basic';
}

function parseWeight(text: string): number | null {
  const s = squash(text).replace(/分$/u, '');
  return /^-?\d+(?:\.\d+)?$/u.test(s) ? Number(s) : null;
}

/**
 * Reads the indicator tables of a scheme into parts. A heading paragraph (or a
 * title row merged across the table) names the part ("二、基础性指标（100分）");
 * without one, sections named 加分/扣分指标 become parts of their own (seed 001).
 */
export function readTables(blocks: DocBlock[]): DraftPart[] {
  const parts: DraftPart[] = [];
  let heading: { name: string; max: number | null } | undefined;
  for (const block of blocks) {
    if (block.type === 'para') {
      const m = HEADING.exec(squash(block.text));
      if (m) heading = { name: m[1]!, max: m[2] ? Number(m[2]) : null };
      continue;
    }
    let columns: Columns | undefined;
    let tableHeading = heading;
    let current: { section?: DraftSection; sectionText?: string; part?: DraftPart; indicator?: DraftIndicator; indicatorText?: string } =
      {};
    for (const row of block.rows) {
      const span = spanText(row);
      if (span && !headerColumns(row)) {
        const m = HEADING.exec(squash(span));
        if (m) tableHeading = { name: m[1]!, max: m[2] ? Number(m[2]) : null };
        continue;
      }
      const header = headerColumns(row);
      if (header) {
        // A header repeated after a page break keeps the table's state.
        if (!columns) columns = header;
        continue;
      }
      if (!columns) continue;
      const at = (i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
      const sectionText = at(columns.section) || current.sectionText || '';
      if (!sectionText && !at(columns.rules)) continue;
      if (sectionText !== current.sectionText) {
        const head = columns.veto ? { name: squash(sectionText), max: null } : sectionHead(sectionText);
        const own = !columns.veto && !tableHeading && /加分|扣分指标|负面/u.test(head.name);
        const kind = partKindOf(own ? head.name : (tableHeading?.name ?? ''), columns.veto);
        const partName = own ? head.name : (tableHeading?.name ?? (kind === 'veto' ? '单项否决指标' : '基础指标'));
        const partMax = own ? head.max : (tableHeading?.max ?? null);
        let part = parts.find((p) => p.kind === kind && p.name === partName);
        if (!part) parts.push((part = { kind, name: partName, statedMax: partMax, sections: [] }));
        let section = part.sections.find((s) => s.name === head.name);
        if (!section) {
          section = { name: head.name, statedMax: [], indicators: [] };
          if (columns.veto) section.kinds = /新媒体/u.test(head.name) ? ['account'] : ['website'];
          part.sections.push(section);
        }
        if (head.max !== null && !section.statedMax.includes(head.max)) section.statedMax.push(head.max);
        current = { section, sectionText, part };
      }
      const section = current.section!;
      const second = at(columns.indicator);
      const third = at(columns.third);
      const leafOf = (name: string): DraftIndicator => ({
        name: squash(name),
        weight: parseWeight(at(columns!.weight)),
        weightText: at(columns!.weight),
        ruleText: at(columns!.rules),
        explanation: at(columns!.explanation),
        children: [],
      });
      if (third && !NONE.test(squash(third))) {
        // 三级指标 under a 二级 that is merged down over its children.
        let parent = current.indicatorText === second ? current.indicator : undefined;
        if (!parent) {
          section.indicators.push(
            (parent = { name: squash(second), weight: null, weightText: '', ruleText: '', explanation: '', children: [] }),
          );
          current.indicator = parent;
          current.indicatorText = second;
        }
        parent.children.push(leafOf(third));
      } else if (
        second &&
        second === current.indicatorText &&
        current.indicator &&
        !current.indicator.children.length &&
        !columns.veto &&
        at(columns.rules) === current.indicator.ruleText
      ) {
        // The same merged cell over two rows: nothing new.
        continue;
      } else {
        const leaf = leafOf(second || '（未命名指标）');
        section.indicators.push(leaf);
        current.indicator = leaf;
        current.indicatorText = second;
      }
    }
    heading = undefined;
  }
  return parts;
}
