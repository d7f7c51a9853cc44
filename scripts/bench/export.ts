/**
 * Export benchmark: a 10,000-row annex, target < 3 s and < 300 MB peak RSS.
 * Each case runs in a fresh child process so its peak RSS is its own.
 *
 *   npx vite-node scripts/bench/export.ts            (all cases)
 *   npx vite-node scripts/bench/export.ts -- --rows 20000
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportAssessment, type ExportFormat } from '../../electron/services/export/index';
import type { ExportAssessmentData, ExportScore, ExportTarget } from '../../electron/services/export/model';

const SECTIONS = ['健康情况', '展现标识', '发布解读', '办事服务', '互动交流', '功能应用', '政务新媒体', '支撑保障'].map((name, i) => ({
  id: `s${i}`,
  name,
  max: 12.5,
}));

/** `rows` websites in four classes; every tenth one vetoed with a problem phrase. */
export function bigAssessment(rows: number): ExportAssessmentData {
  const targets: ExportTarget[] = [];
  const scores: ExportScore[] = [];
  const classes = [0, 1, 2, 3].map((c) => ({ id: `c${c}`, name: `第${c + 1}类网站`, kind: 'website' as const, sections: SECTIONS }));
  for (let i = 0; i < rows; i++) {
    const id = `t${i}`;
    const veto = i % 10 === 0;
    targets.push({ id, kind: 'website', classId: `c${i % 4}`, name: `测试单位${i}门户网站`, unit: `测试市第${i}局` });
    const sections = Object.fromEntries(SECTIONS.map((s, k) => [s.id, Math.round((((i * 7 + k * 13) % 125) / 10) * 100) / 100]));
    const basic = Object.values(sections).reduce((a, b) => a + b, 0);
    scores.push({
      targetId: id,
      veto,
      vetoReasons: veto ? ['首页不可访问，单项否决'] : [],
      sections,
      basic,
      bonus: 1.5,
      total: veto ? 0 : basic + 1.5,
      grade: veto ? '不合格' : '合格',
      rank: Math.floor(i / 4) + 1,
    });
  }
  return {
    meta: {
      name: '基准测试',
      year: 2024,
      quarter: 1,
      region: '测试市',
      issuer: '测试市人民政府办公室',
      periodStart: '2024-01-01',
      periodEnd: '2024-03-31',
    },
    classes,
    targets,
    scores,
    findings: [],
  };
}

const CASES: { name: string; format: ExportFormat; ext: string; rows?: number }[] = [
  { name: 'annex-chaozhou（xlsx，10 000 行）', format: 'annex-chaozhou', ext: '.xlsx' },
  { name: 'detail（xlsx，10 000 行）', format: 'detail', ext: '.xlsx' },
  { name: 'annex-zhanjiang（xlsx，1 000 行问题清单）', format: 'annex-zhanjiang', ext: '.xlsx' },
  { name: 'circular-chaozhou（docx，附件含 10 000 行）', format: 'circular-chaozhou', ext: '.docx' },
];

const argv = process.argv;
const rowsArg = argv.indexOf('--rows');
const rows = rowsArg > 0 ? Number(argv[rowsArg + 1]) : 10_000;
const caseArg = argv.indexOf('--case');

if (caseArg > 0) {
  const c = CASES[Number(argv[caseArg + 1])]!;
  const baseMb = process.memoryUsage().rss / 1048576;
  const data = bigAssessment(c.rows ?? rows);
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'kp-bench-')), `out${c.ext}`);
  const started = performance.now();
  await exportAssessment(data, c.format, out, { date: '2024-04-10' });
  const ms = performance.now() - started;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms: Math.round(ms), rssMb: Math.round(rssMb), baseMb: Math.round(baseMb), bytes: statSync(out).size }));
} else {
  // Cases run from an esbuild bundle under plain node, as the CLI does (dist/cli), so the
  // figures do not include vite-node's own ~130 MB.
  const { build } = await import('esbuild');
  // Inside node_modules so the bundle resolves exceljs/docx/fflate like dist/cli does.
  const bundle = path.join(process.cwd(), 'node_modules', '.cache', 'kaoping-bench', 'export-bench.mjs');
  await build({
    entryPoints: [new URL(import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: bundle,
    logLevel: 'warning',
    // app-paths finds resources/ from __dirname, which an ES module lacks.
    banner: {
      js: "import { fileURLToPath as __kpf } from 'node:url'; import { dirname as __kpd } from 'node:path'; const __dirname = __kpd(__kpf(import.meta.url));",
    },
  });
  console.log(`导出基准：${rows} 行，${os.cpus().length} 核，Node ${process.version}`);
  for (let i = 0; i < CASES.length; i++) {
    const raw = execFileSync(process.execPath, [bundle, '--case', String(i), '--rows', String(rows)], {
      encoding: 'utf8',
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const r = JSON.parse(raw.trim().split('\n').pop()!) as { ms: number; rssMb: number; baseMb: number; bytes: number };
    const ok = r.ms < 3000 && r.rssMb < 300 ? '达标' : '未达标';
    console.log(
      `${CASES[i]!.name}: ${(r.ms / 1000).toFixed(2)} s，峰值内存 ${r.rssMb} MB（导出前进程已占 ${r.baseMb} MB），文件 ${(r.bytes / 1024).toFixed(0)} KB — ${ok}`,
    );
  }
}
