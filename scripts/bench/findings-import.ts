// Benchmark (not a test): 10,000 findings imported from one spreadsheet into a
// provincial-size assessment (2,000 websites, 20,000 accounts).
// Run: npx vite-node scripts/bench/findings-import.ts
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loadRuleset } from '../../electron/services/rulesets/load';
import { createAssessment } from '../../electron/services/store/open';
import { listIndicators } from '../../shared/ruleset/walk';
import { importFindings } from '../../electron/services/import/findings/import-findings';

const SITES = 2000;
const ACCOUNTS = 20000;
const FINDINGS = Number(process.env.FINDINGS ?? 10000);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kaoping-bench-findings-'));
const zj = loadRuleset('zhanjiang-2021');
const store = createAssessment(path.join(tmp, 'a'), {
  name: '基准',
  year: 2025,
  rulesetId: zj.id,
  rulesetSnapshot: zj,
  gradeBands: zj.grades.bands,
});
store.addTargets([
  ...Array.from({ length: SITES }, (_, i) => ({
    kind: 'website' as const,
    unit: `第${i + 1}号单位`,
    name: `第${i + 1}号单位网站`,
    url: `http://u${i + 1}.gov.cn/`,
    classId: 'county',
    attributes: {},
    identifier: null,
    platform: null,
  })),
  ...Array.from({ length: ACCOUNTS }, (_, i) => ({
    kind: 'account' as const,
    unit: `第${(i % SITES) + 1}号单位`,
    name: `账号${i + 1}`,
    url: null,
    classId: 'account',
    attributes: {},
    identifier: `440800M${String(i).padStart(3, '0').slice(-3)}WX${String(i).padStart(4, '0').slice(-4)}`,
    platform: '微信',
  })),
]);
const places = listIndicators(zj, 'website').filter((p) => p.part.kind === 'basic');
const book = new ExcelJS.Workbook();
const ws = book.addWorksheet('问题清单');
ws.addRow(['考评对象', '指标', '评分细则', '次数', '说明']);
for (let i = 0; i < FINDINGS; i++) {
  const place = places[i % places.length]!;
  ws.addRow([`第${(i % SITES) + 1}号单位网站`, place.path, 1, 1 + (i % 3), `第${i + 1}条`]);
}
const file = path.join(tmp, 'findings.xlsx');
await book.xlsx.writeFile(file);
const t0 = performance.now();
const added = await importFindings(store, file);
const ms = performance.now() - t0;
store.close();
if (added.length !== FINDINGS) throw new Error(`imported ${added.length}`);
console.log(
  `findings import: ${FINDINGS} rows into ${SITES} sites + ${ACCOUNTS} accounts in ${(ms / 1000).toFixed(2)} s, peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
);
