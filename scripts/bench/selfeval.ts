// Benchmark (not a test): import a folder of 300 filled self-evaluation workbooks.
// Run: npx vite-node scripts/bench/selfeval.ts
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRuleset } from '../../electron/services/rulesets/load';
import { createAssessment } from '../../electron/services/store/open';
import { buildTemplate } from '../../electron/services/selfeval/template';
import { importSelfEvaluations } from '../../electron/services/selfeval/import-selfeval';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kaoping-bench-selfeval-'));
const zj = loadRuleset('zhanjiang-2021');
const store = createAssessment(path.join(tmp, 'a'), {
  name: '基准',
  year: 2025,
  rulesetId: zj.id,
  rulesetSnapshot: zj,
  gradeBands: zj.grades.bands,
});
const targets = store.addTargets(
  Array.from({ length: 300 }, (_, i) => ({
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
const folder = path.join(tmp, 'filled');
mkdirSync(folder);
let t0 = performance.now();
for (const t of targets) {
  const wb = await buildTemplate(zj, store.info(), t);
  const ws = wb.getWorksheet('自查自评表')!;
  for (let r = 8; r <= ws.rowCount; r++) ws.getRow(r).getCell(6).value = ws.getRow(r).getCell(5).value as number;
  await wb.xlsx.writeFile(path.join(folder, `${t.unit}_自查自评表.xlsx`));
}
const makeMs = performance.now() - t0;
t0 = performance.now();
const results = await importSelfEvaluations(store, [folder]);
const importMs = performance.now() - t0;
const ok = results.filter((r) => r.ok).length;
store.close();
console.log(
  `selfeval: wrote 300 filled workbooks in ${(makeMs / 1000).toFixed(1)} s; imported ${ok}/300 (${results.reduce((a, r) => a + r.scores, 0)} scores) in ${(importMs / 1000).toFixed(1)} s; peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
);
