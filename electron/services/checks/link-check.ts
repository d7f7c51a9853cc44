import { decodeHtml, DEFAULT_LIMITS, fetchBounded, type FetchLimits, type FetchResult } from './fetch-bounded';
import type { Observation } from './types';
import { extractLinks } from './extract-links';
import { HostLimiter } from './host-limiter';

export interface LinkCheckOptions {
  maxPages: number;
  maxDepth: number;
  /** Total time for the crawl and the checks. */
  budgetMs: number;
  concurrency: number;
  delayMs: number;
  limits: FetchLimits;
  /** Check links to other sites too (off in tests: this machine reaches no other site). */
  external: boolean;
  /** Bounded wait for a 429/503 Retry-After before a link is called unverified. */
  maxRetryAfterMs: number;
  onProgress?: (line: string) => void;
}

export const DEFAULT_LINK_OPTIONS: LinkCheckOptions = { maxPages: 200, maxDepth: 3, budgetMs: 10 * 60_000, concurrency: 6, delayMs: 0, limits: DEFAULT_LIMITS, external: true, maxRetryAfterMs: 10_000 };

export type LinkState = { state: 'ok' } | { state: 'broken'; reason: string } | { state: 'unverified'; reason: string } | { state: 'tls'; reason: string };

export interface LinkReport {
  home: string;
  pages: string[];
  /** Every checked URL with the pages it was found on. */
  links: { url: string; foundOn: string[]; result: LinkState }[];
  tlsFaultHosts: string[];
}

function stateOf(r: FetchResult): LinkState {
  if (r.failure) {
    if (r.failure.kind === 'tls') return { state: 'tls', reason: r.failure.message };
    const label = { timeout: '超时', dns: '域名无法解析', refused: '连接被拒绝', redirects: '重定向过多', other: '无法访问' }[r.failure.kind as 'timeout'];
    return { state: 'broken', reason: `${label}（${r.failure.message}）` };
  }
  if (r.status >= 200 && r.status < 400) return { state: 'ok' };
  return { state: 'broken', reason: `HTTP ${r.status}` };
}

/**
 * Crawls a site from its home page within bounds and checks every link found
 * once: HEAD first, GET again where servers answer HEAD wrongly, 429/503 waited
 * for (bounded) and otherwise reported unverified, TLS faults reported per host.
 */
export async function checkLinks(home: string, options: Partial<LinkCheckOptions> = {}): Promise<LinkReport> {
  const o = { ...DEFAULT_LINK_OPTIONS, ...options };
  const deadline = Date.now() + o.budgetMs;
  const limiter = new HostLimiter(o.concurrency, o.delayMs);
  const origin = new URL(home).host;
  const foundOn = new Map<string, Set<string>>();
  const results = new Map<string, LinkState>();
  const pages: string[] = [];
  const limited = (url: string, method: 'GET' | 'HEAD') => limiter.run(new URL(url).host, () => fetchBounded(url, method, o.limits));

  // Crawl: breadth first, same host, each page fetched once.
  let frontier = [home];
  const seen = new Set(frontier);
  for (let depth = 0; depth <= o.maxDepth && frontier.length && Date.now() < deadline; depth++) {
    const next: string[] = [];
    const batch = frontier.slice(0, Math.max(0, o.maxPages - pages.length));
    await Promise.all(
      batch.map(async (url) => {
        const r = await limited(url, 'GET');
        results.set(url, stateOf(r));
        pages.push(url);
        if (!String(r.headers['content-type'] ?? '').includes('html') || r.failure || r.status >= 400) return;
        for (const link of extractLinks(decodeHtml(r.body, String(r.headers['content-type'] ?? '')), r.finalUrl)) {
          foundOn.set(link.url, (foundOn.get(link.url) ?? new Set()).add(url));
          const u = new URL(link.url);
          if (u.host === origin && link.tag === 'a' && !seen.has(link.url) && !/\.(pdf|docx?|xlsx?|zip|rar|jpe?g|png|gif)$/iu.test(u.pathname)) {
            seen.add(link.url);
            next.push(link.url);
          }
        }
      }),
    );
    o.onProgress?.(`抓取第 ${depth + 1} 层：累计 ${pages.length} 个页面`);
    frontier = next;
  }

  // Check every link once.
  const toCheck = [...foundOn.keys()].filter((u) => !results.has(u) && (o.external || new URL(u).host === origin));
  await Promise.all(
    toCheck.map(async (url) => {
      if (Date.now() > deadline) {
        results.set(url, { state: 'unverified', reason: '超出检查时限' });
        return;
      }
      let r = await limited(url, 'HEAD');
      if ([404, 405, 501].includes(r.status) || (r.status >= 400 && !r.failure)) r = await limited(url, 'GET');
      for (let tries = 0; (r.status === 429 || r.status === 503) && tries < 2; tries++) {
        const wait = Math.min(Number(r.headers['retry-after'] ?? 1) * 1000 || 1000, o.maxRetryAfterMs);
        if (wait >= o.maxRetryAfterMs || Date.now() + wait > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, wait));
        r = await limited(url, 'GET');
      }
      results.set(url, r.status === 429 || r.status === 503 ? { state: 'unverified', reason: `HTTP ${r.status}，稍后重试仍未确认` } : stateOf(r));
    }),
  );
  o.onProgress?.(`检查链接：${toCheck.length} 个`);

  const links = [...foundOn.entries()].filter(([u]) => results.has(u)).map(([url, on]) => ({ url, foundOn: [...on].sort(), result: results.get(url)! }));
  const tlsFaultHosts = [...new Set(links.filter((l) => l.result.state === 'tls').map((l) => new URL(l.url).host))];
  return { home, pages, links, tlsFaultHosts };
}

/** Broken links counted as the rules count them: once per page they appear on, home page apart. */
export function countBroken(report: LinkReport): { home: { url: string; reason: string }[]; other: { url: string; page: string; reason: string }[] } {
  const home: { url: string; reason: string }[] = [];
  const other: { url: string; page: string; reason: string }[] = [];
  for (const link of report.links) {
    if (link.result.state !== 'broken') continue;
    for (const page of link.foundOn) {
      if (page === report.home) home.push({ url: link.url, reason: link.result.reason });
      else other.push({ url: link.url, page, reason: link.result.reason });
    }
  }
  return { home, other };
}

/** Link availability as observations: broken links on the home page, and on the other pages. */
export function linkObservations(report: LinkReport): Observation[] {
  const { home, other } = countBroken(report);
  const out: Observation[] = [];
  if (home.length) out.push({ detect: 'links.home', count: home.length, summary: `首页有 ${home.length} 处链接打不开`, items: home.map((b) => ({ url: report.home, link: b.url, reason: b.reason, selector: linkSelector(b.url) })) });
  if (other.length) {
    out.push({ detect: 'links.other', count: other.length, summary: `其他页面有 ${other.length} 处链接打不开（共抓取 ${report.pages.length} 个页面）`, items: other.map((b) => ({ url: b.page, link: b.url, reason: b.reason, selector: linkSelector(b.url) })) });
  }
  return out;
}

/** A selector for the element that holds a link, for outlining it in a screenshot. */
function linkSelector(url: string): string {
  const u = new URL(url);
  const tail = CSS_ESCAPE(u.pathname + u.search);
  return `a[href$="${tail}"], img[src$="${tail}"], link[href$="${tail}"], script[src$="${tail}"]`;
}

const CSS_ESCAPE = (s: string) => s.replace(/["\\]/gu, '\\$&');
