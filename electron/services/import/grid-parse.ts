/**
 * Bytes of an .xlsx or .csv to grids of cell texts, within IMPORT_LIMITS. Runs
 * inside the parsing worker (grid-worker.ts), so a file that still manages to
 * be expensive costs that worker, never the app.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { KaopingError } from '../../../shared/errors';
import { IMPORT_LIMITS, overLimit } from './limits';
import { inspectXlsxZip } from './zip-inspect';

/** A sheet as rows of cell texts (formulas as their results, merged cells as their master's value). */
export interface Grid {
  sheet: string;
  rows: string[][];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('hyperlink' in value) return String(value.hyperlink);
    return '';
  }
  return String(value);
}

/** Counts rows across a file and refuses the one past the limit. */
class RowBudget {
  private used = 0;
  constructor(private readonly name: string) {}
  take(): void {
    if (++this.used > IMPORT_LIMITS.rows) throw overLimit.rows(this.name);
  }
}

function checkCell(name: string, sheet: string, row: number, column: number, text: string): string {
  if (text.length > IMPORT_LIMITS.cellChars) throw overLimit.cell(name, sheet, row, column, text.length);
  return text;
}

/**
 * Splits CSV text (quotes, doubled quotes, CRLF) into rows, one row at a time:
 * `onRow` may throw to stop early, so a million-line file is never held as rows.
 */
export function parseCsvRows(text: string, onRow: (cells: string[]) => void): void {
  let row: string[] = [];
  let start = 0;
  let cell = '';
  let quoted = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (quoted) {
      if (ch !== 34) continue;
      if (text.charCodeAt(i + 1) === 34) {
        cell += text.slice(start, i + 1);
        start = ++i + 1;
      } else {
        cell += text.slice(start, i);
        start = i + 1;
        quoted = false;
      }
    } else if (ch === 34) {
      cell += text.slice(start, i);
      start = i + 1;
      quoted = true;
    } else if (ch === 44) {
      row.push(cell + text.slice(start, i));
      cell = '';
      start = i + 1;
    } else if (ch === 10 || ch === 13) {
      row.push(cell + text.slice(start, i));
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      onRow(row);
      row = [];
      cell = '';
      start = i + 1;
    }
  }
  const last = cell + text.slice(start);
  if (last || row.length) {
    row.push(last);
    onRow(row);
  }
}

/** CSV from units is often GBK: take UTF-8 when the bytes are valid UTF-8, else GB18030. */
function decodeCsv(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf8 = buffer.toString('utf8');
  const text = utf8.includes('\ufffd') ? iconv.decode(buffer, 'gb18030') : utf8;
  return text.replace(/^\ufeff/u, '');
}

function csvGrids(name: string, bytes: Uint8Array): Grid[] {
  const rows: string[][] = [];
  const budget = new RowBudget(name);
  parseCsvRows(decodeCsv(bytes), (cells) => {
    budget.take();
    if (cells.length > IMPORT_LIMITS.columns) throw overLimit.columns(name, name, rows.length + 1);
    cells.forEach((c, i) => checkCell(name, name, rows.length + 1, i + 1, c));
    rows.push(cells);
  });
  return [{ sheet: name, rows }];
}

async function xlsxGrids(name: string, bytes: Uint8Array): Promise<Grid[]> {
  inspectXlsxZip(name, bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new KaopingError('bad-xlsx', `无法解析 Excel 文件 ${name}：${String((error as Error).message).slice(0, 200)}`);
  }
  if (workbook.worksheets.length > IMPORT_LIMITS.sheets) throw overLimit.sheets(name, workbook.worksheets.length);
  const budget = new RowBudget(name);
  return workbook.worksheets.map((ws) => {
    const rows: string[][] = [];
    if (ws.columnCount > IMPORT_LIMITS.columns) throw overLimit.columns(name, ws.name, 1);
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      budget.take();
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        if (col > IMPORT_LIMITS.columns) throw overLimit.columns(name, ws.name, n);
        cells[col - 1] = checkCell(name, ws.name, n, col, cellText(cell.isMerged && cell.master !== cell ? cell.master.value : cell.value));
      });
      rows[n - 1] = Array.from(cells, (c) => c ?? '');
    });
    return { sheet: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

/** Parses a spreadsheet's bytes; `kind` comes from the file's extension. */
export async function parseGrids(name: string, kind: 'xlsx' | 'csv', bytes: Uint8Array): Promise<Grid[]> {
  return kind === 'csv' ? csvGrids(name, bytes) : xlsxGrids(name, bytes);
}
