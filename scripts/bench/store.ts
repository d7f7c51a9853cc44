// Benchmark (not a test): import a 10,000-account workbook; open an assessment
// with 100,000 findings and list one target's findings. Run: npx vite-node scripts/bench/store.ts
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { loadRuleset } from '../../electron/services/rulesets/load';
import { createAssessment, openAssessment } from '../../electron/services/store/open';
import { importTargets } from '../../electron/services/import/targets/import-targets';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kaoping-bench-'));
const zj = loadRuleset('zhanjiang-2021');
const init = { name: '基准', year: 2025, rulesetId: zj.id, rulesetSnapshot: zj, gradeBands: zj.grades.bands };

// 1. A 10,000-account workbook in the annex-1 layout.
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('新媒体');
ws.addRow(['四、全市政务新媒体（共 10000 个）']);
ws.addRow(['主管单位', '新媒体标识码', '账号名称', '账号类型']);
const platforms: [string, string][] = [
  ['WX', '微信订阅号'],
  ['XL', '新浪微博'],
  ['DY', '抖音短视频'],
  ['NF', '南方号'],
];
for (let i = 0; i < 10_000; i++) {
  const [code, type] = platforms[i % 4]!;
  const unit = Math.floor(i / 4);
  ws.addRow([
    i % 4 === 0 ? `单位${unit}` : null,
    `440800M${String(unit % 1000).padStart(3, '0')}${code}${String(Math.floor(unit / 1000) * 4 + (i % 4) + 1).padStart(4, '0')}`,
    `账号${i}`,
    type,
  ]);
}
const file = path.join(tmp, 'accounts.xlsx');
await wb.xlsx.writeFile(file);
const store = createAssessment(path.join(tmp, 'import'), init);
let t0 = performance.now();
const { added } = await importTargets(store, file);
const importMs = performance.now() - t0;
store.close();

// 2. 100,000 findings over 1,000 targets.
const big = createAssessment(path.join(tmp, 'big'), init);
const targets = big.addTargets(
  Array.from({ length: 1000 }, (_, i) => ({
    kind: 'website' as const,
    unit: `单位${i}`,
    name: `网站${i}`,
    url: `http://s${i}.gov.cn/`,
    classId: 'county',
    attributes: {},
    identifier: null,
    platform: null,
  })),
);
t0 = performance.now();
big.transaction(() => {
  for (let i = 0; i < 100_000; i++)
    big.addFinding({
      targetId: targets[i % 1000]!.id,
      indicatorId: 'basic.health.availability',
      rule: 1 + (i % 2),
      count: 1 + (i % 5),
      status: 'confirmed',
    });
});
const fillMs = performance.now() - t0;
big.close();
t0 = performance.now();
const reopened = openAssessment(path.join(tmp, 'big'));
const openMs = performance.now() - t0;
const times: number[] = [];
let n = 0;
for (let r = 0; r < 20; r++) {
  t0 = performance.now();
  n = reopened.listFindings({ targetId: targets[(r * 37) % 1000]!.id }).length;
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
reopened.close();
console.log(`import: ${added.length} accounts from xlsx in ${(importMs / 1000).toFixed(2)} s`);
console.log(
  `findings: wrote 100,000 in ${(fillMs / 1000).toFixed(1)} s (each with its history entry); open ${openMs.toFixed(1)} ms; list one target's ${n} findings: median ${times[10]!.toFixed(2)} ms, max ${times[19]!.toFixed(2)} ms`,
);
