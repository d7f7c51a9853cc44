// Benchmark (not a test): self-evaluation templates for 2,000 units through the
// CLI's code path (one workbook build, then a stamp per unit written to disk).
// Run: npx vite-node scripts/bench/templates.ts
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRuleset } from '../../electron/services/rulesets/load';
import { createAssessment } from '../../electron/services/store/open';
import { runCli } from '../../electron/cli/run';

const UNITS = Number(process.env.UNITS ?? 2000);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kaoping-bench-templates-'));
const zj = loadRuleset('zhanjiang-2021');
const store = createAssessment(path.join(tmp, 'a'), {
  name: '基准',
  year: 2025,
  rulesetId: zj.id,
  rulesetSnapshot: zj,
  gradeBands: zj.grades.bands,
});
store.addTargets(
  Array.from({ length: UNITS }, (_, i) => ({
    kind: 'website' as const,
    unit: `第${i + 1}号单位`,
    name: `第${i + 1}号单位网站`,
    url: `http://u${i + 1}.gov.cn/`,
    classId: 'county',
    attributes: {},
    identifier: null,
    platform: null,
  })),
);
store.close();
const t0 = performance.now();
const code = await runCli(['selfeval', 'template', 'a', '--out', 'templates'], {
  stdout: () => undefined,
  stderr: (t) => process.stderr.write(t),
  cwd: tmp,
});
const ms = performance.now() - t0;
const written = readdirSync(path.join(tmp, 'templates')).length;
if (code !== 0 || written !== UNITS) throw new Error(`templates: exit ${code}, ${written} files`);
console.log(
  `templates: ${UNITS} units in ${(ms / 1000).toFixed(2)} s (${(ms / UNITS).toFixed(1)} ms a unit), peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
);
