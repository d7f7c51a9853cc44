import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { KaopingError } from '../../../shared/errors';

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

/** Splits CSV text (quotes, doubled quotes, CRLF) into rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** CSV from units is often GBK: take UTF-8 when the bytes are valid UTF-8, else GB18030. */
function decodeCsv(bytes: Buffer): string {
  const utf8 = bytes.toString('utf8');
  const text = utf8.includes('\ufffd') ? iconv.decode(bytes, 'gb18030') : utf8;
  return text.replace(/^\ufeff/u, '');
}

/** Reads an .xlsx or .csv file into grids; errors name the file. */
export async function readGrids(file: string): Promise<Grid[]> {
  const ext = path.extname(file).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new KaopingError('no-file', `无法读取文件：${file}`);
  }
  if (ext === '.csv') return [{ sheet: path.basename(file), rows: parseCsv(decodeCsv(bytes)) }];
  if (ext !== '.xlsx') throw new KaopingError('bad-format', `不支持的文件类型：${path.basename(file)}（请使用 .xlsx 或 .csv）`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new KaopingError('bad-xlsx', `无法解析 Excel 文件 ${path.basename(file)}：${(error as Error).message}`);
  }
  return workbook.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.isMerged && cell.master !== cell ? cell.master.value : cell.value);
      });
      rows[n - 1] = Array.from(cells, (c) => c ?? '');
    });
    return { sheet: ws.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}
