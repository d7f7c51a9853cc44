import { CHECKS, checkOf, type CheckName } from '../../../shared/checks/check-names';
import { crawlSite, DEFAULT_CRAWL_OPTIONS, homeFailure, type CrawlCoverage, type CrawlResult } from './crawl';
import { checkLinks, linkObservations, linkStates, type LinkState } from './link-check';
import { checkFreshness, freshnessNotes, freshnessObservations, type FreshnessOptions } from './freshness';
import { checkSitemap, sitemapNotes, sitemapObservations } from './sitemap';
import { runPageDetectors, type WordList } from './detectors';
import { readMetaTags } from './detectors/meta-tags';
import type { FooterOptions } from './detectors/footer-identity';
import { checkHttps } from './network/https-check';
import { checkIpv6 } from './network/ipv6-check';
import { checkSiteSearch } from './network/site-search';
import { DEFAULT_LIMITS, fetchBounded, type FetchLimits } from './fetch-bounded';
import type { CheckNote, Observation, Progress } from './types';
import { SiteProgress, type SitePlan } from './site-progress';

export interface WebsiteCheckOptions {
  only: readonly CheckName[];
  maxPages: number;
  maxDepth: number;
  concurrency: number;
  /** Also check links to other sites (off where the machine reaches no other host). */
  external: boolean;
  /** Crawl paths robots.txt disallows (an official check may). */
  ignoreRobots: boolean;
  limits: FetchLimits;
  /** Total time for all checks of one site (the crawl gets most of it, then the link checks). */
  budgetMs: number;
  now: Date;
  /** The assessment's monitoring date (监测时间点): freshness is judged at this day; default `now`. */
  asOf?: Date;
  wordList?: WordList;
  /** The ruleset's reading of the footer items. */
  footer?: FooterOptions;
  freshness?: Pick<FreshnessOptions, 'columnOverrides'>;
  /** Titles searched on the site (default: four sampled article titles). */
  searchSample: number;
}

/** The whole site (10,000 pages, any depth) within 10 minutes in all. */
export const DEFAULT_WEBSITE_CHECK: Omit<WebsiteCheckOptions, 'only' | 'now'> = {
  maxPages: DEFAULT_CRAWL_OPTIONS.maxPages,
  maxDepth: DEFAULT_CRAWL_OPTIONS.maxDepth,
  concurrency: 6,
  external: true,
  ignoreRobots: false,
  limits: DEFAULT_LIMITS,
  budgetMs: 10 * 60_000,
  searchSample: 4,
};

/** Checks that need the site crawled first (the others need only its address). */
const NEEDS_CRAWL: readonly CheckName[] = ['links', 'freshness', 'footer', 'meta', 'content', 'share', 'sitemap', 'search'];

export interface WebsiteCheckResult {
  observations: Observation[];
  notes: CheckNote[];
  pages: number;
  /** How much of the site the crawl covered (absent when no check needed a crawl). */
  coverage?: CrawlCoverage;
}

/** Checks that read the home page's HTML or ask its host: pointless, and misleading, when the home page did not answer. */
const NEEDS_HOME: readonly CheckName[] = ['freshness', 'https', 'ipv6', 'search', 'sitemap'];
/** Checks that read the pages' HTML (a links-only run keeps none). */
const NEEDS_HTML: readonly CheckName[] = ['freshness', 'footer', 'meta', 'content', 'share', 'search', 'sitemap'];
/** Shares of the total budget: the crawl may use 60 %, the link checks until 10 % is left for the rest. */
const CRAWL_SHARE = 0.6;
const RESERVE_SHARE = 0.1;

/** Titles of article pages, spread over the crawl, for the site-search test. */
function sampleTitles(crawl: CrawlResult, n: number): string[] {
  const titles = crawl.pages
    .filter((p) => p.kind === 'article' && p.html)
    .map((p) => readMetaTags(p.html!).articletitle ?? /<title[^>]*>([^<_|-]+)/iu.exec(p.html!)?.[1]?.trim() ?? '')
    .filter((t) => t.length >= 6);
  const step = Math.max(1, Math.floor(titles.length / n));
  return titles.filter((_, i) => i % step === 0).slice(0, n);
}

/** The parts of a site's run for the progress bar: the crawl, the links, the other checks, the screenshots. */
export function sitePlan(only: readonly CheckName[], shots: boolean): SitePlan {
  return {
    crawl: only.some((c) => NEEDS_CRAWL.includes(c)),
    links: only.includes('links'),
    checks: only.filter((c) => c !== 'links').length,
    shots,
  };
}

/**
 * Runs the chosen checks on one website: one bounded crawl feeds every
 * page-based check; the network checks look at the host. Returns what was
 * observed, with notes for facts no rule scores. Honours the signal between
 * phases and inside the crawl and link checks. `site` follows the pages
 * crawled and links checked for the progress bar.
 */
export async function checkWebsite(
  url: string,
  options: WebsiteCheckOptions,
  progress: Progress,
  signal?: AbortSignal,
  site = new SiteProgress(sitePlan(options.only, false)),
): Promise<WebsiteCheckResult> {
  const want = new Set(options.only);
  const observations: Observation[] = [];
  const notes: CheckNote[] = [];
  const step = (line: string) => {
    site.checkDone();
    progress(line, site.fraction());
  };
  const stopIfCancelled = () => signal?.throwIfAborted();
  // One budget for the whole check of the site, not one per step.
  const deadline = Date.now() + options.budgetMs;
  const left = (reserve = 0) => Math.max(0, deadline - Date.now() - reserve * options.budgetMs);

  let crawl: CrawlResult | undefined;
  // Links already checked are not asked again by the sitemap check.
  let known: ReadonlyMap<string, LinkState> | undefined;
  if (options.only.some((c) => NEEDS_CRAWL.includes(c))) {
    const budgetMs = want.has('links') ? options.budgetMs * CRAWL_SHARE : left(RESERVE_SHARE);
    site.begin('crawl', budgetMs);
    crawl = await crawlSite(url, {
      maxPages: options.maxPages,
      maxDepth: options.maxDepth,
      concurrency: options.concurrency,
      ignoreRobots: options.ignoreRobots,
      limits: options.limits,
      budgetMs,
      keepHtml: options.only.some((c) => NEEDS_HTML.includes(c)),
      signal,
      onProgress: (line) => progress(line, site.fraction()),
      onPages: (done, known) => site.pages(done, known),
    });
    notes.push(...crawl.notes);
  }
  stopIfCancelled();
  // A home page that did not answer is an availability fact; the checks that read it observe nothing.
  const homeDown = crawl
    ? homeFailure(crawl)
    : options.only.some((c) => NEEDS_HOME.includes(c))
      ? await probeHome(url, options.limits, signal)
      : null;
  if (homeDown) {
    const skipped = options.only.filter((c) => NEEDS_HOME.includes(c)).map((c) => CHECKS[c]);
    const stopped = crawl?.stopped === 'budget';
    notes.push({
      check: 'crawl',
      ...(stopped ? {} : { detect: 'monitor.unreachable' as const }),
      text: `${stopped ? '抓取时限已到，首页未抓取' : `首页无法访问（${homeDown}）`}${skipped.length ? `：${skipped.join('、')}未检查` : ''}，不据此提出建议${stopped ? '' : '；站点能否访问以可用性监测为准'}`,
      ok: false,
      items: [{ url, reason: homeDown }],
    });
  }
  stopIfCancelled();
  if (crawl && want.has('links')) {
    const budgetMs = left(RESERVE_SHARE);
    site.begin('links', budgetMs);
    const report = await checkLinks(crawl, {
      concurrency: options.concurrency,
      external: options.external,
      limits: options.limits,
      budgetMs,
      signal,
      onCount: (done, total) => site.links(done, total),
    });
    observations.push(...linkObservations(report));
    notes.push(...report.notes);
    known = linkStates(report);
    progress(`链接可用性：检查 ${report.links.length} 个链接`, site.fraction());
  }
  stopIfCancelled();
  site.begin('checks');
  if (crawl && !homeDown && want.has('freshness')) {
    site.checking('首页与栏目更新');
    const report = await checkFreshness(crawl, options.asOf ?? options.now, { ...options.freshness, limits: options.limits });
    observations.push(...freshnessObservations(report));
    notes.push(...freshnessNotes(report));
    step('首页与栏目更新：已检查');
  }
  const pageChecks = (['footer', 'meta', 'content', 'share', 'domain'] as const).filter((c) => want.has(c));
  if (pageChecks.length) {
    site.checking('页面内容');
    const pages = crawl?.pages ?? [{ url, finalUrl: url, status: 0, contentType: '', depth: 0, kind: 'home' as const }];
    const result = runPageDetectors(pages, { wordList: options.wordList, now: options.now, footer: options.footer });
    observations.push(...result.observations.filter((o) => pageChecks.includes(checkOf(o.detect) as (typeof pageChecks)[number])));
    notes.push(...result.notes.filter((n) => pageChecks.includes(n.check as (typeof pageChecks)[number])));
    for (const c of pageChecks) step(`${CHECKS[c]}：已检查`);
  }
  stopIfCancelled();
  if (!homeDown && want.has('https')) {
    site.checking('HTTPS 与证书');
    const r = await checkHttps(url, { timeoutMs: options.limits.timeoutMs });
    observations.push(...r.observations);
    notes.push(...r.notes);
    step('HTTPS 与证书：已检查');
  }
  if (!homeDown && want.has('ipv6')) {
    site.checking('IPv6');
    const r = await checkIpv6(url, { timeoutMs: options.limits.timeoutMs });
    observations.push(...r.observations);
    notes.push(...r.notes);
    step('IPv6：已检查');
  }
  stopIfCancelled();
  if (crawl && !homeDown && want.has('search')) {
    site.checking('站内搜索');
    const home = crawl.pages.find((p) => p.kind === 'home');
    const r = home?.html
      ? await checkSiteSearch(home.finalUrl, home.html, sampleTitles(crawl, options.searchSample), { limits: options.limits })
      : { observations: [], notes: [{ check: 'search', text: '未抓取到首页，未检查站内搜索', ok: false }] };
    observations.push(...r.observations);
    notes.push(...r.notes);
    step('站内搜索：已检查');
  }
  if (crawl && !homeDown && want.has('sitemap')) {
    site.checking('站点地图');
    const report = await checkSitemap(crawl, {
      concurrency: options.concurrency,
      limits: options.limits,
      external: options.external,
      known,
      budgetMs: left(),
      signal,
    });
    observations.push(...sitemapObservations(report));
    notes.push(...sitemapNotes(report));
    step('站点地图：已检查');
  }
  return { observations, notes, pages: crawl?.pages.length ?? 0, ...(crawl ? { coverage: crawl.coverage } : {}) };
}

/** Why the home page gives no answer (for checks run without a crawl), or null when it answers. */
async function probeHome(url: string, limits: FetchLimits, signal?: AbortSignal): Promise<string | null> {
  const r = await fetchBounded(url, 'GET', limits, { signal, wantBody: () => false });
  if (r.status >= 200 && r.status < 400) return null;
  return r.failure ? r.failure.message : `HTTP ${r.status}`;
}
