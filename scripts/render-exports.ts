/**
 * Renders every export format of the seed samples through LibreOffice (PDF) and
 * pdftoppm (PNG) so a person can look at them. One page per format is kept in
 * docs/renders/ for the README; all pages go to the work folder for inspection.
 *
 *   apt-get install -y libreoffice-writer libreoffice-calc fonts-noto-cjk fonts-arphic-ukai poppler-utils
 *   npx vite-node scripts/render-exports.ts [--work /tmp/kaoping-renders] [--dpi 70]
 *
 * Fonts: scripts/render/fonts.conf maps the Windows font names to Noto CJK / AR PL UKai.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { exportAssessment, FORMAT_EXTENSION, type ExportFormat } from '../electron/services/export/index';
import { loadExportData } from '../electron/services/export/input';
import { exportDataFromDir } from '../electron/services/export/from-store';
import { runDemo } from '../electron/services/demo/run-demo';
import { chaozhouSample, writeSampleDir, zhanjiangSample } from '../test/fixtures/export/samples';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const work = path.resolve(arg('work', path.join(os.tmpdir(), 'kaoping-renders')));
const dpi = arg('dpi', '70');
const outDir = path.join(root, 'docs', 'renders');

/** Which sample each format renders, and which page goes to the README. */
const PLAN: { format: ExportFormat; sample: 'chaozhou' | 'zhanjiang'; page: number }[] = [
  { format: 'circular-chaozhou', sample: 'chaozhou', page: 1 },
  { format: 'circular-zhanjiang', sample: 'zhanjiang', page: 1 },
  { format: 'annex-chaozhou', sample: 'chaozhou', page: 1 },
  { format: 'annex-zhanjiang', sample: 'zhanjiang', page: 1 },
  { format: 'targets', sample: 'zhanjiang', page: 1 },
  { format: 'detail', sample: 'zhanjiang', page: 1 },
];

for (const tool of ['soffice', 'pdftoppm']) {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
  } catch {
    console.error(
      `找不到 ${tool}：请先 apt-get install -y libreoffice-writer libreoffice-calc fonts-noto-cjk fonts-arphic-ukai poppler-utils`,
    );
    process.exit(1);
  }
}
rmSync(work, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const czDir = path.join(work, 'chaozhou');
const zjDir = path.join(work, 'zhanjiang');
writeSampleDir(czDir, chaozhouSample());
const zj = zhanjiangSample();
writeSampleDir(zjDir, zj.data, zj.files);
const env = { ...process.env, FONTCONFIG_FILE: path.join(root, 'scripts', 'render', 'fonts.conf'), HOME: path.join(work, 'home') };

/** Converts one exported file to PDF and PNG pages; keeps page `page` as docs/renders/<name>.png. */
function render(file: string, name: string, page: number, started: number): void {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', path.dirname(file), file], {
    env,
    stdio: 'ignore',
    timeout: 180_000,
  });
  const pdf = file.replace(/\.\w+$/u, '.pdf');
  const prefix = path.join(path.dirname(file), `${name}-page`);
  execFileSync('pdftoppm', ['-r', dpi, '-png', pdf, prefix]);
  const pages = readdirSync(path.dirname(file))
    .filter((f) => f.startsWith(`${name}-page`) && f.endsWith('.png'))
    .sort();
  const chosen = pages[Math.min(page, pages.length) - 1]!;
  copyFileSync(path.join(path.dirname(file), chosen), path.join(outDir, `${name}.png`));
  console.log(`${name}: ${pages.length} 页，${Date.now() - started} ms → docs/renders/${name}.png（全部页面：${prefix}-*.png）`);
}

for (const { format, sample, page } of PLAN) {
  const base = loadExportData(sample === 'chaozhou' ? czDir : zjDir);
  // The seeds' own facts: seed 002 dated 2020-04-03; seed 004 the second quarter, sampled 1 April – 5 July.
  const data = sample === 'zhanjiang' ? { ...base, meta: { ...base.meta, period: 'q2' } } : base;
  const file = path.join(work, `${format}${FORMAT_EXTENSION[format]}`);
  const started = Date.now();
  await exportAssessment(data, format, file, {
    date: sample === 'chaozhou' ? '2020-04-03' : '2021-07-08',
    printDate: sample === 'chaozhou' ? '2020-04-03' : '2021-07-09',
    docNumber: sample === 'chaozhou' ? '潮府办函〔2020〕12号' : '湛府办〔2021〕16号',
    rectifyDeadline: '2021-07-15',
  });
  render(file, format, page, started);
}

// The demo (南岭市 under the Zhanjiang scheme, every target reviewed) as `npm run demo` writes it.
if (!process.argv.includes('--no-demo')) {
  const demoOut = path.join(work, 'demo');
  const demo = await runDemo({ out: demoOut, say: () => undefined });
  const data = exportDataFromDir(demo.assessmentDir)!;
  // Annex 2 of the Chaozhou annex shows the veto-only accounts by name and platform.
  const DEMO: { format: ExportFormat; page: number }[] = [
    { format: 'circular-chaozhou', page: 1 },
    { format: 'circular-zhanjiang', page: 1 },
    { format: 'annex-chaozhou', page: 2 },
    { format: 'annex-zhanjiang', page: 1 },
    { format: 'detail', page: 1 },
  ];
  for (const { format, page } of DEMO) {
    const file = path.join(demoOut, `demo-${format}${FORMAT_EXTENSION[format]}`);
    const started = Date.now();
    await exportAssessment(data, format, file, { date: '2025-07-08' });
    render(file, `demo-${format}`, page, started);
  }
}

// The evidence pack is a zip: render its index.html listing as text for the record.
const zipFile = path.join(work, 'evidence-pack.zip');
await exportAssessment(loadExportData(zjDir), 'evidence-pack', zipFile);
const entries = Object.keys(unzipSync(new Uint8Array(readFileSync(zipFile))));
writeFileSync(path.join(work, 'evidence-pack.txt'), entries.join('\n'));
console.log(`evidence-pack: ${entries.length} 个文件（${path.join(work, 'evidence-pack.txt')}）`);
