/**
 * Hostile spreadsheets, made at test time (nothing large is stored in the
 * repository): a zip bomb whose sheet inflates to gigabytes from a few MB, the
 * same bomb lying about its sizes, a workbook with one 10 MB cell, a
 * million-row CSV written as a stream, and a self-evaluation folder holding a
 * link to /dev/zero.
 */
import { createWriteStream, symlinkSync } from 'node:fs';
import { once } from 'node:events';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

interface ZipPart {
  name: string;
  /** Raw DEFLATE data. */
  deflated: Buffer;
  /** The inflated size written into the headers (a bomb may lie). */
  claimedSize: number;
  crc: number;
}

/** A zip of DEFLATE entries with the sizes each part claims. */
function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(p.claimedSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(p.claimedSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const small = (name: string, text: string): ZipPart => {
  const bytes = Buffer.from(text);
  return { name, deflated: zlib.deflateRawSync(bytes), claimedSize: bytes.length, crc: zlib.crc32(bytes) };
};

const WORKBOOK_PARTS = [
  small(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  ),
  small(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ),
  small(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ),
  small(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ),
];

/**
 * An .xlsx whose one sheet inflates to about `inflatedBytes` of rows. The
 * DEFLATE stream repeats one fully flushed segment, so making a 4 GB bomb
 * takes milliseconds; `lie` writes a small size into the headers instead.
 */
export function zipBombXlsx(inflatedBytes: number, { lie = false } = {}): Buffer {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  const rows = Buffer.from('<row><c t="inlineStr"><is><t>主管单位主管单位主管单位</t></is></c></row>'.repeat(20_000));
  const tail = Buffer.from('</sheetData></worksheet>');
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const segment = zlib.deflateRawSync(rows, flush);
  const copies = Math.ceil(inflatedBytes / rows.length);
  const deflated = Buffer.concat([
    zlib.deflateRawSync(head, flush),
    ...Array.from({ length: copies }, () => segment),
    zlib.deflateRawSync(tail),
  ]);
  const size = head.length + copies * rows.length + tail.length;
  const sheet: ZipPart = { name: 'xl/worksheets/sheet1.xml', deflated, claimedSize: lie ? 4096 : Math.min(size, 0xfffffffe), crc: 0 };
  return zipOf([...WORKBOOK_PARTS, sheet]);
}

/** A real workbook (exceljs writes it) whose one cell holds `chars` characters: a few KB on disk. */
export async function hugeCellXlsx(chars: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['序号', '主管单位', '网址']);
  ws.addRow([1, '单'.repeat(chars), 'http://example.gov.cn/']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CSV of `rows` short rows, written through a stream (never held in memory). */
export async function millionRowCsv(file: string, rows = 1_000_000): Promise<void> {
  const out = createWriteStream(file);
  out.write('序号,主管单位,网址\n');
  const batch = 10_000;
  for (let i = 0; i < rows; i += batch) {
    let text = '';
    for (let j = i; j < Math.min(rows, i + batch); j++) text += `${j + 1},单位${j},http://s${j}.example.gov.cn/\n`;
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** A symlink named like a self-evaluation form, pointing at /dev/zero. */
export function devZeroLink(file: string): void {
  symlinkSync('/dev/zero', file);
}
