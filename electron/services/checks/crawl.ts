import { setMaxListeners } from 'node:events';
import { KaopingError } from '../../../shared/errors';
import { decodeHtml, DEFAULT_LIMITS, fetchBounded, type FetchFailure, type FetchLimits, type FetchResult } from './fetch-bounded';
import { anchorText, authorityOf, extractLinks, linkKind, originOf, pathOf, siteKey, type LinkKind } from './extract-links';
import { HostLimiter } from './host-limiter';
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
  /** Bounds against pages made of links: links read per page, distinct links kept in all. */
  maxLinksPerPage: number;
  maxFoundLinks: number;
  signal?: AbortSignal;
  onProgress?: Progress;
}

/** 200 pages, 3 links deep, 10 minutes, 6 requests per host, robots.txt obeyed. */
export const DEFAULT_CRAWL_OPTIONS: CrawlOptions = { maxPages: 200, maxDepth: 3, budgetMs: 10 * 60_000, concurrency: 6, delayMs: 0, limits: DEFAULT_LIMITS, ignoreRobots: false, keepHtml: true, maxLinksPerPage: 5_000, maxFoundLinks: 200_000 };

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
  const result: CrawlResult = { home: homeUrl, pages: [], links: new Map(), fetched: new Map(), disallowed: [], robots: new Map(), ignoreRobots: o.ignoreRobots, notes: [], stopped: null, elapsedMs: 0 };
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
      loading = limiter.run(authorityOf(origin + '/'), () => fetchRobots(origin, o.limits, stop.signal)).then((rules) => {
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
    return limiter.run(authorityOf(e.url), () => fetchBounded(e.url, 'GET', o.limits, { signal: stop.signal, wantBody: (status, headers) => status < 400 && (headers['content-type'] === undefined || /html|text\/plain/iu.test(headers['content-type'])) }));
  };

  const sites = new Set([siteKey(homeUrl)]);
  const seen = new Set([homeUrl]);
  /** Final URLs of committed pages: a page reached again through a redirect is not a second page. */
  const finals = new Set<string>();
  const queue: Entry[] = [{ url: homeUrl, depth: 0 }];
  let pagesCut = false;
  let linksCut = false;

  const admit = (url: string, depth: number, html: string, at: number) => {
    if (seen.has(url) || !sites.has(siteKey(url))) return;
    seen.add(url);
    const rules = o.ignoreRobots ? undefined : result.robots.get(originOf(url));
    if (rules && !rules.allows(pathOf(url))) result.disallowed.push(url);
    else if (queue.length >= o.maxPages) pagesCut = true;
    else queue.push({ url, depth, linkText: anchorText(html, at) || undefined });
  };

  const commit = (e: Entry, r: FetchResult | 'disallowed') => {
    if (r === 'disallowed') {
      result.disallowed.push(e.url);
      return;
    }
    result.fetched.set(e.url, { status: r.status, finalUrl: r.finalUrl, ...(r.failure ? { failure: r.failure } : {}) });
    if (e.depth === 0) sites.add(siteKey(r.finalUrl));
    if (finals.has(r.finalUrl)) return;
    finals.add(r.finalUrl);
    seen.add(r.finalUrl);
    const contentType = String(r.headers['content-type'] ?? '');
    const html = r.status > 0 && r.status < 400 && r.body.length > 0 && looksHtml(contentType, r.body) ? decodeHtml(r.body, contentType) : undefined;
    result.pages.push({
      url: e.url,
      finalUrl: r.finalUrl,
      status: r.status,
      contentType,
      depth: e.depth,
      kind: html === undefined ? (e.depth === 0 ? 'home' : 'other') : classifyPage(r.finalUrl, html, e.depth === 0),
      truncated: r.truncated,
      ...(html !== undefined && o.keepHtml ? { html } : {}),
      ...(e.linkText ? { linkText: e.linkText } : {}),
      ...(r.failure ? { failure: r.failure } : {}),
    });
    if (html === undefined) return;
    const found = extractLinks(html, r.finalUrl, o.maxLinksPerPage + 1);
    if (found.length > o.maxLinksPerPage) result.notes.push({ check: 'crawl', text: `${e.url} 的链接超过 ${o.maxLinksPerPage} 个，只取前 ${o.maxLinksPerPage} 个`, ok: false });
    for (let i = 0; i < found.length && i < o.maxLinksPerPage; i++) {
      const link = found[i]!;
      const known = result.links.get(link.url);
      if (known) {
        if (known.foundOn[known.foundOn.length - 1] !== e.url) known.foundOn.push(e.url);
      } else if (result.links.size < o.maxFoundLinks) {
        const kind = linkKind(link.tag, link.url);
        result.links.set(link.url, { url: link.url, kind, foundOn: [e.url] });
        if (e.depth < o.maxDepth && CRAWLABLE_TAGS.has(link.tag) && (kind === 'page' || kind === 'frame')) admit(link.url, e.depth + 1, html, link.at);
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
      const next = queue[done + 1];
      if (!next || next.depth > e.depth) o.onProgress?.(`抓取第 ${e.depth + 1} 层：累计 ${result.pages.length} 个页面`, Math.min(1, Math.max(result.pages.length / o.maxPages, (e.depth + 1) / (o.maxDepth + 1))));
    }
  } finally {
    clearTimeout(budget);
    o.signal?.removeEventListener('abort', cancel);
    stop.abort();
  }
  if (pagesCut) result.notes.push({ check: 'crawl', text: `已达页面上限 ${o.maxPages} 个，其余页面未抓取`, ok: false });
  if (linksCut) result.notes.push({ check: 'crawl', text: `链接超过 ${o.maxFoundLinks} 个，其余未记录`, ok: false });
  if (result.disallowed.length) result.notes.push({ check: 'crawl', text: `robots.txt 不允许抓取 ${result.disallowed.length} 个页面（正式检查可选择忽略 robots.txt）`, ok: true });
  if (result.stopped) result.notes.push({ check: 'crawl', text: result.stopped === 'budget' ? `抓取超过时限 ${Math.round(o.budgetMs / 1000)} 秒，已停止` : '抓取已取消', ok: false });
  result.elapsedMs = Date.now() - t0;
  o.onProgress?.(`抓取完成：${result.pages.length} 个页面，${result.links.size} 个链接`);
  return result;
}
