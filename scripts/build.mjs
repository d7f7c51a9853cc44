// Builds every part that runs outside Vite's dev server: the Electron main and
// preload bundles, the CLI, and the renderer (Vite). Dependencies stay external so
// native modules (better-sqlite3, @napi-rs/canvas) load from node_modules.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
  // A sandboxed preload cannot require packages: bundle everything but electron.
  esbuild({ ...common, packages: undefined, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs', external: ['electron'] }),
]);
if (!process.argv.includes('--no-renderer')) {
  await viteBuild({ root: path.join(root, 'renderer'), configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
if (existsSync(path.join(root, 'dist', 'renderer'))) {
  writeFileSync(path.join(root, 'dist', 'renderer', 'favicon.ico'), icoFromPngs([16, 32, 48].map((size) => path.join(root, 'resources', 'icons', `${size}x${size}.png`))));
}

/**
 * The app icon as /favicon.ico for browser mode: an ICO file whose images are
 * the PNG icons themselves (the PNG-in-ICO form every current browser reads).
 */
function icoFromPngs(files) {
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
