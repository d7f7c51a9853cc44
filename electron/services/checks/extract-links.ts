/** A link on a page: where it points, what kind of element holds it, and where in the HTML. */
export interface PageLink {
  url: string;
  tag: string;
  /** Index just past the element's start tag (where an anchor's text begins). */
  at: number;
}

/** What a link leads to, as the checks tell them apart. */
export type LinkKind = 'page' | 'image' | 'script' | 'style' | 'attachment' | 'frame' | 'media';

/**
 * One pass over the page: comments and script/style bodies are skipped whole
 * (links inside them are not links a visitor can follow); the start tags that
 * carry links are captured with their attributes. Quoted values may hold '>'.
 * No part of a match crosses a '<' except comment and script bodies, which
 * always match (to the end if unclosed): the scan stays linear on hostile pages.
 */
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style)\b((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>[\s\S]*?(?:<\/\1\s*>|$)|<(a|area|img|link|iframe|frame|source|embed|video|audio)\b((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>/giu;
const HREF = /(?:^|\s)(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/iu;
const NOT_A_LINK = /^(?:javascript|mailto|tel|data|about|sms|blob|file|ftp):/iu;
/** <link> relations that name a host or a hint, not a resource to check. */
const HINT_REL = /\brel\s*=\s*["']?[^"'>]*\b(?:dns-prefetch|preconnect)\b/iu;
const ATTACHMENT = /\.(?:pdf|docx?|xlsx?|pptx?|wps|et|dps|ofd|ceb|zip|rar|7z|tar|gz|txt|csv|xml)$/iu;
const IMAGE = /\.(?:jpe?g|png|gif|bmp|webp|svg|ico|tiff?)$/iu;
const MEDIA = /\.(?:mp4|mp3|avi|flv|wmv|mov|m4v|webm|wav)$/iu;

/**
 * Every checkable link of a page, resolved against the page URL (or its
 * <base>): javascript:, mailto:, tel:, data: and same-page anchors are not
 * links to check; fragments are dropped. Stops after `max` links (a page
 * made of links must not cost unbounded memory).
 */
export function extractLinks(html: string, pageUrl: string, max = Infinity): PageLink[] {
  const out: PageLink[] = [];
  let base: URL;
  try {
    base = new URL(pageUrl);
    const declared = /<base\s[^<>]*href\s*=\s*["']?([^"'\s>]+)/iu.exec(html)?.[1];
    if (declared) base = new URL(declared, base);
  } catch {
    return out;
  }
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m && out.length < max; m = TOKEN.exec(html)) {
    const tag = (m[3] ?? m[1])?.toLowerCase();
    const attrs = m[4] ?? m[2];
    // Comments and style bodies carry nothing; a script counts only by its src.
    if (!tag || attrs === undefined || tag === 'style') continue;
    const value = HREF.exec(attrs);
    if (!value) continue;
    if (tag === 'link' && HINT_REL.test(attrs)) continue;
    let raw = (value[1] ?? value[2] ?? value[3] ?? '').trim();
    if (!raw || raw.charCodeAt(0) === 35 /* # */ || NOT_A_LINK.test(raw)) continue;
    if (raw.includes('&')) raw = raw.replace(/&amp;/giu, '&').replace(/&#0*38;/gu, '&');
    const hash = raw.indexOf('#');
    if (hash >= 0) raw = raw.slice(0, hash);
    let url: string;
    try {
      const resolved = new URL(raw, base);
      if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') continue;
      url = resolved.href;
    } catch {
      continue;
    }
    out.push({ url, tag, at: m.index + m[0].length });
  }
  return out;
}

/** What a link leads to, from its element and the end of its path. */
export function linkKind(tag: string, url: string): LinkKind {
  const q = url.search(/[?#]/u);
  const path = q >= 0 ? url.slice(0, q) : url;
  if (tag === 'img') return 'image';
  if (tag === 'script') return 'script';
  if (tag === 'link') return 'style';
  if (tag === 'iframe' || tag === 'frame') return 'frame';
  if (tag === 'source' || tag === 'video' || tag === 'audio' || tag === 'embed') return IMAGE.test(path) ? 'image' : 'media';
  if (ATTACHMENT.test(path)) return 'attachment';
  if (IMAGE.test(path)) return 'image';
  if (MEDIA.test(path)) return 'media';
  return 'page';
}

/**
 * The visible text of the anchor whose start tag ends at `at` (its image's alt
 * text when it has no text), whitespace removed: a column's name on the
 * navigation, "网站地图" in a footer.
 */
export function anchorText(html: string, at: number): string {
  const close = html.indexOf('</a', at);
  const inner = html.slice(at, close < 0 || close - at > 600 ? at + 600 : close);
  const text = inner
    .replace(/<[^<>]*>/gu, '')
    .replace(/&nbsp;|&#160;|\s+/gu, '')
    .replace(/&gt;/gu, '>')
    .replace(/&lt;/gu, '<')
    .replace(/&amp;/gu, '&');
  if (text) return text.slice(0, 100);
  return (/\salt\s*=\s*["']([^"']*)["']/iu.exec(inner)?.[1] ?? /\stitle\s*=\s*["']([^"']*)["']/iu.exec(inner)?.[1] ?? '')
    .trim()
    .slice(0, 100);
}

// String helpers for absolute URLs as `URL.href` writes them (host lower-cased,
// default port left out): checks call them per link, where parsing a URL each
// time would dominate.

/** "host:port" of an absolute http(s) URL, without user info. */
export function authorityOf(href: string): string {
  const start = href.indexOf('//') + 2;
  const end = href.indexOf('/', start);
  const authority = href.slice(start, end < 0 ? href.length : end);
  const at = authority.lastIndexOf('@');
  return at >= 0 ? authority.slice(at + 1) : authority;
}

/** "https://host:port". */
export function originOf(href: string): string {
  return `${href.slice(0, href.indexOf('//'))}//${authorityOf(href)}`;
}

/** Path and query ("/a/b.html?x=1"), as robots.txt rules match them. */
export function pathOf(href: string): string {
  const start = href.indexOf('/', href.indexOf('//') + 2);
  if (start < 0) return '/';
  const hash = href.indexOf('#', start);
  return href.slice(start, hash < 0 ? href.length : hash);
}

/** The site a URL belongs to: its authority without a leading "www." (www.x.gov.cn and x.gov.cn are one site). */
export function siteKey(href: string): string {
  const authority = authorityOf(href);
  return authority.startsWith('www.') ? authority.slice(4) : authority;
}
