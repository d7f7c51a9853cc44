import type { CrawledPage } from '../types';
import { capItems, htmlPages, pageUrl, sampleEvenly, type DetectorResult, type HtmlPage } from './common';
import { docOf, htmlOffsetAt, textOf, type HtmlDoc } from './html-doc';

// Share widgets by their usual names: 百度分享 (bdshare), JiaThis, bShare, AddThis, social-share.js, or a share/fenxiang box.
const WIDGET = /share|fenxiang|jiathis|addthis/iu;
// Share endpoints of the platforms reviewers expect (微博, QQ/QQ空间), and the names of the targets.
const ENDPOINT = /service\.weibo\.com\/share|connect\.qq\.com\/widget\/shareqq|sns\.qzone\.qq\.com\/cgi-bin\/qzshare/iu;
const TARGET = /微信|微博|朋友圈|QQ|qzone|weixin|weibo|wechat|tsina/iu;
const VERB = /分享|转发|转载/u;

/** Whether an article page offers to share or repost it (a widget, or 分享到微信/微博/QQ links and buttons). */
export function hasShareFunction(page: HtmlPage): boolean {
  const doc = docOf(page);
  if (ENDPOINT.test(page.html)) return true;
  for (const el of doc.elements) {
    if (el.tag === 'script' ? WIDGET.test(el.attrs.src ?? '') : WIDGET.test(`${el.attrs.id ?? ''} ${el.attrs.class ?? ''}`)) return true;
    if (el.tag === 'a' || el.tag === 'button' || 'onclick' in el.attrs) {
      const label = `${textOf(doc, el)} ${el.attrs.title ?? ''} ${el.attrs['aria-label'] ?? ''}`;
      if (VERB.test(label) && TARGET.test(`${label} ${el.attrs.href ?? ''} ${el.attrs.onclick ?? ''}`)) return true;
    }
  }
  return sharePrompt(doc);
}

/** “分享到：” followed by icon links that name their targets only in markup (title, class, image). */
function sharePrompt(doc: HtmlDoc): boolean {
  for (const m of doc.text.matchAll(/(?:分享|转发)(?:到|至)\s*[:：]?/gu)) {
    const from = htmlOffsetAt(doc, m.index);
    if (TARGET.test(doc.text.slice(m.index, m.index + 30)) || TARGET.test(doc.html.slice(from, from + 600))) return true;
  }
  return false;
}

/**
 * Repost and share functions on a deterministic sample of article pages:
 * `share.missing` counts the sampled pages without one. With no article
 * pages crawled there is nothing to judge, so only a note says so.
 */
export function detectShare(pages: readonly CrawledPage[], sample = 5): DetectorResult {
  const articles = sampleEvenly(
    htmlPages(pages).filter((p) => p.kind === 'article'),
    sample,
  );
  if (!articles.length) return { observations: [], notes: [{ check: 'share', text: '未抓取到内容页，未检查转载分享功能', ok: false }] };
  const without = articles.filter((p) => !hasShareFunction(p));
  if (!without.length)
    return { observations: [], notes: [{ check: 'share', text: `抽查 ${articles.length} 个内容页，均有转载分享功能`, ok: true }] };
  return {
    observations: [
      {
        detect: 'share.missing',
        count: without.length,
        summary: `抽查 ${articles.length} 个内容页，${without.length} 个无转载分享功能`,
        items: capItems(without.map((p) => ({ url: pageUrl(p), reason: '未发现分享、转发到微信、微博、QQ 等的功能' }))),
      },
    ],
    notes: [],
  };
}
