import { setMaxListeners } from 'node:events';
import { crawlAllows, crawlSite, type CrawlOptions, type CrawlResult } from './crawl';
import { DEFAULT_LIMITS, fetchBounded, type FetchFailure, type FetchLimits, type FetchResult } from './fetch-bounded';
import { authorityOf, siteKey } from './extract-links';
import { HostLimiter } from './host-limiter';
import type { TlsFaultKind } from './tls-faults';
import type { CheckNote, Observation, Progress } from './types';

/** Bounds and politeness of a link check. */
export interface LinkCheckOptions {
  /** Requests in flight per host. */
  concurrency: number;
  delayMs: number;
  limits: FetchLimits;
  /** Check links to other sites too (off in tests: this machine reaches no other site). */
  external: boolean;
  /** Longest Retry-After (429/503) waited out before a link is called unverified. */
  maxRetryAfterMs: number;
  /** Total time for the checks; what is unchecked then is unverified. */
  budgetMs: number;
  /** URLs checked at most; the rest are unverified. */
  maxLinks: number;
  signal?: AbortSignal;
  onProgress?: Progress;
  /** After each link: how many of all the links to check are done. */
  onCount?: (done: number, total: number) => void;
}

/** 6 requests per host, 15 s per request, Retry-After up to 10 s, 10 minutes, 50 000 URLs. */
export const DEFAULT_LINK_OPTIONS: LinkCheckOptions = {
  concurrency: 6,
  delayMs: 0,
  limits: DEFAULT_LIMITS,
  external: true,
  maxRetryAfterMs: 10_000,
  budgetMs: 10 * 60_000,
  maxLinks: 50_000,
};

/** How checking a URL ended: it opens, it is broken, it could not be told, or its host has a TLS fault. */
export type LinkState =
  | { state: 'ok' }
  /** `network`: no HTTP answer came (DNS, refused, unreachable, timeout), as opposed to an HTTP error status. */
  | { state: 'broken'; reason: string; network?: true }
  | { state: 'unverified'; reason: string }
  /** A TLS fault of `host` (where the request failed, after any redirect): a fault of that host, not a broken link. */
  | { state: 'tls'; reason: string; kind: TlsFaultKind; host: string };

/** A host whose certificate or TLS setup is faulty, as the link check met it. */
export interface TlsFaultHost {
  host: string;
  kind: TlsFaultKind;
  reason: string;
}

/** The link check of one site. */
export interface LinkReport {
  home: string;
  pages: string[];
  /** Every checked URL with the pages it was found on. */
  links: { url: string; foundOn: string[]; result: LinkState }[];
  tlsFaultHosts: TlsFaultHost[];
  /** What the link check adds to the report (TLS faults, unverified links); the crawl's own notes are on the crawl. */
  notes: CheckNote[];
}

const OK: LinkState = { state: 'ok' };
/** Evidence items kept on one note (the count says how many there are in all). */
const MAX_NOTE_ITEMS = 200;
const MAX_HOST_TIMEOUTS = 3;
const DNS_REASON = '域名无法解析';
const FAILURE_LABEL: Record<FetchFailure['kind'], string> = {
  timeout: '超时',
  dns: DNS_REASON,
  refused: '连接被拒绝',
  unreachable: '网络不可达',
  resource: '检查程序资源不足',
  redirects: '重定向过多',
  aborted: '已取消',
  tls: 'TLS 握手失败',
  other: '无法访问',
};
/** Failures where no HTTP answer came because the network did not carry the request. */
const NETWORK_KINDS = new Set<FetchFailure['kind']>(['dns', 'refused', 'unreachable', 'timeout']);
export const RESOURCE_REASON = '检查程序资源不足';

/** A link's state from how its request ended. */
export function stateOf(status: number, failure: FetchFailure | undefined, finalUrl: string): LinkState {
  if (status === 0 && failure) {
    if (failure.tls) return { state: 'tls', reason: failure.message, kind: failure.tls.kind, host: authorityOf(finalUrl) };
    if (failure.kind === 'aborted') return { state: 'unverified', reason: '检查已停止，未检查' };
    // This machine ran out of files or memory: nothing is known about the link.
    if (failure.kind === 'resource') return { state: 'unverified', reason: `${RESOURCE_REASON}，未核实（${failure.message}）` };
    return {
      state: 'broken',
      reason: `${FAILURE_LABEL[failure.kind]}（${failure.message}）`,
      ...(NETWORK_KINDS.has(failure.kind) ? { network: true as const } : {}),
    };
  }
  if (status >= 200 && status < 400) return OK;
  if (status === 429 || status === 503) return { state: 'unverified', reason: `HTTP ${status}，服务器要求稍后再试，未能确认` };
  return { state: 'broken', reason: `HTTP ${status}` };
}

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), or null. */
function retryAfterMs(header: string | string[] | undefined): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  if (/^\d+$/u.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * Checks each URL once: HEAD first; a HEAD answered with an error (many
 * servers refuse HEAD) asked again with GET, which stops at the status and
 * never downloads the body; 429/503 with a short enough Retry-After waited out
 * (the whole host paused), else unverified, never broken. DNS and TLS faults
 * are remembered per host, and a host that times out repeatedly is not asked
 * about each of its links. At most `concurrency` requests per host in flight,
 * over keep-alive connections.
 */
export async function checkUrls(urls: Iterable<string>, options: Partial<LinkCheckOptions> = {}): Promise<Map<string, LinkState>> {
  const o = { ...DEFAULT_LINK_OPTIONS, ...options };
  const all = [...new Set(urls)];
  const out = new Map<string, LinkState>();
  const stop = new AbortController();
  // Every request in flight listens to it.
  setMaxListeners(0, stop.signal);
  const onAbort = () => stop.abort();
  if (o.signal?.aborted) stop.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  const deadline = Date.now() + o.budgetMs;
  let stopped: LinkState = { state: 'unverified', reason: '检查已取消，未检查' };
  const budget = setTimeout(() => {
    stopped = { state: 'unverified', reason: '超出检查时限，未检查' };
    stop.abort();
  }, o.budgetMs);
  const limiter = new HostLimiter(o.concurrency, o.delayMs);
  const hostFaults = new Map<string, LinkState>();
  const timeouts = new Map<string, number>();
  const statusOnly = { signal: stop.signal, wantBody: () => false };
  const get = (url: string) => fetchBounded(url, 'GET', o.limits, statusOnly);

  const checkOne = async (url: string): Promise<LinkState> => {
    const host = authorityOf(url);
    if (stop.signal.aborted) return stopped;
    const fault = hostFaults.get(host);
    if (fault) return fault;
    if ((timeouts.get(host) ?? 0) >= MAX_HOST_TIMEOUTS)
      return { state: 'unverified', reason: `该主机已连续 ${MAX_HOST_TIMEOUTS} 次超时，未逐一检查` };
    let r: FetchResult = await fetchBounded(url, 'HEAD', o.limits, statusOnly);
    const retryWithGet =
      (r.status >= 400 && r.status !== 429) || (r.status === 0 && (r.failure?.kind === 'other' || r.failure?.kind === 'refused'));
    if (retryWithGet) r = await get(url);
    for (let tries = 0; (r.status === 429 || r.status === 503) && tries < 2; tries++) {
      const wait = retryAfterMs(r.headers['retry-after']);
      if (wait === null || wait > o.maxRetryAfterMs || Date.now() + wait > deadline) break;
      limiter.pause(host, Date.now() + wait);
      await sleep(wait, stop.signal);
      r = await get(url);
    }
    if (stop.signal.aborted && (r.status === 0 || r.status === 429 || r.status === 503)) return stopped;
    const state = stateOf(r.status, r.failure, r.finalUrl);
    if (state.state === 'tls' && state.host === host) hostFaults.set(host, state);
    if (r.status === 0 && (r.failure?.kind === 'dns' || r.failure?.kind === 'unreachable') && authorityOf(r.finalUrl) === host)
      hostFaults.set(host, state);
    timeouts.set(host, r.status === 0 && r.failure?.kind === 'timeout' ? (timeouts.get(host) ?? 0) + 1 : 0);
    return state;
  };

  const checked = all.slice(0, o.maxLinks);
  const step = Math.max(1, Math.ceil(checked.length / 10));
  let done = 0;
  o.onProgress?.(`检查链接：共 ${checked.length} 个`, 0);
  o.onCount?.(0, checked.length);
  try {
    await Promise.all(
      checked.map(async (url) => {
        out.set(url, await limiter.run(authorityOf(url), () => checkOne(url)));
        o.onCount?.(++done, checked.length);
        if (done % step === 0 && done < checked.length)
          o.onProgress?.(`检查链接：已完成 ${done} / ${checked.length}`, done / checked.length);
      }),
    );
  } finally {
    clearTimeout(budget);
    o.signal?.removeEventListener('abort', onAbort);
  }
  for (const url of all.slice(o.maxLinks)) out.set(url, { state: 'unverified', reason: `超出检查数量上限 ${o.maxLinks} 个，未检查` });
  return out;
}

/**
 * Whether this machine reached no other site at all: no external host gave
 * any answer (an HTTP status of any kind, a TLS handshake) while some failed
 * at the network level (DNS, refused, unreachable, timeout — literal IP
 * addresses included). Then those failures say nothing about the links: a
 * reviewer working offline must not see every outside link called broken.
 * Once one outside host answers, the network works and a name that does not
 * resolve is a real broken link.
 */
export function reachedNoOtherSite(states: Iterable<LinkState>): boolean {
  let failed = false;
  for (const state of states) {
    if (state.state === 'broken' && state.network) failed = true;
    else if (state.state === 'ok' || state.state === 'tls' || state.state === 'broken' || /^HTTP /u.test(state.reason)) return false;
  }
  return failed;
}

/** The state of a link no request could settle because this machine reached no other site. */
export function offlineState(state: LinkState): LinkState {
  return state.state === 'broken' && state.network
    ? { state: 'unverified', reason: `本机连不上任何外部网站（可能未联网），未核实：${state.reason}` }
    : state;
}

/**
 * Checks every link, image, script, stylesheet and attachment of a crawl,
 * each URL once however many pages it is on; pages the crawl already fetched
 * are not asked again. Given a home page URL instead, crawls it first (the
 * crawl options apply, the budget covers both).
 */
export async function checkLinks(
  source: CrawlResult | string,
  options: Partial<LinkCheckOptions & CrawlOptions> = {},
): Promise<LinkReport> {
  const o = { ...DEFAULT_LINK_OPTIONS, ...options };
  const started = Date.now();
  const crawl = typeof source === 'string' ? await crawlSite(source, { ...options, keepHtml: false }) : source;
  const sites = new Set([crawl.home, ...crawl.pages.slice(0, 1).map((p) => p.finalUrl)].map(siteKey));
  const known = new Map<string, LinkState>();
  const toCheck: string[] = [];
  for (const link of crawl.links.values()) {
    const onSite = sites.has(siteKey(link.url));
    if (!o.external && !onSite) continue;
    const fetched = crawl.fetched.get(link.url);
    if (fetched) known.set(link.url, stateOf(fetched.status, fetched.failure, fetched.finalUrl));
    else if (onSite && !crawlAllows(crawl, link.url)) known.set(link.url, { state: 'unverified', reason: 'robots.txt 不允许访问，未检查' });
    else toCheck.push(link.url);
  }
  // Links the crawl already fetched count as checked.
  const onCount = o.onCount && ((done: number, total: number) => o.onCount!(known.size + done, known.size + total));
  const checked = await checkUrls(toCheck, {
    ...o,
    onCount,
    budgetMs: Math.max(0, o.budgetMs - (typeof source === 'string' ? Date.now() - started : 0)),
  });
  const external = toCheck.filter((u) => !sites.has(siteKey(u)));
  const offline = reachedNoOtherSite(external.map((u) => checked.get(u)!).filter(Boolean));
  const offlineHosts = new Set<string>();
  if (offline) {
    for (const url of external) {
      const state = checked.get(url);
      if (state?.state === 'broken' && state.network) offlineHosts.add(authorityOf(url));
      if (state) checked.set(url, offlineState(state));
    }
  }
  const links: LinkReport['links'] = [];
  const tls = new Map<string, TlsFaultHost>();
  const unverified: { url: string; foundOn: string[]; reason: string }[] = [];
  for (const link of crawl.links.values()) {
    const result = known.get(link.url) ?? checked.get(link.url);
    if (!result) continue;
    links.push({ url: link.url, foundOn: link.foundOn, result });
    if (result.state === 'tls' && !tls.has(result.host))
      tls.set(result.host, { host: result.host, kind: result.kind, reason: result.reason });
    if (result.state === 'unverified') unverified.push({ url: link.url, foundOn: link.foundOn, reason: result.reason });
  }
  const notes: CheckNote[] = [];
  const items = (list: typeof unverified) =>
    list.slice(0, MAX_NOTE_ITEMS).map((l) => ({ url: l.foundOn[0] ?? crawl.home, link: l.url, reason: l.reason }));
  if (offline)
    notes.push({
      check: 'links',
      detect: 'links.other',
      text: `本机连不上 ${offlineHosts.size} 个外部网站中的任何一个（可能未联网）：外部链接未核实，请联网后重新检查`,
      ok: false,
      items: items(unverified.filter((u) => offlineHosts.has(authorityOf(u.url)))),
    });
  for (const t of tls.values()) {
    const onHost = links.filter((l) => l.result.state === 'tls' && l.result.host === t.host);
    notes.push({
      check: 'links',
      detect: 'https',
      text: `${t.host}：${t.reason}，该主机的 ${onHost.length} 个链接未计为打不开`,
      ok: false,
      items: onHost.slice(0, MAX_NOTE_ITEMS).map((l) => ({ url: l.foundOn[0] ?? crawl.home, link: l.url, reason: t.reason })),
    });
  }
  const resource = unverified.filter((u) => u.reason.startsWith(RESOURCE_REASON));
  if (resource.length)
    notes.push({
      check: 'links',
      detect: 'links.other',
      text: `${RESOURCE_REASON}（打开的连接或文件过多）：${resource.length} 个链接未核实，不是网站的问题，可减少并发后重新检查`,
      ok: false,
      items: items(resource),
    });
  const other = unverified.filter((u) => !u.reason.startsWith(RESOURCE_REASON) && !(offline && offlineHosts.has(authorityOf(u.url))));
  if (other.length)
    notes.push({
      check: 'links',
      detect: 'links.other',
      text: `${other.length} 个链接未能确认（服务器繁忙、robots.txt 限制或超出时限），未计为打不开`,
      ok: false,
      items: items(other),
    });
  const broken = links.filter((l) => l.result.state === 'broken').length;
  o.onProgress?.(`检查链接完成：${links.length} 个，打不开 ${broken} 个，未确认 ${unverified.length} 个`, 1);
  return { home: crawl.home, pages: crawl.pages.map((p) => p.url), links, tlsFaultHosts: [...tls.values()], notes };
}

/** Every checked URL's state, for callers that check some of the same URLs again (the site map). */
export function linkStates(report: LinkReport): Map<string, LinkState> {
  return new Map(report.links.map((l) => [l.url, l.result]));
}

/** Broken links counted as the rules count them: once per page they appear on, home page apart. */
export function countBroken(report: LinkReport): {
  home: { url: string; reason: string }[];
  other: { url: string; page: string; reason: string }[];
} {
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
  if (home.length)
    out.push({
      detect: 'links.home',
      count: home.length,
      summary: `首页有 ${home.length} 处链接打不开`,
      items: home.map((b) => ({ url: report.home, link: b.url, reason: b.reason, selector: linkSelector(b.url) })),
    });
  if (other.length) {
    out.push({
      detect: 'links.other',
      count: other.length,
      summary: `其他页面有 ${other.length} 处链接打不开（共抓取 ${report.pages.length} 个页面）`,
      items: other.map((b) => ({ url: b.page, link: b.url, reason: b.reason, selector: linkSelector(b.url) })),
    });
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
