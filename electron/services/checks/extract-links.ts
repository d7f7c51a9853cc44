/** A link on a page: where it points and what kind of element holds it. */
export interface PageLink {
  url: string;
  tag: string;
}

const LINK_ATTR = /<(a|area|img|script|link|iframe|source|embed)\b[^>]*?\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/giu;

/**
 * Every checkable link of a page, resolved against the page URL: javascript:,
 * mailto:, tel:, data: and same-page anchors are not links to check.
 */
export function extractLinks(html: string, pageUrl: string): PageLink[] {
  const base = /<base\s[^>]*href\s*=\s*["']?([^"'\s>]+)/iu.exec(html)?.[1];
  const out: PageLink[] = [];
  for (const m of html.matchAll(LINK_ATTR)) {
    const raw = (m[3] ?? m[4] ?? m[5] ?? '').trim().replace(/&amp;/gu, '&');
    if (!raw || raw.startsWith('#') || /^(javascript|mailto|tel|data|about|sms):/iu.test(raw)) continue;
    let url: URL;
    try {
      url = new URL(raw, base ? new URL(base, pageUrl) : pageUrl);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    url.hash = '';
    out.push({ url: url.toString(), tag: m[1]!.toLowerCase() });
  }
  return out;
}
