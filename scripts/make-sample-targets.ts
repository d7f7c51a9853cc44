// Builds resources/samples/zhanjiang-2021-targets.xlsx from annex 1 of the
// Zhanjiang scheme (../shared/seeds/000_*.txt): every table as the seed prints it,
// section titles, header rows repeated where pages broke, the owning unit written
// once and left blank below. Run: npx vite-node scripts/make-sample-targets.ts [seed]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

const root = path.resolve(__dirname, '..');
const seedDir = path.resolve(root, '../shared/seeds');
const seed =
  process.argv[2] ??
  path.join(
    seedDir,
    readdirSync(seedDir).find((f) => f.startsWith('000_'))!,
  );
const lines = readFileSync(seed, 'utf8').split('\n');
const start = lines.findIndex((l) => /^附件\s*1[:：]/u.test(l.trim()));
const end = lines.findIndex((l, i) => i > start && /^附件\s*2[:：]/u.test(l.trim()));

/**
 * The seed is text extracted from a PDF: a few account rows have their cells
 * shifted (unit in the code column, code in the unit column). Put each cell back
 * in its column around the identifier code, so the workbook is what the office sent.
 */
function realign(cells: string[]): string[] {
  const k = cells.findIndex((c) => /^\d{6}M\d{3}[A-Z]{2}\d{4}$/u.test(c));
  if (k < 0) return cells;
  const before = cells.slice(0, k).filter(Boolean).join('');
  const after = cells.slice(k + 1).filter(Boolean);
  return [before, cells[k]!, after[0] ?? '', after[1] ?? ''];
}

const rows: string[][] = [];
let pendingTitle = '';
for (const raw of lines.slice(start + 1, end)) {
  const line = raw.replace(/\s+$/u, '');
  if (!line.trim()) continue;
  if (/^[一二三四五六七八九十]+、/u.test(line.trim())) {
    pendingTitle = line.trim();
    if (/（共\s*\d+\s*个）$/u.test(pendingTitle)) {
      rows.push([pendingTitle]);
      pendingTitle = '';
    }
    continue;
  }
  if (pendingTitle) {
    // The seed wraps long titles onto a second line.
    rows.push([pendingTitle + line.trim()]);
    pendingTitle = '';
    continue;
  }
  if (!line.includes('\t')) continue; // the annex's own heading
  rows.push(realign(line.split('\t').map((c) => c.trim())));
}

const workbook = new ExcelJS.Workbook();
const sheet = workbook.addWorksheet('考评对象');
sheet.columns = [{ width: 28 }, { width: 22 }, { width: 40 }, { width: 16 }];
for (const r of rows) {
  const row = sheet.addRow(r);
  if (r.length === 1) {
    sheet.mergeCells(row.number, 1, row.number, 4);
    row.font = { bold: true, name: '黑体' };
  }
}
const out = path.join(root, 'resources/samples/zhanjiang-2021-targets.xlsx');
await workbook.xlsx.writeFile(out);
console.log(`${out}: ${rows.length} rows`);
