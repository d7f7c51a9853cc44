// Builds every part that runs outside Vite's dev server: the Electron main and
// preload bundles, the CLI, and the renderer (Vite). Dependencies stay external so
// native modules (better-sqlite3, @napi-rs/canvas) load from node_modules.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync, writeFileSync } from 'node:fs';
import { icoFromPngs } from './favicon.mjs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

await Promise.all([
  esbuild({ ...common, entryPoints: ['electron/cli/main.ts'], outfile: 'dist/cli/kaoping.cjs' }),
  esbuild({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs', external: ['electron'] }),
  // Worker threads (electron/services/workers/worker-script.ts finds them here).
  esbuild({
    ...common,
    entryPoints: { 'grid-worker': 'electron/services/import/grid-worker.ts' },
    outdir: 'dist/workers',
    outExtension: { '.js': '.cjs' },
  }),
  // A sandboxed preload cannot require packages: bundle everything but electron.
  esbuild({
    ...common,
    packages: undefined,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/electron/preload.cjs',
    external: ['electron'],
  }),
]);
if (!process.argv.includes('--no-renderer')) {
  await viteBuild({ root: path.join(root, 'renderer'), configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
if (existsSync(path.join(root, 'dist', 'renderer'))) {
  writeFileSync(
    path.join(root, 'dist', 'renderer', 'favicon.ico'),
    icoFromPngs([16, 32, 48].map((size) => path.join(root, 'resources', 'icons', `${size}x${size}.png`))),
  );
}
