import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HtmlPage } from '../../../electron/services/checks/detectors/common';
import { FOOTER_ITEMS, type FooterOptions } from '../../../electron/services/checks/detectors/footer-identity';
import { footerRegion } from '../../../electron/services/checks/detectors/footer-region';
import { docOf } from '../../../electron/services/checks/detectors/html-doc';
import { hasJiucuoEntry } from '../../../electron/services/checks/detectors/jiucuo';
import { hasSearchEntry } from '../../../electron/services/checks/detectors/search-entry';
import { classifyPage } from '../../../electron/services/checks/page-kind';
import { isoDay, pageDate } from '../../../electron/services/checks/pub-dates';

// Every page detector over the CMS corpus (test/fixtures/cms), scored against the
// ground truth in its manifest. The table this prints is the one in README.md's
// 自动检查 section; the test fails when a detector regresses or the README drifts.

const CORPUS = path.resolve(__dirname, '../../fixtures/cms');
interface Truth {
  file: string;
  url: string;
  kind: 'home' | 'column' | 'article' | 'other';
  date: string | null;
  jiucuo: boolean;
  search: boolean;
  conac: boolean;
  siteCode: boolean;
  icp: boolean;
  police: boolean;
  sponsor: boolean;
  contact: boolean;
  contactWithLink: boolean;
}
const manifest = JSON.parse(readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as { asOf: string; pages: Truth[] };
const asOf = new Date(`${manifest.asOf}T00:00:00Z`);
const pages = manifest.pages.map((t) => {
  const html = readFileSync(path.join(CORPUS, t.file), 'utf8');
  const isHome = new URL(t.url).pathname === '/';
  const kind = classifyPage(t.url, html, isHome);
  const page: HtmlPage = { url: t.url, finalUrl: t.url, status: 200, contentType: 'text/html', html, depth: isHome ? 0 : 1, kind };
  return { t, html, page, kind };
});
type Corpus = typeof pages;

const footerItem =
  (key: string, options: FooterOptions = {}) =>
  (p: Corpus[number]) =>
    FOOTER_ITEMS.find((i) => i.key === key)!.present(footerRegion(docOf(p.page)), options);

/** Presence detectors: what each says of a page, and the truth it is scored against. */
const PRESENCE: { name: string; says: (p: Corpus[number]) => boolean; truth: (t: Truth) => boolean }[] = [
  { name: '页面类型：栏目页', says: (p) => p.kind === 'column', truth: (t) => t.kind === 'column' },
  { name: '页面类型：文章页', says: (p) => p.kind === 'article', truth: (t) => t.kind === 'article' },
  { name: '“我为政府网站找错”入口', says: (p) => hasJiucuoEntry(p.page), truth: (t) => t.jiucuo },
  { name: '站内搜索入口', says: (p) => hasSearchEntry(p.html, p.t.url), truth: (t) => t.search },
  { name: '党政机关网站标识', says: footerItem('conac'), truth: (t) => t.conac },
  { name: '网站标识码', says: footerItem('site-code'), truth: (t) => t.siteCode },
  { name: 'ICP备案编号', says: footerItem('icp'), truth: (t) => t.icp },
  { name: '公安机关备案标识', says: footerItem('police'), truth: (t) => t.police },
  { name: '主办单位', says: footerItem('sponsor'), truth: (t) => t.sponsor },
  { name: '联系方式（默认：电话或邮箱）', says: footerItem('contact'), truth: (t) => t.contact },
  {
    name: '联系方式（contactLink：联系我们链接也算）',
    says: footerItem('contact', { contactLink: true }),
    truth: (t) => t.contactWithLink,
  },
];

interface Score {
  name: string;
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
}

function score(): Score[] {
  const out: Score[] = PRESENCE.map((d) => {
    const s: Score = { name: d.name, tp: 0, fp: 0, fn: 0, misses: [] };
    for (const p of pages) {
      const said = d.says(p);
      const truth = d.truth(p.t);
      if (said && truth) s.tp++;
      else if (said) {
        s.fp++;
        s.misses.push(`FP ${p.t.file}`);
      } else if (truth) {
        s.fn++;
        s.misses.push(`FN ${p.t.file}`);
      }
    }
    return s;
  });
  // The page's own date: a wrong date is both a false positive and a miss.
  const date: Score = { name: '发布日期（文章本身的日期；栏目页与首页的最新日期）', tp: 0, fp: 0, fn: 0, misses: [] };
  for (const p of pages) {
    const found = pageDate(p.html, p.kind, asOf);
    const got = found ? isoDay(found) : null;
    if (got !== null && got === p.t.date) date.tp++;
    else {
      if (got !== null) date.fp++;
      if (p.t.date !== null) date.fn++;
      if (got !== p.t.date) date.misses.push(`${p.t.file}: ${got} ≠ ${p.t.date}`);
    }
  }
  return [...out, date];
}

const ratio = (a: number, b: number) => (b === 0 ? '—' : (a / b).toFixed(2));

/** The README table: detector, TP, FP, FN, precision, recall. */
function table(scores: Score[]): string {
  const rows = scores.map((s) => `| ${s.name} | ${s.tp} | ${s.fp} | ${s.fn} | ${ratio(s.tp, s.tp + s.fp)} | ${ratio(s.tp, s.tp + s.fn)} |`);
  return ['| 检测项 | TP | FP | FN | 精确率 | 召回率 |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

describe(`page detectors over the CMS corpus (${pages.length} pages)`, () => {
  const scores = score();

  it('finds every item with no false alarm', () => {
    expect(scores.filter((s) => s.misses.length).map((s) => `${s.name}: ${s.misses.join('; ')}`)).toEqual([]);
  });

  it('is the table README.md shows', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    expect(readme).toContain(`（${pages.length} 个页面，监测时间点 ${manifest.asOf}）`);
    expect(readme).toContain(table(scores));
  });

  it('reads the corpus as it is annotated: every file listed once, every listed file there', () => {
    expect(new Set(manifest.pages.map((p) => p.file)).size).toBe(manifest.pages.length);
    expect(pages.every((p) => p.html.length > 200 && p.html.length < 8000)).toBe(true);
  });
});
