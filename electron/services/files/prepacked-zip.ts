import { crc32, deflateRawSync } from 'node:zlib';

/** One zip member, compressed once and written as is into every archive that uses it. */
export interface PackedEntry {
  name: Buffer;
  crc: number;
  size: number;
  data: Buffer;
}

/** Deflates a member once; the result can go into any number of archives. */
export function packEntry(name: string, content: Uint8Array): PackedEntry {
  return { name: Buffer.from(name, 'utf8'), crc: crc32(content) >>> 0, size: content.length, data: deflateRawSync(content, { level: 6 }) };
}

/**
 * Writes a zip (deflate, no data descriptors, UTF-8 names) from packed
 * members. Writing a copy of a template with one member changed then costs
 * one small deflate instead of recompressing every member.
 */
export function writeZip(entries: PackedEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00, a fixed time keeps output reproducible
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(e.name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 26); // flags, method, time, crc, sizes
    central.writeUInt16LE(e.name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, e.name, e.data);
    centrals.push(central, e.name);
    offset += local.length + e.name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
