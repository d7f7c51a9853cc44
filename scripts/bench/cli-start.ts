// Benchmark (not a test): how long `kaoping rulesets` takes from process start
// to exit, and which heavy packages it loads. Needs `npm run build` first.
// Run: npx vite-node scripts/bench/cli-start.ts [runs]
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const runs = Number(process.argv[2] ?? 15);
const cli = path.resolve(process.env['KAOPING_CLI'] ?? 'bin/kaoping.cjs'); // another build to compare with
const HEAVY = ['exceljs', 'puppeteer-core', 'docx', '@napi-rs/canvas', 'better-sqlite3', 'fflate', 'iconv-lite'];

// A preload that reports which of the heavy packages were required.
const probe = path.join(mkdtempSync(path.join(os.tmpdir(), 'kaoping-bench-')), 'probe.cjs');
writeFileSync(
  probe,
  `const M = require('module'); const seen = new Set(); const load = M._load;
M._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify([...seen]) + '\\n'));`,
);

function time(args: string[], extra: string[] = []): { ms: number; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...extra, cli, ...args], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`kaoping ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stderr: r.stderr };
}

time(['rulesets']); // warm the file cache
const samples = Array.from({ length: runs }, () => time(['rulesets']).ms).sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)]!;
const loaded = JSON.parse(/LOADED (.*)/u.exec(time(['rulesets'], ['-r', probe]).stderr)![1]!) as string[];
const node = Array.from({ length: 5 }, () => {
  const t0 = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  return performance.now() - t0;
}).sort((a, b) => a - b)[2]!;

console.log(`kaoping rulesets: median ${median.toFixed(0)} ms, fastest ${samples[0]!.toFixed(0)} ms over ${runs} runs (node -e 0 alone: ${node.toFixed(0)} ms)`);
console.log(`heavy packages loaded: ${HEAVY.filter((h) => loaded.includes(h)).join(', ') || 'none'}; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
