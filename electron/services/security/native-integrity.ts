/**
 * The Electron build of better-sqlite3 ships beside the asar (native modules
 * cannot load from inside it), where asar integrity does not reach. Its
 * SHA-256 is recorded at packaging time into dist/electron/native-integrity.json,
 * which lives inside the asar, and checked before the module is loaded.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KaopingError } from '../../../shared/errors';

export const NATIVE_MANIFEST = 'native-integrity.json';

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Throws a KaopingError unless `file` has the SHA-256 the manifest records
 * for its name. A missing manifest is refused when `required` (a packaged
 * app) and accepted in development, where the module is built locally.
 */
export function verifyNativeModule(file: string, manifestFile: string, required: boolean): void {
  const name = path.basename(file);
  if (!existsSync(manifestFile)) {
    if (!required) return;
    throw new KaopingError('native-unverified', `缺少原生模块校验清单（${manifestFile}），拒绝加载 ${name}`);
  }
  let expected: unknown;
  try {
    expected = (JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>)[name];
  } catch {
    throw new KaopingError('native-unverified', `原生模块校验清单无法读取（${manifestFile}），拒绝加载 ${name}`);
  }
  if (typeof expected !== 'string') throw new KaopingError('native-unverified', `原生模块校验清单中没有 ${name}，拒绝加载`);
  if (!existsSync(file)) throw new KaopingError('native-missing', `找不到原生模块 ${file}`);
  if (sha256File(file) !== expected) {
    throw new KaopingError('native-tampered', `原生模块 ${name} 的 SHA-256 与打包时记录的不一致（${file}），可能已被改动，拒绝加载`);
  }
}
