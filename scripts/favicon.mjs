// The app icon as browser mode's /favicon.ico (scripts/build.mjs writes it into dist/renderer).
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The app icon as /favicon.ico for browser mode: an ICO file whose images are
 * the PNG icons themselves (the PNG-in-ICO form every current browser reads).
 */
export function icoFromPngs(files) {
  const images = files.map((file) => ({ png: readFileSync(file), size: Number(path.basename(file).split('x')[0]) }));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ png, size }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry); // 256 is written as 0
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}
