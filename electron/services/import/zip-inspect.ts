/**
 * Looks inside an .xlsx (a zip) before any spreadsheet library touches it: the
 * central directory gives the entry count and the sizes the entries claim, and
 * every entry is then inflated once into a counter (nothing kept) so a file
 * that lies about its sizes is caught too. A few-KB "zip bomb" that would
 * inflate to gigabytes is refused here, in bounded memory and time.
 */
import { Inflate } from 'fflate';
import { KaopingError } from '../../../shared/errors';
import { IMPORT_LIMITS, overLimit } from './limits';

interface Entry {
  name: string;
  method: number;
  compressed: number;
  inflated: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const notZip = (name: string) => new KaopingError('bad-xlsx', `无法解析 Excel 文件 ${name}：不是有效的 .xlsx（zip）文件`);

/** The entries listed in the central directory. */
function centralDirectory(name: string, bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip(name);
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: far beyond anything a list of targets needs.
  if (count === 0xffff || offset === 0xffffffff) throw overLimit.zipEntries(name, count);
  if (count > IMPORT_LIMITS.zipEntries) throw overLimit.zipEntries(name, count);
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw notZip(name);
    const nameLength = view.getUint16(at + 28, true);
    const entry: Entry = {
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      inflated: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** The compressed bytes of one entry, found through its local header. */
function entryData(name: string, bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw notZip(name);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressed > bytes.length) throw notZip(name);
  return bytes.subarray(start, start + entry.compressed);
}

const ROW_TAG = [0x3c, 0x72, 0x6f, 0x77]; // "<row"

/**
 * Counts `<row` tags in a worksheet's XML as it inflates, so a sheet of a
 * million small rows is refused before the spreadsheet library builds them.
 */
class RowCounter {
  private matched = 0;
  private rows = 0;
  constructor(private readonly name: string) {}
  push(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === ROW_TAG[this.matched]) {
        if (++this.matched === ROW_TAG.length) {
          this.matched = 0;
          if (++this.rows > IMPORT_LIMITS.rows) throw overLimit.rows(this.name);
        }
      } else this.matched = b === ROW_TAG[0] ? 1 : 0;
    }
  }
}

/**
 * Refuses a workbook whose zip has too many entries or inflates (as claimed or
 * in fact) beyond the limit. Returns the total inflated size.
 */
export function inspectXlsxZip(name: string, bytes: Uint8Array): number {
  const entries = centralDirectory(name, bytes);
  const claimed = entries.reduce((sum, e) => sum + e.inflated, 0);
  if (claimed > IMPORT_LIMITS.inflatedBytes) throw overLimit.inflated(name, claimed);
  let total = 0;
  for (const entry of entries) {
    const data = entryData(name, bytes, entry);
    if (entry.method === 0) {
      total += data.length;
    } else if (entry.method === 8) {
      let produced = 0;
      const rows = entry.name.startsWith('xl/worksheets/') ? new RowCounter(name) : undefined;
      const inflate = new Inflate((chunk) => {
        produced += chunk.length;
        rows?.push(chunk);
        // Claimed sizes were checked above: output beyond the cap is a bomb, beyond the claim a lie.
        if (total + produced > IMPORT_LIMITS.inflatedBytes) throw overLimit.inflated(name, total + produced);
        if (produced > entry.inflated)
          throw new KaopingError(
            'bad-xlsx',
            `无法解析 Excel 文件 ${name}：压缩条目 ${entry.name.slice(0, 80)} 解压后比它声明的大小更大，已拒绝`,
          );
      });
      try {
        for (let i = 0; i < data.length; i += 64 * 1024) inflate.push(data.subarray(i, i + 64 * 1024), i + 64 * 1024 >= data.length);
        if (data.length === 0) inflate.push(new Uint8Array(0), true);
      } catch (error) {
        if (error instanceof KaopingError) throw error;
        throw notZip(name);
      }
      total += produced;
    } else {
      throw new KaopingError('bad-xlsx', `无法解析 Excel 文件 ${name}：压缩条目 ${entry.name.slice(0, 80)} 使用了不支持的压缩方式`);
    }
  }
  return total;
}
