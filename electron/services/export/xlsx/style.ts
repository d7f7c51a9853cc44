/**
 * Excel styling for official-looking tables: fonts the office expects (宋体 titles and
 * headers, 仿宋 body — plain names that Windows, WPS and LibreOffice all resolve;
 * 仿宋_GB2312 is absent on current Windows), thin borders, widths that fit Chinese
 * text, two-decimal numbers and A4 print setup with repeated header rows.
 */
import type { Alignment, Borders, Cell, Font, PageSetup, Worksheet } from 'exceljs';
import { formatScoreAs, roundTo, type ScoreStyle } from '../../../../shared/format/number';

export const XLSX_FONTS = { title: '宋体', header: '宋体', body: '仿宋' } as const;

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export const TITLE_FONT: Partial<Font> = { name: XLSX_FONTS.title, size: 16, bold: true };
export const SUBTITLE_FONT: Partial<Font> = { name: XLSX_FONTS.body, size: 12 };
export const LABEL_FONT: Partial<Font> = { name: '黑体', size: 12 };
export const CAPTION_FONT: Partial<Font> = { name: XLSX_FONTS.header, size: 12, bold: true };
export const HEADER_FONT: Partial<Font> = { name: XLSX_FONTS.header, size: 11, bold: true };
export const BODY_FONT: Partial<Font> = { name: XLSX_FONTS.body, size: 11 };

export const CENTER: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
export const LEFT: Partial<Alignment> = { horizontal: 'left', vertical: 'middle', wrapText: true, indent: 1 };
export const RIGHT: Partial<Alignment> = { horizontal: 'right', vertical: 'middle', wrapText: true };

/** Number format for scores in the 'fixed2' style: always two decimals. */
export const SCORE_FORMAT = '0.00';

/** A score cell's value and number format: 'trim' stores the rounded value under General (85.62, 78.1, 71). */
export function scoreCell(value: number, style: ScoreStyle): { value: number; numFmt?: string } {
  return style === 'fixed2' ? { value, numFmt: SCORE_FORMAT } : { value: roundTo(value, 2) };
}

export const WARNING_FONT: Partial<Font> = { name: '仿宋', size: 11, color: { argb: 'FFFF0000' } };

/** Display width of text in Excel width units: CJK and full-width forms count 2, others 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += code >= 0x2e80 && !(code >= 0xff61 && code <= 0xff9f) ? 2 : 1;
  }
  return width;
}

/** Longest line of a cell value's text. */
export function cellWidth(value: unknown, decimals = false, style: ScoreStyle = 'trim'): number {
  if (value === null || value === undefined) return 0;
  const text = typeof value === 'number' && decimals ? formatScoreAs(value, style) : String(value);
  return Math.max(...text.split('\n').map(displayWidth));
}

/**
 * Column width that fits the widest cell (plus padding for borders), clamped so one
 * long problem text wraps instead of producing a page-wide column.
 */
export function fitColumnWidth(widths: Iterable<number>, min = 6, max = 50): number {
  let widest = 0;
  for (const w of widths) if (w > widest) widest = w;
  return Math.min(max, Math.max(min, Math.ceil(widest * 1.1) + 2));
}

/** Writes a title across `columns` columns on row `row`, merged and centred, and commits the row (streaming writers). */
export function mergedTitle(
  ws: Worksheet,
  row: number,
  columns: number,
  text: string,
  font: Partial<Font>,
  height = 30,
  alignment: Partial<Alignment> = CENTER,
): Cell {
  if (columns > 1) ws.mergeCells(row, 1, row, columns);
  const r = ws.getRow(row);
  const cell = r.getCell(1);
  cell.value = text;
  cell.font = font;
  cell.alignment = alignment;
  r.height = height;
  r.commit();
  return cell;
}

/** A header cell: bold 宋体, centred, bordered, light grey fill. */
export function styleHeader(cell: Cell): void {
  cell.font = HEADER_FONT;
  cell.alignment = CENTER;
  cell.border = BORDER;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
}

/**
 * A4 print setup: landscape when the table is wider than a portrait page holds,
 * fit to one page wide, centred, with `headerRows` ("3:4") repeated on every page.
 * Returned as options because the streaming writer emits sheetPr/fitToPage when the
 * sheet is created.
 */
export function a4PageSetup(totalWidth: number, headerRows?: string): Partial<PageSetup> {
  // About 95 width units fit across a portrait A4 page at 100% with 1.8 cm margins.
  const landscape = totalWidth > 95;
  return {
    paperSize: 9,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(headerRows ? { printTitlesRow: headerRows } : {}),
  };
}

/** Page footer "第 1 页，共 2 页". */
export const PAGE_FOOTER = '&C第 &P 页，共 &N 页';
