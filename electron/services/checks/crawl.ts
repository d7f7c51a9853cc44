import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { KaopingError } from '../../../shared/errors';
import { decodeHtml, DEFAULT_LIMITS, fetchBounded, type FetchFailure, type FetchLimits, type FetchResult } from './fetch-bounded';
import { anchorText, authorityOf, extractLinks, linkKind, originOf, pathOf, siteKey, type LinkKind } from './extract-links';
import { HostLimiter } from './host-limiter';
import { KeptHtml } from './kept-html';
import { pageKey } from './page-identity';
import { coverageNotes, describeCoverage, formatBytes, type CrawlCoverage } from './crawl-coverage';

export { describeCoverage, type CrawlCoverage, type CrawlCut } from './crawl-coverage';
import { classifyPage } from './page-kind';
import { fetchRobots, type RobotsRules } from './robots';
import type { CheckNote, CrawledPage, Progress } from './types';

/** Bounds and politeness of one crawl. */
export interface CrawlOptions {
  maxPages: number;
  maxDepth: number;
  /** Total time for the crawl; what is unfinished then is left out. */
  budgetMs: number;
  /** Requests in flight per host. */
  concurrency: number;
  /** Gap between starts of two requests to one host (raised to the site's Crawl-delay, at most 5 s). */
  delayMs: number;
  /** Per request: time, bytes, redirects. */
  limits: FetchLimits;
  /** The reviewer's switch for an official check; otherwise robots.txt is obeyed. */
  ignoreRobots: boolean;
  /** Keep each page's decoded HTML (the page-based checks read it). */
  keepHtml: boolean;
  /** Compressed HTML kept in all; pages beyond it keep none (and a note says how many). */
  maxKeptBytes: number;
  /** Bounds against pages made of links: links read per page, distinct links kept in all. */
  maxLinksPerPage: number;
  maxFoundLinks: number;
  signal?: AbortSignal;
  onProgress?: Progress;
  /** After each page: how many of the pages found so far (within the page limit) the crawl has gone through. */
  onPages?: (done: number, known: number) => void;
}

/** The whole site: 10,000 pages at any depth within 10 minutes, 6 requests per host, robots.txt obeyed, 256 MiB of kept HTML. */
export const DEFAULT_CRAWL_OPTIONS: CrawlOptions = {
  maxPages: 10_000,
  maxDepth: Infinity,
  budgetMs: 10 * 60_000,
  concurrency: 6,
  delayMs: 0,
  limits: DEFAULT_LIMITS,
  ignoreRobots: false,
  keepHtml: true,
  maxKeptBytes: 256 * 1024 * 1024,
  maxLinksPerPage: 5_000,
  maxFoundLinks: 500_000,
};

/** A crawled page with how its fetch went. */
export interface CrawlPage extends CrawledPage {
  failure?: FetchFailure;
  truncated: boolean;
}

/** A link found by the crawl, with every page it is on (each once, in crawl order). */
export interface FoundLink {
  url: string;
  kind: LinkKind;
  foundOn: string[];
}

/** How one request of the crawl ended, so link checking does not ask again. */
export interface FetchOutcome {
  status: number;
  finalUrl: string;
  failure?: FetchFailure;
}

/** What one crawl saw: fed to every page-based check, so none fetches or parses the pages again. */
export interface CrawlResult {
  home: string;
  /** Pages in breadth-first order (deterministic for the same site); the home page first. */
  pages: CrawlPage[];
  links: Map<string, FoundLink>;
  /** Every URL the crawl requested, pages that redirect to an already crawled page included. */
  fetched: Map<string, FetchOutcome>;
  /** Same-site links robots.txt kept the crawl from. */
  disallowed: string[];
  /** robots.txt rules per origin ("https://www.x.gov.cn"). */
  robots: Map<string, RobotsRules>;
  ignoreRobots: boolean;
  notes: CheckNote[];
  /** Why the crawl ended early, if it did. */
  stopped: 'budget' | 'cancelled' | null;
  elapsedMs: number;
  coverage: CrawlCoverage;
}

/** Whether the home page answered with a page (the checks that read it have something to read). */
export function homeReached(crawl: CrawlResult): boolean {
  const home = crawl.pages[0];
  return !!home && home.depth === 0 && home.status >= 200 && home.status < 400;
}

/** Why the home page could not be read, in Chinese, or null when it was. */
export function homeFailure(crawl: CrawlResult): string | null {
  if (homeReached(crawl)) return null;
  const home = crawl.pages[0];
  if (!home || home.depth !== 0) return crawl.stopped === 'cancelled' ? '检查已取消，首页未抓取' : '首页未抓取';
  return home.failure ? home.failure.message : `HTTP ${home.status}`;
}

interface Entry {
  url: string;
  depth: number;
  linkText?: string;
  task?: Promise<FetchResult | 'disallowed'>;
}

const CRAWLABLE_TAGS = new Set(['a', 'area', 'iframe', 'frame']);
const MAX_CRAWL_DELAY_MS = 5_000;

function looksHtml(contentType: string, body: Buffer): boolean {
  if (/html/iu.test(contentType)) return true;
  if (contentType && !/^text\/plain/iu.test(contentType)) return false;
  return /<(?:!doctype\s+html|html|head|body)\b/iu.test(body.subarray(0, 1024).toString('latin1'));
}

/** Whether the crawl's robots.txt rules let us request `url` (always, for other sites or when ignored). */
export function crawlAllows(crawl: CrawlResult, url: string): boolean {
  if (crawl.ignoreRobots) return true;
  return crawl.robots.get(originOf(url))?.allows(pathOf(url)) ?? true;
}

/**
 * Crawls a site from its home page, breadth first, within bounds: pages,
 * depth, bytes per response, redirects, total time, cancellation; requests per
 * host limited and spaced; same site only (www.x.gov.cn and x.gov.cn are one
 * site); robots.txt obeyed unless `ignoreRobots`. Every link found is recorded
 * with the pages it is on, so link checking neither re-fetches nor re-parses.
 * Pages are committed in discovery order while later ones are already being
 * fetched, so the result does not depend on which answer came first. Never
 * throws for anything a site does; a stopped crawl returns what it finished.
 */
export async function crawlSite(home: string, options: Partial<CrawlOptions> = {}): Promise<CrawlResult> {
  const o = { ...DEFAULT_CRAWL_OPTIONS, ...options };
  const t0 = Date.now();
  let homeUrl: string;
  try {
    homeUrl = new URL(home).href;
  } catch {
    throw new KaopingError('bad-url', `网址无效：${home}（应以 http:// 或 https:// 开头）`);
  }
  if (!/^https?:/u.test(homeUrl)) throw new KaopingError('bad-url', `网址无效：${home}（应以 http:// 或 https:// 开头）`);
  const coverage: CrawlCoverage = {
    pages: 0,
    left: { pages: 0, depth: 0 },
    unkept: 0,
    truncated: 0,
    disallowed: 0,
    cutBy: [],
    maxPages: o.maxPages,
    maxDepth: Number.isFinite(o.maxDepth) ? o.maxDepth : null,
    budgetMs: o.budgetMs,
    elapsedMs: 0,
  };
  const result: CrawlResult = {
    home: homeUrl,
    pages: [],
    links: new Map(),
    fetched: new Map(),
    disallowed: [],
    robots: new Map(),
    ignoreRobots: o.ignoreRobots,
    notes: [],
    stopped: null,
    elapsedMs: 0,
    coverage,
  };
  const kept = new KeptHtml(o.maxKeptBytes);
  const stop = new AbortController();
  // Every request in flight listens to it.
  setMaxListeners(0, stop.signal);
  const stopped = new Promise<null>((resolve) => stop.signal.addEventListener('abort', () => resolve(null), { once: true }));
  const cancel = () => {
    result.stopped ??= 'cancelled';
    stop.abort();
  };
  if (o.signal?.aborted) cancel();
  o.signal?.addEventListener('abort', cancel, { once: true });
  const budget = setTimeout(() => {
    result.stopped ??= 'budget';
    stop.abort();
  }, o.budgetMs);
  const limiter = new HostLimiter(o.concurrency, o.delayMs);
  const robotsLoading = new Map<string, Promise<RobotsRules>>();
  const robotsFor = (origin: string) => {
    let loading = robotsLoading.get(origin);
    if (!loading) {
      loading = limiter
        .run(authorityOf(origin + '/'), () => fetchRobots(origin, o.limits, stop.signal))
        .then((rules) => {
          result.robots.set(origin, rules);
          if (rules.note) result.notes.push({ check: 'crawl', text: `${origin}：${rules.note}`, ok: false });
          if (rules.crawlDelayMs > o.delayMs) limiter.setDelay(authorityOf(origin + '/'), Math.min(rules.crawlDelayMs, MAX_CRAWL_DELAY_MS));
          return rules;
        });
      robotsLoading.set(origin, loading);
    }
    return loading;
  };
  const fetchPage = async (e: Entry): Promise<FetchResult | 'disallowed'> => {
    if (!o.ignoreRobots && e.depth > 0 && !(await robotsFor(originOf(e.url))).allows(pathOf(e.url))) return 'disallowed';
    return limiter.run(authorityOf(e.url), () =>
      fetchBounded(e.url, 'GET', o.limits, {
        signal: stop.signal,
        wantBody: (status, headers) =>
          status < 400 && (headers['content-type'] === undefined || /html|text\/plain/iu.test(headers['content-type'])),
      }),
    );
  };

  const sites = new Set([siteKey(homeUrl)]);
  /** Page identities (page-identity.ts) queued or committed: `/` and `/index.html` are one page. */
  const seen = new Set([pageKey(homeUrl)]);
  /** Identities of committed pages' final URLs: a page reached again through a redirect is not a second page. */
  const finals = new Set<string>();
  /** Digests of committed pages' bodies: the same page served under another address is not a second page. */
  const bodies = new Set<string>();
  const queue: Entry[] = [{ url: homeUrl, depth: 0 }];
  let linksCut = false;

  const admit = (url: string, depth: number, html: string, at: number) => {
    const key = pageKey(url);
    if (seen.has(key) || !sites.has(siteKey(url))) return;
    seen.add(key);
    const rules = o.ignoreRobots ? undefined : result.robots.get(originOf(url));
    if (rules && !rules.allows(pathOf(url))) result.disallowed.push(url);
    else if (queue.length >= o.maxPages) coverage.left.pages++;
    else queue.push({ url, depth, linkText: anchorText(html, at) || undefined });
  };
  /** A same-site page link past the depth limit: counted once, never fetched. */
  const beyondDepth = (url: string) => {
    const key = pageKey(url);
    if (seen.has(key) || !sites.has(siteKey(url))) return;
    seen.add(key);
    coverage.left.depth++;
  };

  const commit = (e: Entry, r: FetchResult | 'disallowed') => {
    if (r === 'disallowed') {
      result.disallowed.push(e.url);
      return;
    }
    result.fetched.set(e.url, { status: r.status, finalUrl: r.finalUrl, ...(r.failure ? { failure: r.failure } : {}) });
    if (e.depth === 0) sites.add(siteKey(r.finalUrl));
    const finalKey = pageKey(r.finalUrl);
    if (finals.has(finalKey)) return;
    const digest = r.status >= 200 && r.status < 300 && r.body.length > 0 ? createHash('sha1').update(r.body).digest('base64') : undefined;
    if (digest && bodies.has(digest)) return;
    finals.add(finalKey);
    seen.add(finalKey);
    if (digest) bodies.add(digest);
    const contentType = String(r.headers['content-type'] ?? '');
    const html =
      r.status > 0 && r.status < 400 && r.body.length > 0 && looksHtml(contentType, r.body) ? decodeHtml(r.body, contentType) : undefined;
    const page: CrawlPage = {
      url: e.url,
      finalUrl: r.finalUrl,
      status: r.status,
      contentType,
      depth: e.depth,
      kind: html === undefined ? (e.depth === 0 ? 'home' : 'other') : classifyPage(r.finalUrl, html, e.depth === 0),
      truncated: r.truncated,
      ...(e.linkText ? { linkText: e.linkText } : {}),
      ...(r.failure ? { failure: r.failure } : {}),
    };
    if (html !== undefined && o.keepHtml && !kept.keep(page, html)) coverage.unkept++;
    result.pages.push(page);
    if (r.truncated) {
      coverage.truncated++;
      const reason = r.failure
        ? `${r.failure.message}，只读到 ${formatBytes(r.body.length)}`
        : `内容超过 ${formatBytes(o.limits.maxBytes)}，只读取了前 ${formatBytes(o.limits.maxBytes)}`;
      result.notes.push({ check: 'crawl', text: `${e.url}：${reason}，其余部分未检查`, ok: false, items: [{ url: e.url, reason }] });
    }
    if (html === undefined) return;
    const found = extractLinks(html, r.finalUrl, o.maxLinksPerPage + 1);
    if (found.length > o.maxLinksPerPage)
      result.notes.push({ check: 'crawl', text: `${e.url} 的链接超过 ${o.maxLinksPerPage} 个，只取前 ${o.maxLinksPerPage} 个`, ok: false });
    for (let i = 0; i < found.length && i < o.maxLinksPerPage; i++) {
      const link = found[i]!;
      const known = result.links.get(link.url);
      if (known) {
        if (known.foundOn[known.foundOn.length - 1] !== e.url) known.foundOn.push(e.url);
      } else if (result.links.size < o.maxFoundLinks) {
        const kind = linkKind(link.tag, link.url);
        result.links.set(link.url, { url: link.url, kind, foundOn: [e.url] });
        if (CRAWLABLE_TAGS.has(link.tag) && (kind === 'page' || kind === 'frame')) {
          if (e.depth < o.maxDepth) admit(link.url, e.depth + 1, html, link.at);
          else beyondDepth(link.url);
        }
      } else linksCut = true;
    }
  };

  try {
    if (!o.ignoreRobots) await Promise.race([robotsFor(originOf(homeUrl)), stopped]);
    const window = Math.max(8, o.concurrency * 4);
    let started = 0;
    for (let done = 0; done < queue.length && !stop.signal.aborted; done++) {
      for (; started < queue.length && started - done < window; started++) queue[started]!.task = fetchPage(queue[started]!);
      const e = queue[done]!;
      const r = await Promise.race([e.task!, stopped]);
      if (r === null || (r !== 'disallowed' && r.failure?.kind === 'aborted')) break;
      e.task = undefined;
      commit(e, r);
      o.onPages?.(done + 1, queue.length);
      const next = queue[done + 1];
      if (!next || next.depth > e.depth)
        o.onProgress?.(
          `抓取第 ${e.depth + 1} 层：累计 ${result.pages.length} 个页面`,
          Math.min(1, Math.max(result.pages.length / o.maxPages, Number.isFinite(o.maxDepth) ? (e.depth + 1) / (o.maxDepth + 1) : 0)),
        );
    }
  } finally {
    clearTimeout(budget);
    o.signal?.removeEventListener('abort', cancel);
    stop.abort();
  }
  result.elapsedMs = coverage.elapsedMs = Date.now() - t0;
  coverage.pages = result.pages.length;
  coverage.disallowed = result.disallowed.length;
  if (result.stopped) coverage.cutBy.push(result.stopped);
  if (coverage.left.pages) coverage.cutBy.push('pages');
  if (coverage.left.depth) coverage.cutBy.push('depth');
  if (linksCut) coverage.cutBy.push('links');
  if (coverage.unkept) coverage.cutBy.push('memory');
  result.notes.push(...coverageNotes(coverage, o, result.disallowed, linksCut));
  o.onProgress?.(`抓取完成：${describeCoverage(coverage)}，${result.links.size} 个链接`);
  return result;
}
