import { decodeEntities, parseAttrs } from './html-doc';

/**
 * Search entries that are not a plain form: what real CMS templates emit
 * around the search box — an element with role="search"/"searchbox", an
 * aria-label or title naming the search, an icon (class "icon-search",
 * "sousuo", an image search.png) — often with no visible text at all.
 */
const NAMED = /搜\s*索|检\s*索|\bsearch\b/iu;
const ICON =
  /(?:^|[\s_-])(?:icon-?search|search-?(?:icon|btn|button|ico)|sousuo|ss-?btn|fa-search|glyphicon-search|iconsearch)(?:$|[\s_-])/iu;
const ICON_IMAGE = /(?:search|sousuo|ss)(?:[_-]?(?:icon|btn|ico))?\d*\.(?:png|gif|jpe?g|svg)\b/iu;
const TAG = /<(a|button|input|div|span|i|img|form|label|em)\b((?:[^<>"']|"[^"]*"|'[^']*')*)>/giu;
/** Something every search entry above carries (a word, a role, a class or an image name). */
const ANY_HINT = /搜\s*索|检\s*索|search|sousuo|ss-?btn|(?:^|[/"'])ss(?:[_-]?(?:icon|btn|ico))?\d*\.(?:png|gif|jpe?g|svg)/iu;
/** Contents of an <a>, up to its end or the next anchor (bounded, so hostile pages stay linear). */
const ANCHOR_BODY = /^((?:(?!<\/?a\b)[\s\S]){0,400})/u;

/** Whether the attributes of one element say it is a search entry (role, aria-label, title, placeholder, icon class, icon image). */
export function isSearchElement(tag: string, attrs: Record<string, string>): boolean {
  const role = (attrs.role ?? '').toLowerCase();
  if (role === 'search' || role === 'searchbox') return true;
  if (tag === 'input' && (attrs.type ?? '').toLowerCase() === 'search') return true;
  for (const name of ['aria-label', 'title', 'placeholder', 'alt']) if (NAMED.test(attrs[name] ?? '')) return true;
  if (ICON.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`)) return true;
  return tag === 'img' && ICON_IMAGE.test(attrs.src ?? '');
}

/** A search entry on a page: links that open a search page, and whether script drives an entry of its own. */
export interface SearchEntry {
  /** http(s) URLs of search pages the entry links to (an icon-only link included). */
  links: string[];
  /** An entry with no address to follow (a button, a box without a form): only a browser can use it. */
  scripted: boolean;
}

/**
 * The search entries of a page that a form scan misses: anchors marked as
 * search by role, aria-label, title or an icon (inside them or on them), and
 * any other element so marked (a script-driven box or button).
 */
export function searchEntry(html: string, pageUrl: string): SearchEntry {
  const links: string[] = [];
  let scripted = false;
  // Every form of entry names the search somewhere; a page that never does is read no further.
  if (!ANY_HINT.test(html)) return { links, scripted };
  for (const m of html.matchAll(TAG)) {
    const tag = m[1]!.toLowerCase();
    const attrs = parseAttrs(m[2]!);
    if (tag === 'a') {
      const body = ANCHOR_BODY.exec(html.slice(m.index + m[0].length))?.[1] ?? '';
      const inner = [...body.matchAll(TAG)].some((t) => isSearchElement(t[1]!.toLowerCase(), parseAttrs(t[2]!)));
      const text = decodeEntities(body.replace(/<[^<>]*>/gu, '')).replace(/\s+/gu, '');
      if (!isSearchElement(tag, attrs) && !inner && !/^(站内|全站|全文|高级)?(搜索|检索)$/u.test(text)) continue;
      const href = (attrs.href ?? '').trim();
      if (!href || href.startsWith('#') || /^javascript:/iu.test(href)) {
        scripted = true;
        continue;
      }
      try {
        const url = new URL(href, pageUrl);
        if ((url.protocol === 'http:' || url.protocol === 'https:') && !links.includes(url.href)) links.push(url.href);
      } catch {
        // not a URL
      }
    } else if (tag !== 'img' && tag !== 'i' && isSearchElement(tag, attrs)) scripted = true;
  }
  return { links, scripted };
}

/** Whether the page offers a search entry in any of the forms above, or a search form. */
export function hasSearchEntry(html: string, pageUrl: string): boolean {
  const found = searchEntry(html, pageUrl);
  if (found.links.length || found.scripted) return true;
  // A form with a text box and a search hint (the usual TRS/Hanweb box).
  return /<form\b[\s\S]{0,3000}?<input\b[^<>]*>[\s\S]{0,600}?(?:搜\s*索|检\s*索|search)|<form\b[^<>]*(?:search|sousuo|query)[^<>]*>/iu.test(
    html,
  );
}
