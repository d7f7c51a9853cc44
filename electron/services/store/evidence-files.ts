import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { realPathInside } from '../workspace/real-path';

export function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Writes content as evidence/<sha256>.<ext>. An existing file of that name already
 * holds these exact bytes, so it is kept as it is: evidence is never overwritten.
 * New files go to a temporary name first, so a crash never leaves half a file.
 */
export function storeEvidenceFile(dir: string, content: Buffer, ext: string): { sha256: string; file: string } {
  const hash = sha256(content);
  const safeExt =
    ext
      .replace(/[^a-z0-9]/giu, '')
      .toLowerCase()
      .slice(0, 10) || 'bin';
  const file = `evidence/${hash}.${safeExt}`;
  const full = path.join(dir, file);
  if (!existsSync(full)) {
    mkdirSync(path.dirname(full), { recursive: true });
    const tmp = `${full}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(tmp, content, { flag: 'wx' });
    renameSync(tmp, full);
  }
  return { sha256: hash, file };
}

/**
 * The SHA-256 of a stored file, read in chunks; null when it is missing,
 * 'outside' when it (or a link it is) leads out of the assessment folder.
 */
export function hashStoredFile(dir: string, file: string): string | null | 'outside' {
  const full = path.join(dir, file);
  if (!existsSync(full)) return null;
  const real = realPathInside(dir, full);
  if (!real) return 'outside';
  const hash = createHash('sha256');
  const fd = openSync(real, 'r');
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
