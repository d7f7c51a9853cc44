// Which installed packages only Electron itself needs at run time of npm (its
// binary downloader), read from package-lock.json. Electron is an optional
// dependency (so `npm install` survives a failed binary download), and
// electron-builder copies optional dependencies into the app like production
// ones: electron-builder.yml excludes exactly these, and a unit test keeps the
// two lists equal when dependencies change.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Resolves `name` as Node would from the package at `from` (a lockfile key). */
function resolve(packages, from, name) {
  let dir = from;
  for (;;) {
    const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[key]) return key;
    if (!dir) return null;
    const i = dir.lastIndexOf('/node_modules/');
    dir = i < 0 ? '' : dir.slice(0, i);
  }
}

function closure(packages, roots) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const key = queue.pop();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const pkg = packages[key];
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) queue.push(resolve(packages, key, name));
  }
  return seen;
}

/** Lockfile keys (node_modules/…) reachable from electron and from no other production dependency. */
export function electronOnlyModules(lockFile = path.resolve('package-lock.json')) {
  const { packages } = JSON.parse(readFileSync(lockFile, 'utf8'));
  const root = packages[''];
  const others = Object.keys({ ...root.dependencies, ...root.optionalDependencies }).filter((n) => n !== 'electron');
  const prod = closure(
    packages,
    others.map((n) => resolve(packages, '', n)),
  );
  return [...closure(packages, [resolve(packages, '', 'electron')])].filter((k) => !prod.has(k)).sort();
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(electronOnlyModules().join('\n'));
