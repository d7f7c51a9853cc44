/**
 * Writes an AnnexSpec as one worksheet: "附件1" label, merged title (and subtitle),
 * per block a merged caption, a header row and bordered data rows, then the note.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AnnexSpec, Cell, TableColumn } from '../table-spec';
import { quoteFormulaText } from '../ooxml/formula-guard';
import {
  BODY_FONT,
  BORDER,
  CAPTION_FONT,
  CENTER,
  LABEL_FONT,
  LEFT,
  RIGHT,
  scoreCell,
  SUBTITLE_FONT,
  WARNING_FONT,
  TITLE_FONT,
  a4PageSetup,
  PAGE_FOOTER,
  cellWidth,
  displayWidth,
  fitColumnWidth,
  mergedTitle,
  styleHeader,
} from './style';

function alignmentOf(column: TableColumn) {
  if (column.align === 'left') return LEFT;
  if (column.align === 'right') return RIGHT;
  return CENTER;
}

/** Column widths that fit every header and value of the spec (computed before any row is written). */
export function annexColumnWidths(spec: AnnexSpec): number[] {
  const columnCount = Math.max(...spec.blocks.map((b) => b.columns.length), 1);
  const widths: number[][] = Array.from({ length: columnCount }, () => []);
  for (const block of spec.blocks) {
    block.columns.forEach((column, i) => {
      // Headers may wrap onto two lines, so they count half.
      widths[i]!.push(Math.ceil(cellWidth(column.header) / 2), column.width);
      for (const values of block.rows) widths[i]!.push(cellWidth(values[i] ?? null, column.decimals, spec.scoreStyle));
    });
  }
  return widths.map((list) => fitColumnWidth(list));
}

/** Lines a row needs when its cells wrap at the column widths (explicit breaks count too). */
function rowLines(values: readonly Cell[], widths: readonly number[]): number {
  let lines = 1;
  values.forEach((value, i) => {
    if (typeof value !== 'string') return;
    const usable = Math.max(1, (widths[i] ?? 10) - 2);
    const n = value.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
    if (n > lines) lines = n;
  });
  return Math.min(lines, 20);
}

/** The streaming worksheet has the same row/cell API as the in-memory one for what is used here. */
type AnyWorksheet = ExcelJS.Worksheet;

/**
 * Writes the annex as a worksheet of `wb`, row by row and committing as it goes, so the
 * streaming writer keeps memory flat for 10 000-row annexes.
 */
export function addAnnexSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, spec: AnnexSpec): void {
  const widths = annexColumnWidths(spec);
  const columnCount = widths.length;
  const firstHeaderRow = 2 + (spec.subtitle ? 1 : 0) + (spec.warning ? 1 : 0) + (spec.blocks[0]?.caption ? 1 : 0) + 1;
  const pageSetup = a4PageSetup(
    widths.reduce((a, b) => a + b, 0),
    spec.blocks.length ? `${firstHeaderRow}:${firstHeaderRow}` : undefined,
  );
  const ws = wb.addWorksheet(spec.sheetName.slice(0, 31), {
    views: [{ showGridLines: false }],
    pageSetup,
    headerFooter: { oddFooter: PAGE_FOOTER },
  }) as unknown as AnyWorksheet;
  ws.columns = widths.map((width) => ({ width }));

  const labelRow = ws.getRow(1);
  if (spec.label) {
    labelRow.getCell(1).value = spec.label;
    labelRow.getCell(1).font = LABEL_FONT;
  }
  labelRow.commit();
  let row = 2;
  mergedTitle(ws, row++, columnCount, spec.title, TITLE_FONT, 32);
  if (spec.subtitle) mergedTitle(ws, row++, columnCount, spec.subtitle, SUBTITLE_FONT, 20);
  if (spec.warning) mergedTitle(ws, row++, columnCount, spec.warning, WARNING_FONT, 20, { ...LEFT, wrapText: false });

  spec.blocks.forEach((block, b) => {
    if (block.caption) {
      mergedTitle(ws, row++, block.columns.length, block.caption, CAPTION_FONT, 24, { ...LEFT, wrapText: false });
    }
    const header = ws.getRow(row++);
    header.height = 30;
    block.columns.forEach((column, i) => {
      const cell = header.getCell(i + 1);
      cell.value = column.header;
      styleHeader(cell);
    });
    header.commit();
    const aligns = block.columns.map(alignmentOf);
    for (const values of block.rows) {
      const r = ws.getRow(row++);
      block.columns.forEach((column, i) => {
        const cell = r.getCell(i + 1);
        const value = values[i] ?? null;
        if (column.decimals && typeof value === 'number') {
          const score = scoreCell(value, spec.scoreStyle ?? 'trim');
          cell.value = score.value;
          if (score.numFmt) cell.numFmt = score.numFmt;
        } else cell.value = value;
        cell.font = BODY_FONT;
        cell.border = BORDER;
        cell.alignment = aligns[i]!;
      });
      // Rows are written before any viewer measures them: size wrapped text explicitly.
      const lines = rowLines(values, widths);
      if (lines > 1) r.height = 15 * lines;
      r.commit();
    }
    if (block.rows.length === 0 && block.emptyText) {
      ws.mergeCells(row, 1, row, block.columns.length);
      const r = ws.getRow(row++);
      const cell = r.getCell(1);
      cell.value = block.emptyText;
      cell.font = BODY_FONT;
      cell.border = BORDER;
      cell.alignment = CENTER;
      r.commit();
    }
    // A blank row between blocks; the note takes the one after the last block.
    if (b < spec.blocks.length - 1 || !spec.note) row++;
  });
  if (spec.note) {
    mergedTitle(ws, row, columnCount, spec.note, BODY_FONT, 20, { ...LEFT, wrapText: false });
  }
  (ws as unknown as { commit: () => void }).commit();
}

/** A workbook with one sheet per annex, written through exceljs's streaming writer (formula-like text quoted). */
export async function renderAnnexWorkbook(specs: readonly AnnexSpec[], creator = '考评工作台'): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  wb.creator = creator;
  for (const spec of specs) addAnnexSheet(wb, spec);
  await wb.commit();
  return quoteFormulaText(new Uint8Array(Buffer.concat(chunks)));
}
