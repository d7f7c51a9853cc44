/**
 * Renders one unit's preliminary result (初步考评结果反馈单) through LibreOffice and
 * pdftoppm so a person can look at it; one page goes to docs/renders/feedback.png.
 *
 *   node bin/kaoping.cjs demo --out /tmp/demo
 *   npx vite-node scripts/render-feedback.ts /tmp/demo/<考评文件夹>/exports/初步考评结果反馈单/南岭县人民政府_初步考评结果反馈单.docx [--page 3] [--dpi 80]
 *
 * Needs libreoffice-writer and poppler-utils; fonts as scripts/render/fonts.conf maps them.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const docx = process.argv[2];
if (!docx || !docx.endsWith('.docx')) {
  console.error('用法：npx vite-node scripts/render-feedback.ts <反馈单.docx> [--page N] [--dpi N]');
  process.exit(2);
}
const work = mkdtempSync(path.join(os.tmpdir(), 'kaoping-feedback-render-'));
const env = { ...process.env, FONTCONFIG_FILE: path.join(root, 'scripts', 'render', 'fonts.conf'), HOME: path.join(work, 'home') };
copyFileSync(docx, path.join(work, 'feedback.docx'));
execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, path.join(work, 'feedback.docx')], {
  env,
  stdio: 'ignore',
  timeout: 300_000,
});
execFileSync('pdftoppm', ['-r', arg('dpi', '80'), '-png', path.join(work, 'feedback.pdf'), path.join(work, 'page')]);
const pages = readdirSync(work)
  .filter((f) => /^page-\d+\.png$/u.test(f))
  .sort();
const wanted = Number(arg('page', '3'));
const page = pages[Math.min(wanted, pages.length) - 1]!;
mkdirSync(path.join(root, 'docs', 'renders'), { recursive: true });
copyFileSync(path.join(work, page), path.join(root, 'docs', 'renders', 'feedback.png'));
console.log(`${pages.length} 页：${work}；第 ${wanted} 页 → docs/renders/feedback.png`);
