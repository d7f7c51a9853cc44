import type { CheckNote, CrawledPage, EvidenceItem, Observation } from '../types';
import { capItems, htmlPages, liveHtml, pageUrl, type DetectorResult, type HtmlPage } from './common';
import { footerRegion } from './footer-region';
import { docOf, textOf } from './html-doc';

// The entry points to the national 政府网站找错 platform, on its current host, the older
// 开普云 host or the older IP (jiucuo.html link, jiucuo.png image, or the jiucuo.js snippet
// that renders both at runtime).
const JIUCUO_URL =
  /(?:zfwzgl\.www\.gov\.cn|pucha\.kaipuyun\.cn|121\.43\.68\.40)\/exposure\/(?:jiucuo\.html|images\/jiucuo\.png|jiucuo\.js)/iu;
const LABEL = '我为政府网站找错';
// The official snippet names itself (<script id="_jiucuo_" sitecode=…>), whatever its src (a saved page
// keeps it as "./x_files/jiucuo.js"); once run it leaves <span id="_span_jiucuo"><img onclick="Link('…')">.
const SNIPPET =
  /<script\b[^<>]*\bid\s*=\s*["']?_jiucuo_["'\s>][^<>]*\bsitecode\s*=|<script\b[^<>]*\bsitecode\s*=[^<>]*\bid\s*=\s*["']?_jiucuo_["'\s>]/iu;
const RENDERED = /<span\b[^<>]*\bid\s*=\s*["']?_span_jiucuo["'\s>][^<>]*>\s*<img\b[^<>]*(?:onclick|@click)\s*=\s*["']?\s*Link\(/iu;

/**
 * Whether a page shows the 我为政府网站找错 entry: a link or image to the
 * platform, the official snippet or what it renders, or a link so named.
 */
export function hasJiucuoEntry(page: HtmlPage): boolean {
  const html = liveHtml(page.html);
  if (JIUCUO_URL.test(html) || SNIPPET.test(html) || RENDERED.test(html)) return true;
  const doc = docOf(page);
  return doc.elements.some(
    (el) =>
      (el.tag === 'a' && (textOf(doc, el).replace(/\s+/gu, '').includes(LABEL) || (el.attrs.title ?? '').includes(LABEL))) ||
      ((el.tag === 'img' || el.tag === 'a') && ((el.attrs.alt ?? '').includes(LABEL) || (el.attrs.title ?? '').includes(LABEL))),
  );
}

function missingItem(page: HtmlPage): EvidenceItem {
  return { url: pageUrl(page), reason: '未发现“我为政府网站找错”入口', selector: footerRegion(docOf(page)).selector };
}

/**
 * The 我为政府网站找错 entry, looked for anywhere on the page (so a page never
 * counts as lacking an entry it shows elsewhere): `jiucuo.home` when the home
 * page lacks it, `jiucuo.other` counting the other HTML pages without it.
 */
export function detectJiucuo(pages: readonly CrawledPage[]): DetectorResult {
  const html = htmlPages(pages);
  const home = html.filter((p) => p.kind === 'home');
  const others = html.filter((p) => p.kind !== 'home').filter((p) => !hasJiucuoEntry(p));
  const observations: Observation[] = [];
  const notes: CheckNote[] = [];
  if (!home.length) notes.push({ check: 'footer', text: '未抓取到首页，未检查首页“我为政府网站找错”入口', ok: false });
  const homeMissing = home.filter((p) => !hasJiucuoEntry(p));
  if (homeMissing.length) {
    observations.push({
      detect: 'jiucuo.home',
      count: 1,
      summary: '首页未发现“我为政府网站找错”入口',
      items: capItems(homeMissing.map(missingItem)),
    });
  }
  if (others.length) {
    observations.push({
      detect: 'jiucuo.other',
      count: others.length,
      summary: `${others.length} 个其他页面未发现“我为政府网站找错”入口`,
      items: capItems(others.map(missingItem)),
    });
  }
  return { observations, notes };
}
