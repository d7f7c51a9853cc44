import { crawlSite, type CrawlOptions, type CrawlResult } from './crawl';
import { decodeHtml, DEFAULT_LIMITS, fetchBounded, type FetchLimits } from './fetch-bounded';
import { anchorText, authorityOf, extractLinks, siteKey } from './extract-links';
import { HostLimiter } from './host-limiter';
import type { EvidenceItem, Observation } from './types';

/** Dated column kinds the rules name: 动态要闻, 通知公告, 政策文件, 政策解读. */
export type ColumnKind = 'news' | 'notice' | 'policy' | 'reading';

/** Column kinds the rules date-check, guessed from the column's name; thresholds in days. */
export const COLUMN_KINDS: { kind: ColumnKind; pattern: RegExp; maxAgeDays: number }[] = [
  { kind: 'reading', pattern: /解读/u, maxAgeDays: 183 },
  { kind: 'policy', pattern: /政策文件|规范性文件|文件/u, maxAgeDays: 183 },
  { kind: 'notice', pattern: /通知|公告|公示/u, maxAgeDays: 183 },
  { kind: 'news', pattern: /动态|要闻|新闻|工作信息/u, maxAgeDays: 14 },
];
/** The home page must show something newer than two weeks. */
export const HOME_MAX_AGE_DAYS = 14;

const DATE = /(20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/gu;
const ANY_DATE = new RegExp(DATE.source, 'u');

/** Publication dates written on a page, newest first, ignoring impossible and future ones. */
export function findDates(text: string, now: Date): Date[] {
  const out: Date[] = [];
  for (const m of text.matchAll(DATE)) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getTime() > now.getTime() + 86_400_000) continue;
    out.push(d);
  }
  return out.sort((a, b) => b.getTime() - a.getTime());
}

/** The reviewer's corrections and the bounds of extra fetches. */
export interface FreshnessOptions {
  /** The reviewer's patterns for column names per kind (a RegExp or its source), replacing the built-in guess. */
  columnKinds?: Partial<Record<ColumnKind, RegExp | string>>;
  /** The reviewer's corrections by column URL: its kind, or 'ignore' to leave it out of every freshness finding. */
  columnOverrides?: Record<string, ColumnKind | 'ignore'>;
  limits?: FetchLimits;
  signal?: AbortSignal;
  /** Column pages fetched at most when the crawl did not reach them. */
  maxFetches?: number;
  /** Bounds of the crawl made when given a home page URL (home and the pages it links to). */
  crawl?: Partial<CrawlOptions>;
}

/** One dated column: its newest date and whether that is too old for its kind. */
export interface ColumnFreshness {
  name: string;
  url: string;
  kind: ColumnKind;
  newest: string | null;
  ageDays: number | null;
  stale: boolean;
  /** Who named the kind: guessed from the column name, or set by the reviewer. */
  kindBy: 'guess' | 'reviewer';
}

/** Freshness of one site: the home page, its dated columns, its blank columns. */
export interface FreshnessReport {
  home: string;
  homeNewest: string | null;
  homeAgeDays: number | null;
  homeStale: boolean;
  columns: ColumnFreshness[];
  /** Column pages with no item at all: no dated text and no link of their own (空白栏目). */
  emptyColumns: { name: string; url: string }[];
}

const days = (now: Date, d: Date) => Math.floor((now.getTime() - d.getTime()) / 86_400_000);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const textOf = (html: string) => html.replace(/<[^<>]*>/gu, ' ');
const normalized = (url: string) => {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
};

function kindRules(custom: FreshnessOptions['columnKinds'] = {}): typeof COLUMN_KINDS {
  return COLUMN_KINDS.map((k) => {
    const p = custom[k.kind];
    if (p === undefined) return k;
    if (p instanceof RegExp) return { ...k, pattern: p };
    try {
      return { ...k, pattern: new RegExp(p, 'u') };
    } catch {
      return { ...k, pattern: new RegExp(p.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'), 'u') };
    }
  });
}

/**
 * How fresh the home page and its dated columns are: the newest date on each,
 * against 2 weeks (home, news) and 6 months (notices, policies, readings);
 * and which column pages are blank. Reads the crawl's pages; fetches only
 * column pages the crawl did not reach (bounded). Given a home page URL,
 * crawls the home page and the pages it links to first.
 */
export async function checkFreshness(source: CrawlResult | string, now: Date, options: FreshnessOptions = {}): Promise<FreshnessReport> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const crawl = typeof source === 'string' ? await crawlSite(source, { maxDepth: 1, maxPages: 100, limits, ...(options.signal ? { signal: options.signal } : {}), ...options.crawl }) : source;
  const overrides = new Map(Object.entries(options.columnOverrides ?? {}).map(([url, kind]) => [normalized(url), kind]));
  const rules = kindRules(options.columnKinds);
  const byUrl = new Map(crawl.pages.flatMap((p) => [[p.finalUrl, p] as const, [p.url, p] as const]));
  const limiter = new HostLimiter(4);
  let fetchesLeft = options.maxFetches ?? 20;
  const fetched = new Map<string, Promise<string | undefined>>();
  const htmlOf = (url: string): Promise<string | undefined> => {
    const page = byUrl.get(url);
    // A crawled page is read again only when the crawl kept no HTML of it (a crawl made with keepHtml off).
    if (page && (page.html !== undefined || page.status >= 400 || page.status === 0 || !/html/iu.test(page.contentType))) return Promise.resolve(page.html);
    let pending = fetched.get(url);
    if (!pending) {
      pending = fetchesLeft-- > 0 ? limiter.run(authorityOf(url), () => fetchBounded(url, 'GET', limits, { signal: options.signal })).then((r) => (r.status > 0 && r.status < 400 && !r.failure ? decodeHtml(r.body, String(r.headers['content-type'] ?? '')) : undefined)) : Promise.resolve(undefined);
      fetched.set(url, pending);
    }
    return pending;
  };

  const home = crawl.pages[0];
  const homeBase = home?.finalUrl ?? crawl.home;
  const homeHtml = (await htmlOf(crawl.home)) ?? '';
  const homeDates = findDates(textOf(homeHtml), now);
  const site = siteKey(homeBase);
  const wanted = new Map<string, { name: string; kind: ColumnKind; kindBy: ColumnFreshness['kindBy'] }>();
  for (const link of extractLinks(homeHtml, homeBase)) {
    if (link.tag !== 'a' || siteKey(link.url) !== site || wanted.has(link.url)) continue;
    const name = anchorText(homeHtml, link.at);
    const override = overrides.get(link.url);
    if (override === 'ignore' || !name || (!override && name.length > 12)) continue;
    const kind = override ?? rules.find((k) => k.pattern.test(name))?.kind;
    if (kind) wanted.set(link.url, { name, kind, kindBy: override ? 'reviewer' : 'guess' });
  }
  for (const [url, kind] of overrides) {
    if (kind !== 'ignore' && !wanted.has(url)) wanted.set(url, { name: byUrl.get(url)?.linkText ?? url, kind, kindBy: 'reviewer' });
  }

  const columns = await Promise.all(
    [...wanted].map(async ([url, c]): Promise<ColumnFreshness> => {
      const html = await htmlOf(url);
      const newest = html === undefined ? undefined : findDates(textOf(html), now)[0];
      const age = newest ? days(now, newest) : null;
      const maxAge = rules.find((k) => k.kind === c.kind)!.maxAgeDays;
      return { name: c.name, url, kind: c.kind, newest: newest ? iso(newest) : null, ageDays: age, stale: age === null || age > maxAge, kindBy: c.kindBy };
    }),
  );
  const homeAge = homeDates[0] ? days(now, homeDates[0]) : null;
  const emptyColumns = await blankColumns(crawl, [...wanted].map(([url, c]) => ({ url, name: c.name })), overrides, (url) => byUrl.get(url)?.finalUrl ?? url, htmlOf);
  return { home: crawl.home, homeNewest: homeDates[0] ? iso(homeDates[0]) : null, homeAgeDays: homeAge, homeStale: homeAge === null || homeAge > HOME_MAX_AGE_DAYS, columns, emptyColumns };
}

/** What a reader sees of a page's body, whitespace removed. */
function visibleText(html: string): string {
  return html
    .replace(/<head\b[\s\S]*?(?:<\/head\s*>|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<!--[\s\S]*?(?:-->|$)/giu, '')
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
 * Column pages with nothing in them (空白栏目): no date anywhere, no link or
 * image of their own (those on half the pages are furniture: navigation,
 * footer), no form or embedded content, and no text beyond their name that
 * pages of the same template do not also carry. Candidates are the crawl's
 * column pages and the dated columns.
 */
async function blankColumns(
  crawl: CrawlResult,
  dated: { url: string; name: string }[],
  overrides: Map<string, ColumnKind | 'ignore'>,
  finalOf: (url: string) => string,
  htmlOf: (url: string) => Promise<string | undefined>,
): Promise<{ name: string; url: string }[]> {
  const withHtml = crawl.pages.filter((p) => p.html !== undefined && p.status < 400);
  // With few pages nothing tells the site's furniture apart, so every link counts as content.
  const chromeAt = withHtml.length >= 4 ? Math.max(3, Math.ceil(withHtml.length / 2)) : Infinity;
  const candidates = new Map<string, string>();
  for (const p of crawl.pages) if (p.kind === 'column' && p.status < 400) candidates.set(p.url, p.linkText ?? /<meta\s[^<>]*name=["']?ColumnName["']?\s[^<>]*content=["']([^"']+)/iu.exec(p.html ?? '')?.[1] ?? p.url);
  for (const c of dated) if (!candidates.has(c.url)) candidates.set(c.url, c.name);
  const out: { name: string; url: string }[] = [];
  for (const [url, name] of candidates) {
    if (overrides.get(url) === 'ignore') continue;
    const html = await htmlOf(url);
    if (html === undefined || ANY_DATE.test(textOf(html)) || OWN_ELEMENT.test(html)) continue;
    const base = finalOf(url);
    const own = extractLinks(html, base).some((l) => l.tag !== 'link' && l.tag !== 'script' && l.url !== base && l.url !== url && (crawl.links.get(l.url)?.foundOn.length ?? 0) < chromeAt);
    if (own) continue;
    // Compared with up to three other pages of the site; the closest template decides.
    const text = visibleText(html).replaceAll(name, '');
    const others = withHtml.filter((p) => p.url !== url && p.finalUrl !== base).slice(0, 3);
    const ownText = others.length ? Math.min(...others.map((p) => ownTextLength(text, visibleText(p.html!)))) : text.length;
    if (ownText <= 10) out.push({ name, url });
  }
  return out;
}

const KIND_DETECT = { news: 'freshness.news', notice: 'freshness.notice', policy: 'freshness.policy', reading: 'freshness.reading' } as const;

/**
 * Freshness as observations: a stale home page; each kind of dated column none
 * of whose columns is up to date; the count of stale dated columns (the veto
 * counts them from five on); and the blank columns.
 */
export function freshnessObservations(report: FreshnessReport): Observation[] {
  const out: Observation[] = [];
  if (report.homeStale) {
    out.push({ detect: 'freshness.home', count: 1, summary: report.homeNewest ? `首页最新信息日期为 ${report.homeNewest}，已 ${report.homeAgeDays} 天未更新` : '首页未找到注明日期的信息', items: [{ url: report.home, text: report.homeNewest ?? undefined, reason: '首页未更新' }] });
  }
  const byKind = new Map<ColumnKind, ColumnFreshness[]>();
  for (const c of report.columns) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
  for (const [kind, columns] of byKind) {
    // A kind of column is up to date when any column of that kind is.
    if (columns.some((c) => !c.stale)) continue;
    const c = columns[0]!;
    out.push({ detect: KIND_DETECT[kind], count: 1, summary: c.newest ? `“${c.name}”栏目最新信息日期为 ${c.newest}，已 ${c.ageDays} 天未更新` : `“${c.name}”栏目未找到注明日期的信息`, items: columns.map(columnItem) });
  }
  const stale = report.columns.filter((c) => c.stale);
  if (stale.length) out.push({ detect: 'freshness.stale-columns', count: stale.length, summary: `${stale.length} 个动态要闻、通知公告、政策文件类栏目未按时更新`, items: stale.map(columnItem) });
  const empty = report.emptyColumns;
  if (empty.length) out.push({ detect: 'columns.empty', count: empty.length, summary: `${empty.length} 个空白栏目（${empty.slice(0, 3).map((c) => `“${c.name}”`).join('、')}${empty.length > 3 ? '等' : ''}）`, items: empty.map((c) => ({ url: c.url, text: c.name, reason: '栏目中没有任何信息' })) });
  return out;
}

function columnItem(c: ColumnFreshness): EvidenceItem {
  return { url: c.url, text: c.name, reason: c.newest ? `最新 ${c.newest}（${c.ageDays} 天前）` : '未找到注明日期的信息' };
}
