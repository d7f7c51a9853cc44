import type { CrawlResult } from './crawl';
import { extractLinks } from './extract-links';
import type { ColumnKind } from './freshness';
import { isEmptyList } from './page-kind';
import { publicationDates } from './pub-dates';

/** The breadcrumb trail ("当前位置：首页 > 政务公开 > …"): it names the page, so it differs on every page of a template. */
const BREADCRUMB =
  /<(div|p|span|td|nav)\b[^<>]*\b(?:class|id)\s*=\s*["']?[^"'<>]*(?:position|location|crumb|weizhi|dqwz)[^<>]*>[\s\S]{0,2000}?<\/\1\s*>/giu;

/** What a reader sees of a page's body, whitespace and the breadcrumb trail removed. */
function visibleText(html: string): string {
  return html
    .replace(/<head\b[\s\S]*?(?:<\/head\s*>|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<!--[\s\S]*?(?:-->|$)/giu, '')
    .replace(BREADCRUMB, '')
    .replace(/<[^<>]*>|&nbsp;|\s+/gu, '');
}

/** Length of the text `text` has beyond what it shares with a page of the same template (header before, footer after). */
function ownTextLength(text: string, other: string): number {
  const max = Math.min(text.length, other.length);
  let head = 0;
  while (head < max && text.charCodeAt(head) === other.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < max - head && text.charCodeAt(text.length - 1 - tail) === other.charCodeAt(other.length - 1 - tail)) tail++;
  return text.length - head - tail;
}

/** Elements that are content of their own even without links or dates (a message form, an embedded map). */
const OWN_ELEMENT = /<(?:textarea|iframe|embed|object|video|audio|select)\b/iu;

/**
 * Column pages with no items (空白栏目): no publication date, no link or
 * image of their own (those on half the pages are furniture: navigation,
 * footer), no form or embedded content, and no text beyond their name that
 * pages of the same template do not also carry. Candidates are the crawl's
 * column pages and the dated columns that could be read; an article is never
 * one, and a page that could not be opened is unknown, not blank.
 */
export async function blankColumns(
  crawl: CrawlResult,
  dated: { url: string; name: string }[],
  articles: ReadonlySet<string>,
  overrides: Map<string, ColumnKind | 'ignore'>,
  finalOf: (url: string) => string,
  htmlOf: (url: string) => Promise<string | undefined>,
  day: Date,
): Promise<{ name: string; url: string }[]> {
  const withHtml = crawl.pages.filter((p) => p.html !== undefined && p.status < 400);
  // With few pages nothing tells the site's furniture apart, so every link counts as content.
  const chromeAt = withHtml.length >= 4 ? Math.max(3, Math.ceil(withHtml.length / 2)) : Infinity;
  const candidates = new Map<string, string>();
  for (const p of crawl.pages)
    if (p.kind === 'column' && p.status < 400)
      candidates.set(
        p.url,
        p.linkText ?? /<meta\s[^<>]*name=["']?ColumnName["']?\s[^<>]*content=["']([^"']+)/iu.exec(p.html ?? '')?.[1] ?? p.url,
      );
  for (const c of dated) if (!candidates.has(c.url)) candidates.set(c.url, c.name);
  const out: { name: string; url: string }[] = [];
  for (const [url, name] of candidates) {
    if (overrides.get(url) === 'ignore' || articles.has(url)) continue;
    const html = await htmlOf(url);
    if (html === undefined || publicationDates(html, day).length > 0 || OWN_ELEMENT.test(html)) continue;
    // A list template's pager over nothing is blank by its structure.
    if (isEmptyList(html)) {
      out.push({ name, url });
      continue;
    }
    const base = finalOf(url);
    const own = extractLinks(html, base).some(
      (l) =>
        l.tag !== 'link' &&
        l.tag !== 'script' &&
        l.url !== base &&
        l.url !== url &&
        (crawl.links.get(l.url)?.foundOn.length ?? 0) < chromeAt,
    );
    if (own) continue;
    // Compared with up to three other pages of the site; the closest template decides.
    const text = visibleText(html).replaceAll(name, '');
    const others = withHtml.filter((p) => p.url !== url && p.finalUrl !== base).slice(0, 3);
    const ownText = others.length ? Math.min(...others.map((p) => ownTextLength(text, visibleText(p.html!)))) : text.length;
    if (ownText <= 10) out.push({ name, url });
  }
  return out;
}
