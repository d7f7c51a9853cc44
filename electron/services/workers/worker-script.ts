/**
 * Where a worker thread's script is. The build bundles each worker entry to
 * dist/workers/<name>.cjs; when the app runs from TypeScript sources (tests,
 * vite-node scripts) the entry is bundled on first use with esbuild, a
 * development dependency, into this process's temporary folder (dependencies
 * included, since node_modules is not beside it).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { appRoot } from '../app-paths';
import { processTempDir } from './process-temp';

/** Worker entries by name: the source file, relative to the app root. */
export const WORKER_ENTRIES = { 'grid-worker': 'electron/services/import/grid-worker.ts' } as const;

const built = new Map<string, string>();

export function workerScript(name: keyof typeof WORKER_ENTRIES): string {
  const root = appRoot();
  if (!__filename.endsWith('.ts')) return path.join(root, 'dist', 'workers', `${name}.cjs`);
  let file = built.get(name);
  if (!file || !existsSync(file)) {
    file = path.join(processTempDir(), `${name}.cjs`);
    const esbuild = createRequire(__filename)('esbuild') as typeof import('esbuild');
    esbuild.buildSync({
      entryPoints: [path.join(root, WORKER_ENTRIES[name])],
      outfile: file,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      absWorkingDir: root,
      logLevel: 'warning',
    });
    built.set(name, file);
  }
  return file;
}
