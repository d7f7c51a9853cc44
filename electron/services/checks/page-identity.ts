/**
 * One page, one identity: the addresses under which a site serves the same
 * page collapse to one key, so the crawler fetches and counts it once.
 * `/`, `/index.html`, `/index.htm`, `/default.htm(l)`, `/index.shtml` (and the
 * usual script index pages) are the directory; a fragment, an empty query,
 * tracking or cache-busting parameters, a `;jsessionid=` path parameter and
 * the order of query parameters do not make another page. Redirects and
 * byte-identical answers are caught by the crawler itself (final URL, body).
 */
const INDEX_FILE = /\/(?:index|default)\.(?:s?html?|php|jsp|aspx?)$/iu;
const SESSION = /;jsessionid=[^/?#]*/giu;
/** Parameters that never choose a page: campaign tags and share markers. */
const TRACKING = /^(?:utm_[a-z]+|spm|share_?from|isappinstalled|scene|clicktime|jsessionid)$/iu;
/** Cache busters: a bare "_", "t", "r", "v", "timestamp" or "rnd" with a number. */
const BUSTER = /^(?:_|t|r|v|rnd|timestamp|time)$/iu;

/** The identity of a page URL (absolute http(s)); an unparsable URL is its own identity. */
export function pageKey(href: string): string {
  let u: URL;
  try {
    u = new URL(href.replace(SESSION, ''));
  } catch {
    return href;
  }
  u.hash = '';
  u.pathname = u.pathname.replace(INDEX_FILE, '/');
  const kept = [...u.searchParams].filter(([k, v]) => !TRACKING.test(k) && !(BUSTER.test(k) && /^[\d.]*$/u.test(v)));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Assigned even when empty: a bare "?" goes too.
  u.search = kept.length ? new URLSearchParams(kept).toString() : '';
  return u.href;
}
