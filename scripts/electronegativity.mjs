// Runs electronegativity over the Electron glue and fails on any high-severity
// finding (lint step). Results also go to test-results/electronegativity.csv.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const out = 'test-results/electronegativity.csv';
const run = spawnSync(
  process.execPath,
  [
    'node_modules/@doyensec/electronegativity/dist/index.js',
    '-i',
    'electron',
    '-s',
    'high',
    '-r',
    '-v',
    'false',
    '-o',
    out,
    '-e',
    '38.0.0',
  ],
  { encoding: 'utf8' },
);
if (run.status !== 0) {
  process.stderr.write(run.stdout + run.stderr);
  process.exit(run.status ?? 1);
}
const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).filter(Boolean);
const high = rows.filter((row) => row.split(',')[1]?.replace(/"/g, '').toUpperCase() === 'HIGH');
if (high.length > 0) {
  process.stderr.write(`electronegativity: ${high.length} high-severity finding(s):\n${high.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(`electronegativity: no high-severity findings (${rows.length} lower-severity rows in ${out})\n`);
