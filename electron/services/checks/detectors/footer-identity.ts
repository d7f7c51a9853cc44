import type { CrawledPage, EvidenceItem, Observation } from '../types';
import { clip, htmlPages, interleave, liveHtml, pageUrl } from './common';
import { footerRegion, type FooterRegion } from './footer-region';
import { docOf } from './html-doc';

const PROVINCE = '[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]';

/**
 * Where the rules are open to reading, the reviewer's reading: whether a
 * "联系我们" link (to a page with the contacts) counts as 联系方式. The rules
 * ask the footer to "清晰列明…联系方式", so by default only a telephone
 * number, an e-mail address or a mailto link does.
 */
export interface FooterOptions {
  contactLink?: boolean;
}

const PHONE = /0\d{2,3}\s*[-－—]{1,2}\s*\d{7,8}|[(（]0\d{2,3}[)）]\s*\d{7,8}|(?:电\s*话|热\s*线|传\s*真)\s*[:：]?\s*[\d(（]/u;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|邮\s*箱\s*[:：]|e-?mail\s*[:：]/iu;

/** The six identity items every page footer carries, in the order the reviewer reads them. */
export const FOOTER_ITEMS: { key: string; label: string; present: (footer: FooterRegion, options: FooterOptions) => boolean }[] = [
  {
    key: 'conac',
    label: '党政机关网站标识',
    // Read the raw HTML: the badge is usually written by a script from conac.cn, often an escaped
    // document.write, or an image linking to bszs.conac.cn; a commented-out one shows nothing.
    present: (f) => /_ideConac|conac\.cn|<img\b[^>]*\b(?:alt|title)\s*=\s*["']?[^"'>]*党政机关/iu.test(liveHtml(f.html)),
  },
  { key: 'site-code', label: '网站标识码', present: (f) => /网站(?:标识|识别)码\s*[:：]?\s*(?:\d{10}|bm\d{8})(?!\d)/iu.test(f.text) },
  {
    key: 'icp',
    label: 'ICP备案编号',
    present: (f) => new RegExp(`${PROVINCE}\\s*ICP\\s*备\\s*\\d+(?:\\s*-\\s*\\d+)?\\s*号(?:\\s*-\\s*\\d+)?`, 'iu').test(f.text),
  },
  {
    key: 'police',
    label: '公安机关备案标识',
    present: (f) => new RegExp(`${PROVINCE}\\s*公\\s*网\\s*安\\s*备\\s*\\d{8,}\\s*号?`, 'u').test(f.text),
  },
  // "主办单位：…", "主办：…", or "金湖县人民政府主办".
  { key: 'sponsor', label: '主办单位', present: (f) => /主办单位|主\s*办\s*[:：]|[\p{Script=Han}）)]\s*主办(?!方)/u.test(f.text) },
  {
    key: 'contact',
    label: '联系方式',
    present: (f, o) =>
      PHONE.test(f.text) ||
      EMAIL.test(f.text) ||
      /联系方式\s*[:：]/u.test(f.text) ||
      /href\s*=\s*["']?mailto:/iu.test(f.html) ||
      (o.contactLink === true && /<a\b[^<>]*>\s*(?:<[^<>]*>\s*)*联系我们/u.test(f.html)),
  },
];

/**
 * Footer identity on every HTML page: 党政机关网站标识, 网站标识码, ICP备案编号,
 * 公安机关备案标识, 主办单位 and 联系方式 (a "联系我们" link only when
 * `options.contactLink`). One `footer.identity` observation
 * counting the distinct items that some page lacks; its evidence names each
 * page and missing item, outlining the footer.
 */
export function detectFooterIdentity(pages: readonly CrawledPage[], options: FooterOptions = {}): Observation[] {
  const missing = new Map<string, EvidenceItem[]>(FOOTER_ITEMS.map((i) => [i.key, []]));
  for (const page of htmlPages(pages)) {
    const footer = footerRegion(docOf(page));
    for (const item of FOOTER_ITEMS) {
      if (item.present(footer, options)) continue;
      missing.get(item.key)!.push({
        url: pageUrl(page),
        text: clip(footer.text.replace(/\s+/gu, ' ').trim(), 200) || undefined,
        reason: `缺少${item.label}`,
        selector: footer.selector,
      });
    }
  }
  const lacking = FOOTER_ITEMS.filter((i) => missing.get(i.key)!.length > 0);
  if (!lacking.length) return [];
  return [
    {
      detect: 'footer.identity',
      count: lacking.length,
      summary: `页面底部缺少${lacking.map((i) => `${i.label}（${missing.get(i.key)!.length} 个页面）`).join('、')}`,
      items: interleave(lacking.map((i) => missing.get(i.key)!)),
    },
  ];
}
