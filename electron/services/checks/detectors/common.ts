import type { CheckNote, CrawledPage, EvidenceItem, Observation } from '../types';

/** Evidence items kept per observation; the observation's count stays exact. */
export const MAX_ITEMS = 50;

/** A crawled page that has HTML to read. */
export type HtmlPage = CrawledPage & { html: string };

/** Pages that were fetched and are HTML (error pages and other types carry nothing to check). */
export function htmlPages(pages: readonly CrawledPage[]): HtmlPage[] {
  return pages.filter((p): p is HtmlPage => typeof p.html === 'string' && p.html.trim() !== '' && p.status < 400);
}

/** The address the page was actually read from, after redirects. */
export function pageUrl(page: CrawledPage): string {
  return page.finalUrl || page.url;
}

/**
 * Up to `max` items taken in turn from each group, so a long first group does
 * not crowd out the others (every missing footer item keeps an example).
 */
export function interleave<T>(groups: readonly (readonly T[])[], max = MAX_ITEMS): T[] {
  const out: T[] = [];
  for (let i = 0; out.length < max && groups.some((g) => i < g.length); i++) {
    for (const g of groups) if (i < g.length && out.length < max) out.push(g[i]!);
  }
  return out;
}

/** At most MAX_ITEMS evidence items. */
export function capItems(items: readonly EvidenceItem[]): EvidenceItem[] {
  return items.slice(0, MAX_ITEMS);
}

/**
 * `n` pages of one kind, evenly spaced over the pages sorted by URL, so that
 * reruns over the same crawl sample the same pages.
 */
export function sampleEvenly(pages: readonly HtmlPage[], n: number): HtmlPage[] {
  const sorted = [...new Map(pages.map((p) => [pageUrl(p), p])).values()].sort((a, b) =>
    pageUrl(a) < pageUrl(b) ? -1 : pageUrl(a) > pageUrl(b) ? 1 : 0,
  );
  if (sorted.length <= n) return sorted;
  return Array.from({ length: Math.max(0, n) }, (_, i) => sorted[Math.floor((i * sorted.length) / n)]!);
}

/** Shortens text for evidence (HTML fragments are at most 500 characters). */
export function clip(s: string, max = 500): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

// Digits, the X of an ID number, and the stars of a masked one.
const NUMBERISH = /[\dXx*]/u;
const inRun = (text: string, at: number) => at > 0 && at < text.length && NUMBERISH.test(text[at - 1]!) && NUMBERISH.test(text[at]!);

/**
 * About `radius` characters either side of a match, within its line (block).
 * An edge that falls inside a number moves out to take the whole number, or
 * (for a very long run) in to leave it out, so no fragment of a longer number
 * (an ID number next to a wrong word) slips into evidence.
 */
export function contextAround(text: string, start: number, end: number, radius = 10): string {
  const lineEnd = text.indexOf('\n', end);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let from = Math.max(0, start - radius, lineStart);
  let to = Math.min(end + radius, lineEnd < 0 ? text.length : lineEnd);
  while (inRun(text, from) && from > lineStart && start - from < radius + 24) from--;
  while (inRun(text, from) && from < start) from++;
  while (inRun(text, to) && to - end < radius + 24) to++;
  while (inRun(text, to) && to > end) to--;
  return text.slice(from, to).replace(/\s+/gu, ' ').trim();
}

/** What a detector that can also report facts returns. */
export interface DetectorResult {
  observations: Observation[];
  notes: CheckNote[];
}

/**
 * The HTML a browser acts on: HTML comments and commented-out script lines (a
 * disabled badge) left out. Script bodies are read in the same pass, so an old
 * "<script><!-- … //--></script>" keeps its code.
 */
export function liveHtml(html: string): string {
  return html.replace(
    /(<script\b[^<>]*>)([\s\S]*?)(<\/script\s*>|$)|<!--[\s\S]*?(?:-->|$)/giu,
    (_, open: string | undefined, body: string, close: string) =>
      open === undefined ? '' : open + body.replace(/^\s*\/\/(?!\s*-->).*$/gmu, '') + close,
  );
}
