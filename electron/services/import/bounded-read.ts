/** Reading a file someone handed us: a regular file, within a size limit, read with a bounded read. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { KaopingError } from '../../../shared/errors';
import { IMPORT_LIMITS, overLimit } from './limits';

/**
 * The file's bytes, refusing what is not a regular file (a link to /dev/zero,
 * a pipe) or is over the limit. The size is taken from the opened descriptor
 * and reading stops one byte past the limit, so a file that grows cannot slip through.
 */
export function readBoundedFile(file: string, max: number = IMPORT_LIMITS.fileBytes): Buffer {
  const name = path.basename(file);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw new KaopingError('no-file', `无法读取文件：${file}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw overLimit.notAFile(name);
    if (stat.size > max) throw overLimit.fileBytes(name, stat.size, max);
    const buffer = Buffer.alloc(Math.min(stat.size, max) + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0;) length += n;
    if (length > max) throw overLimit.fileBytes(name, length, max);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
