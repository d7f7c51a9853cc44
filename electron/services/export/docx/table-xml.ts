/**
 * Annex tables written as WordprocessingML text. docx's object model costs ~0.3 MB and
 * 2–3 ms per row, which makes a 10 000-row annex take half a minute and gigabytes;
 * the table is simple and regular, so it is emitted directly and spliced in for a
 * placeholder paragraph by finalizeDocx.
 */
import { LineRuleType, type IParagraphStyleOptions } from 'docx';
import { formatScoreAs, type ScoreStyle } from '../../../../shared/format/number';
import type { Align, Cell, TableBlock } from '../table-spec';
import { LATIN_FONT, TEXT_WIDTH, FONTS, SIZE, type FontKey } from './layout';

/** Marker text of the placeholder paragraph for table `index`. */
export function tableMarker(index: number): string {
  return `KAOPING-TABLE-${index}-END`;
}

/** Finds a placeholder paragraph (whole `<w:p>` element) and captures its table index. */
export const TABLE_PLACEHOLDER = /<w:p\b(?:(?!<w:p\b)[\s\S])*?KAOPING-TABLE-(\d+)-END(?:(?!<w:p\b)[\s\S])*?<\/w:p>/gu;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Table font size: 4号 for narrow tables, 小四 for medium, 五号 for wide ones. */
export function tableFontSize(columnCount: number): number {
  if (columnCount <= 5) return SIZE.si;
  if (columnCount <= 8) return SIZE.xiaosi;
  return SIZE.wu;
}

/** Fits relative column widths to the 版心 width in twips. */
export function fitWidths(weights: readonly number[], total: number = TEXT_WIDTH): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cellText(value: Cell, decimals: boolean | undefined, style: ScoreStyle): string {
  if (value === null) return '';
  if (typeof value === 'number') return decimals ? formatScoreAs(value, style) : String(value);
  return value;
}

/**
 * Width of text in ems of the table font: Han and full-width 1; ASCII counted at
 * 0.65 — Times New Roman digits are 0.5, but a viewer without it substitutes wider
 * faces (DejaVu Serif 0.64), and a number must not break in either.
 */
function ems(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 ? 0.65 : 1;
  return w;
}

/** Width a column needs to keep its values whole, in twips, at font `size`. */
function needs(block: TableBlock, size: number, style: ScoreStyle): number[] {
  const em = size * 10;
  return block.columns.map((c, i) => {
    let widest = Math.ceil(ems(c.header) / 2);
    for (const row of block.rows) {
      const text = cellText(row[i] ?? null, c.decimals, style);
      for (const line of text.split('\n')) widest = Math.max(widest, ems(line));
    }
    return Math.ceil(widest * em + CELL_PADDING + 20);
  });
}

/** Whether a column may wrap: left-aligned text wider than six characters. */
const wrapping = (block: TableBlock, need: readonly number[], size: number) =>
  block.columns.map((c, i) => c.align === 'left' && need[i]! > 6 * size * 10);

/**
 * The table's font size: the size by column count (四号, 小四, 五号), smaller (小五, 六号)
 * when the numbers would not fit whole otherwise (seed 002's 13-column annex 1).
 */
export function tableSize(block: TableBlock, style: ScoreStyle): number {
  const first = TABLE_SIZES.indexOf(tableFontSize(block.columns.length) as (typeof TABLE_SIZES)[number]);
  for (const size of TABLE_SIZES.slice(first)) {
    const need = needs(block, size, style);
    const wraps = wrapping(block, need, size);
    // Wrapping columns need room for four characters a line at least.
    const total = need.reduce((sum, n, i) => sum + (wraps[i] ? Math.min(n, 4 * size * 10 + CELL_PADDING) : n), 0);
    if (total <= TEXT_WIDTH) return size;
  }
  return TABLE_SIZES[TABLE_SIZES.length - 1]!;
}

/** Cell padding (left + right margins) in twips. */
const CELL_PADDING = 120;

/**
 * Column widths in twips that keep every number and short value on one line: a
 * column whose values are numbers or short codes gets exactly what its widest value
 * (or half its header, which may wrap) needs; wrapping text columns share the rest
 * by their width hints. The hints alone made "19.00" break inside a 10 mm column.
 */
export function columnWidths(block: TableBlock, size: number, style: ScoreStyle): number[] {
  const need = needs(block, size, style);
  const wraps = wrapping(block, need, size);
  const fixed = need.reduce((sum, n, i) => sum + (wraps[i] ? 0 : n), 0);
  const flexible = block.columns.filter((_, i) => wraps[i]);
  if (flexible.length === 0 || fixed >= TEXT_WIDTH) return fitWidths(need);
  const rest = TEXT_WIDTH - fixed;
  const share = fitWidths(
    flexible.map((c) => c.width),
    rest,
  );
  let k = 0;
  const widths = need.map((n, i) => (wraps[i] ? Math.min(share[k++]!, Math.max(n, 0)) : n));
  // Whatever the wrapping columns did not need goes to all columns evenly.
  const spare = TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return fitWidths(widths.map((w) => w + spare / widths.length));
}

const TABLE_SIZES = [SIZE.si, SIZE.xiaosi, SIZE.wu, SIZE.xiaowu, SIZE.liu] as const;

/** Style id of table cell paragraphs: header (黑体) or body (仿宋) at a size. */
export function tableStyleId(header: boolean, size: number): string {
  return `KpTable${header ? 'Head' : 'Body'}${size}`;
}

/**
 * Paragraph styles for table cells, so each of the many cells references a style
 * instead of repeating fonts, size and spacing (a third of the XML per cell).
 */
export function tableParagraphStyles(): IParagraphStyleOptions[] {
  const font = (key: FontKey) => ({ ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: FONTS[key].name, cs: LATIN_FONT });
  return TABLE_SIZES.flatMap((size) =>
    [true, false].map((header) => ({
      id: tableStyleId(header, size),
      name: `Kaoping table ${header ? 'head' : 'body'} ${size / 2}pt`,
      basedOn: 'Normal',
      run: { font: font(header ? 'heiti' : 'fangsong'), size },
      paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    })),
  );
}

const JC: Record<Align, string> = { left: 'left', center: 'center', right: 'right' };
const LINE = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';

/** One annex table with a header row repeated on every page and rows that never split. */
export function tableXml(block: TableBlock, style: ScoreStyle = 'trim'): string {
  const size = tableSize(block, style);
  const widths = columnWidths(block, size, style);
  const head = tableStyleId(true, size);
  const body = tableStyleId(false, size);
  const cell = (text: string, width: number, align: Align, style: string) =>
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr><w:pStyle w:val="${style}"/><w:snapToGrid w:val="0"/><w:jc w:val="${JC[align]}"/></w:pPr>` +
    (text ? `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>` : '') +
    '</w:p></w:tc>';
  const parts: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>`,
    `<w:tblBorders><w:top ${LINE}/><w:left ${LINE}/><w:bottom ${LINE}/><w:right ${LINE}/><w:insideH ${LINE}/><w:insideV ${LINE}/></w:tblBorders>`,
    '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="60" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr>',
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${block.columns.map((c, i) => cell(c.header, widths[i]!, 'center', head)).join('')}</w:tr>`,
  ];
  for (const row of block.rows) {
    let tr = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    block.columns.forEach((c, i) => {
      tr += cell(cellText(row[i] ?? null, c.decimals, style), widths[i]!, c.align ?? 'center', body);
    });
    parts.push(`${tr}</w:tr>`);
  }
  if (block.rows.length === 0 && block.emptyText) {
    parts.push(
      `<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:gridSpan w:val="${block.columns.length}"/><w:vAlign w:val="center"/></w:tcPr>` +
        `<w:p><w:pPr><w:pStyle w:val="${body}"/><w:snapToGrid w:val="0"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">${escapeXml(block.emptyText)}</w:t></w:r></w:p></w:tc></w:tr>`,
    );
  }
  parts.push('</w:tbl>');
  return parts.join('');
}
