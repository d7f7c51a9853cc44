/**
 * The fallback browser for Linux x64 machines without Chromium, Chrome or
 * Edge: the headless Chromium that ships, brotli-compressed, inside the
 * @sparticuz/chromium package (a development dependency, so `npm run demo`
 * and `npm test` work on a fresh machine). It is unpacked once into the user's
 * cache folder; nothing is downloaded.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { KaopingError } from '../../../shared/errors';
import { appRoot } from '../app-paths';

export interface BundledChromium {
  /** The package's compressed executable (bin/chromium.br). */
  archive: string;
  /** The package version, which names the unpacked copy. */
  version: string;
}

/** The packaged Chromium, or null where the package is not installed or the machine is not Linux x64. */
export function bundledChromium(platform: NodeJS.Platform = process.platform, arch: string = process.arch): BundledChromium | null {
  if (platform !== 'linux' || arch !== 'x64') return null;
  try {
    // The package exports only its entry (build/index.js); bin/ sits beside build/.
    const dir = path.dirname(path.dirname(createRequire(path.join(appRoot(), 'package.json')).resolve('@sparticuz/chromium')));
    const archive = path.join(dir, 'bin', 'chromium.br');
    const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
    return existsSync(archive) ? { archive, version } : null;
  } catch {
    return null;
  }
}

/** Where unpacked copies live: $XDG_CACHE_HOME/kaoping, else ~/.cache/kaoping. */
export function chromiumCacheDir(env: Record<string, string | undefined> = process.env): string {
  return path.join(env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache'), 'kaoping');
}

/**
 * The executable, unpacked on first use (about 200 MB, some seconds). Written
 * aside and renamed, so runs starting at the same moment (parallel tests)
 * never start half a file.
 */
export async function unpackBundledChromium(chromium: BundledChromium, cacheDir: string = chromiumCacheDir()): Promise<string> {
  const dir = path.join(cacheDir, `chromium-${chromium.version}`);
  const executable = path.join(dir, 'chromium');
  if (existsSync(executable)) return executable;
  const partial = `${executable}.${process.pid}.${Date.now()}.part`;
  try {
    mkdirSync(dir, { recursive: true });
    await pipeline(createReadStream(chromium.archive), createBrotliDecompress(), createWriteStream(partial, { mode: 0o755 }));
    renameSync(partial, executable);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new KaopingError(
      'chromium-unpack',
      `无法把内置 Chromium 解压到 ${dir}：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return executable;
}
