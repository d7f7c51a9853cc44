/**
 * A neutral description of an annex: the annex formats build it once and both the
 * Excel writer (xlsx/annex-sheet.ts) and the Word writer (docx/annex.ts) render it,
 * so an annex in the circular and the annex workbook always show the same table.
 */

import type { ScoreStyle } from '../../../shared/format/number';

export type Cell = string | number | null;
export type Align = 'left' | 'center' | 'right';

export interface TableColumn {
  header: string;
  /** Relative width hint in characters; the writers fit it to the page. */
  width: number;
  align?: Align;
  /** Numbers in this column are scores, printed in the annex's `scoreStyle`. */
  decimals?: boolean;
}

export interface TableBlock {
  /** A caption above this table (the class name, e.g. 县区政府门户网站). */
  caption?: string;
  columns: TableColumn[];
  rows: Cell[][];
  /** Written as one merged row when there are no rows (an empty list says "无"). */
  emptyText?: string;
}

export interface AnnexSpec {
  /** "附件1". */
  label: string;
  title: string;
  /** A centred line under the title, e.g. "（2021年第二季度）". */
  subtitle?: string;
  blocks: TableBlock[];
  /** A note under the last table, e.g. "注：检查采样时间为…". */
  note?: string;
  /** Excel sheet name (≤ 31 characters). */
  sheetName: string;
  /** How score columns print: 'trim' (85.62, 78.1, 71; the default) or 'fixed2'. */
  scoreStyle?: ScoreStyle;
  /** A red line under the title, e.g. that some targets are not fully reviewed. */
  warning?: string;
}
