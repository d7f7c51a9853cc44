// better-sqlite3 is a native addon, and Electron's ABI differs from Node's. We keep
// node_modules built for Node (tests, CLI, browser mode) and build a second copy
// for Electron into native/electron/better_sqlite3.node, which the desktop app
// loads through better-sqlite3's `nativeBinding` option (electron/main/index.ts).
// Packaging ships that file as an extra resource. Needs Electron's headers (network).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
// The pinned version (package.json's optionalDependencies; electron-builder.yml pins the same).
const electronVersion = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')).optionalDependencies.electron;
const sqliteVersion = require('better-sqlite3/package.json').version;
const outDir = path.resolve('native/electron');
const stamp = path.join(outDir, 'stamp.json');
const wanted = JSON.stringify({ electronVersion, sqliteVersion, arch: process.env.npm_config_arch ?? process.arch });

/**
 * Records the module's SHA-256 inside dist/ (which goes into the asar) so the
 * app can check the copy beside the asar before loading it
 * (electron/services/security/native-integrity.ts).
 */
function recordIntegrity() {
  const hash = createHash('sha256')
    .update(readFileSync(path.join(outDir, 'better_sqlite3.node')))
    .digest('hex');
  mkdirSync(path.resolve('dist/electron'), { recursive: true });
  writeFileSync(path.resolve('dist/electron/native-integrity.json'), JSON.stringify({ 'better_sqlite3.node': hash }, null, 2) + '\n');
}

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && existsSync(path.join(outDir, 'better_sqlite3.node'))) {
  recordIntegrity();
  process.exit(0);
}

const work = path.resolve('.cache/better-sqlite3-electron');
rmSync(work, { recursive: true, force: true });
cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), work, { recursive: true });
const npmDir = process.env.npm_execpath ? path.dirname(process.env.npm_execpath) : '';
const nodeGyp = [
  path.join(npmDir, '../node_modules/node-gyp/bin/node-gyp.js'),
  path.join(npmDir, 'node_modules/node-gyp/bin/node-gyp.js'),
].find(existsSync);
if (!nodeGyp) {
  console.error('找不到 node-gyp：请通过 npm 运行（npm start / npm run package）。');
  process.exit(1);
}
console.log(`为 Electron ${electronVersion} 编译 better-sqlite3 ${sqliteVersion} …`);
const build = spawnSync(
  process.execPath,
  [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
  { cwd: work, stdio: 'inherit' },
);
if (build.status !== 0) process.exit(build.status ?? 1);
mkdirSync(outDir, { recursive: true });
copyFileSync(path.join(work, 'build/Release/better_sqlite3.node'), path.join(outDir, 'better_sqlite3.node'));
writeFileSync(stamp, wanted);
recordIntegrity();
