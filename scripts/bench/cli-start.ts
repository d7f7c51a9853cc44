// Benchmark (not a test): how long `kaoping rulesets` takes from process start
// to exit, its CPU time (the figure to trust on a busy machine), and which
// heavy packages it loads. Needs `npm run build` first.
// Run: npx vite-node scripts/bench/cli-start.ts [runs]   (KAOPING_CLI=other/bin/kaoping.cjs to compare a build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const runs = Number(process.argv[2] ?? 15);
const cli = path.resolve(process.env['KAOPING_CLI'] ?? 'bin/kaoping.cjs');
const HEAVY = ['exceljs', 'puppeteer-core', 'docx', '@napi-rs/canvas', 'better-sqlite3', 'fflate', 'iconv-lite'];

// A preload that reports, at exit, the packages required and the process's CPU time.
const probe = path.join(mkdtempSync(path.join(os.tmpdir(), 'kaoping-bench-')), 'probe.cjs');
writeFileSync(
  probe,
  `const M = require('module'); const seen = new Set(); const load = M._load;
M._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
process.on('exit', () => { const c = process.cpuUsage(); process.stderr.write('PROBE ' + JSON.stringify({ loaded: [...seen], cpuMs: (c.user + c.system) / 1000 }) + '\\n'); });`,
);

function run(): { wallMs: number; cpuMs: number; loaded: string[] } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', probe, cli, 'rulesets'], { encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`kaoping rulesets exited ${r.status}: ${r.stderr}`);
  const probeLine = /PROBE (.*)/u.exec(r.stderr);
  if (!probeLine) throw new Error(`no probe output: ${r.stderr}`);
  return { wallMs, ...(JSON.parse(probeLine[1]!) as { cpuMs: number; loaded: string[] }) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
run(); // warm the file cache
const samples = Array.from({ length: runs }, run);
const wall = samples.map((s) => s.wallMs);
console.log(
  `kaoping rulesets (${cli}): wall median ${median(wall).toFixed(0)} ms, fastest ${Math.min(...wall).toFixed(0)} ms; CPU median ${median(samples.map((s) => s.cpuMs)).toFixed(0)} ms; ${runs} runs`,
);
console.log(
  `heavy packages loaded: ${HEAVY.filter((h) => samples[0]!.loaded.includes(h)).join(', ') || 'none'}; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
);
