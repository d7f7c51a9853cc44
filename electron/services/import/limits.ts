/**
 * Bounds on every spreadsheet a unit or reviewer hands us. A target list or a
 * filled self-evaluation is at most a few hundred KB and a few thousand rows;
 * these limits sit far above that and far below what would stall the app.
 * Each is checked before the work it protects, and every refusal names the
 * file and the limit in Chinese.
 */
import { KaopingError } from '../../../shared/errors';

export const IMPORT_LIMITS = {
  /** Bytes of the .xlsx or .csv file itself. */
  fileBytes: 20 * 1024 * 1024,
  /** Entries in the .xlsx zip (a real workbook has a few dozen). */
  zipEntries: 1000,
  /** Bytes all entries of the .xlsx inflate to, together. */
  inflatedBytes: 64 * 1024 * 1024,
  /** Worksheets in one workbook. */
  sheets: 50,
  /** Rows in one file, all sheets together. */
  rows: 100_000,
  /** Columns of one row. */
  columns: 256,
  /** Characters in one cell (Excel's own limit). */
  cellChars: 32_767,
  /** Heap the parsing worker may use, in MB; beyond it the worker is stopped. */
  workerHeapMb: 768,
  /** Time the parsing worker may take. */
  workerMs: 120_000,
} as const;

/** Characters in a unit, site or account name: a file name is built from them. */
export const NAME_MAX_CHARS = 100;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The refusals, one wording each: file name first, then what is over which limit. */
export const overLimit = {
  fileBytes: (name: string, size: number, max: number = IMPORT_LIMITS.fileBytes) =>
    new KaopingError('file-too-large', `文件 ${name} 过大（${mb(size)}），超过导入上限 ${mb(max)}`),
  notAFile: (name: string) => new KaopingError('not-a-file', `${name} 不是普通文件（可能是设备、管道或失效的链接），已拒绝读取`),
  zipEntries: (name: string, count: number) =>
    new KaopingError(
      'zip-entries',
      `文件 ${name} 内含 ${count} 个压缩条目，超过上限 ${IMPORT_LIMITS.zipEntries} 个：不是正常的 Excel 文件`,
    ),
  inflated: (name: string, bytes: number) =>
    new KaopingError(
      'zip-bomb',
      `文件 ${name} 解压后超过 ${mb(IMPORT_LIMITS.inflatedBytes)}（至少 ${mb(bytes)}），已拒绝：可能是“压缩炸弹”`,
    ),
  sheets: (name: string, count: number) =>
    new KaopingError('too-many-sheets', `文件 ${name} 有 ${count} 个工作表，超过上限 ${IMPORT_LIMITS.sheets} 个`),
  rows: (name: string) =>
    new KaopingError('too-many-rows', `文件 ${name} 超过 ${IMPORT_LIMITS.rows.toLocaleString('en-US')} 行的导入上限，已停止读取`),
  columns: (name: string, sheet: string, row: number) =>
    new KaopingError('too-many-columns', `文件 ${name} 工作表“${sheet}”第${row}行超过 ${IMPORT_LIMITS.columns} 列的上限`),
  cell: (name: string, sheet: string, row: number, column: number, chars: number) =>
    new KaopingError(
      'cell-too-long',
      `文件 ${name} 工作表“${sheet}”第${row}行第${column}列的单元格有 ${chars.toLocaleString('en-US')} 个字符，超过上限 ${IMPORT_LIMITS.cellChars.toLocaleString('en-US')} 个`,
    ),
  memory: (name: string) =>
    new KaopingError('parse-memory', `解析文件 ${name} 时超出内存上限 ${IMPORT_LIMITS.workerHeapMb} MB，已停止：文件内容异常庞大`),
  time: (name: string) => new KaopingError('parse-time', `解析文件 ${name} 超过 ${IMPORT_LIMITS.workerMs / 1000} 秒，已停止`),
  name: (what: string, chars: number) => new KaopingError('name-too-long', `${what}有 ${chars} 个字符，超过上限 ${NAME_MAX_CHARS} 个`),
};
