import { crawlSite, type CrawlOptions, type CrawlResult } from './crawl';
import { decodeHtml, DEFAULT_LIMITS, fetchBounded, type FetchLimits } from './fetch-bounded';
import { anchorText, authorityOf, extractLinks, siteKey } from './extract-links';
import { HostLimiter } from './host-limiter';
import { classifyPage } from './page-kind';
import { blankColumns } from './blank-columns';
import { beijingDay, datedItems, daysBefore, isoDay, publicationDates } from './pub-dates';
import type { CheckNote, EvidenceItem, Observation } from './types';

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

/**
 * Publication dates written on a page, newest first: list items (a month and
 * day takes its year from context) and the page's content; never the header
 * clock, a copyright line, the footer, or a date after the monitoring day.
 * `asOf` is the monitoring moment (its Beijing calendar day counts).
 */
export function findDates(html: string, asOf: Date): Date[] {
  return publicationDates(html, beijingDay(asOf));
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

/**
 * What was seen of a page whose date is judged: its newest date; opened but no
 * date on it; could not be opened (with the failure); or not fetched (a bound).
 * Only 'dated' is evidence for or against freshness.
 */
export type DateState = 'dated' | 'undated' | 'unreachable' | 'unchecked';

/** One dated column: its newest date and whether that is too old for its kind. */
export interface ColumnFreshness {
  name: string;
  url: string;
  kind: ColumnKind;
  newest: string | null;
  ageDays: number | null;
  /** Only on positive evidence: a newest date older than the kind allows. */
  stale: boolean;
  state: DateState;
  /** Why the page could not be read (HTTP 404, 超时 …), when it could not. */
  failure?: string;
  /** Who named the kind: guessed from the column name, or set by the reviewer. */
  kindBy: 'guess' | 'reviewer';
}

/** Freshness of one site: the home page, its dated columns, its blank columns. */
export interface FreshnessReport {
  home: string;
  /** The monitoring day dates are judged against (YYYY-MM-DD). */
  asOf: string;
  homeNewest: string | null;
  homeAgeDays: number | null;
  /** Only on positive evidence: the home page's newest date is older than two weeks. */
  homeStale: boolean;
  homeState: DateState;
  homeFailure?: string;
  columns: ColumnFreshness[];
  /** Column pages with no item at all: no dated text and no link of their own (空白栏目). */
  emptyColumns: { name: string; url: string }[];
  /** Home-page links named like a column that lead to an article (a title with 通知 or 动态 does not make a column). */
  articles: { name: string; url: string }[];
}

/** What reading one page gave: its HTML, or why there is none. */
type Read = { html: string } | { state: 'unreachable' | 'unchecked'; failure: string };

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

/** Why a crawled or fetched page has no HTML to read. */
function failureOf(status: number, failure: { message: string } | undefined, contentType: string): Read {
  if (failure) return { state: 'unreachable', failure: failure.message };
  if (status >= 400 || status === 0) return { state: 'unreachable', failure: `HTTP ${status}` };
  return { state: 'unchecked', failure: `不是网页（${contentType || '未知类型'}）` };
}

/**
 * How fresh the home page and its dated columns are at the monitoring day
 * `asOf`: the newest publication date on each, against 2 weeks (home, news)
 * and 6 months (notices, policies, readings); and which column pages are
 * blank. Only what was read counts: a page that could not be opened is
 * reported with its failure and is neither stale nor blank; a home-page link
 * named like a column that leads to an article is no column. Reads the
 * crawl's pages; fetches only column pages the crawl did not reach (bounded).
 * Given a home page URL, crawls the home page and the pages it links to first.
 */
export async function checkFreshness(source: CrawlResult | string, asOf: Date, options: FreshnessOptions = {}): Promise<FreshnessReport> {
  const day = beijingDay(asOf);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const crawl =
    typeof source === 'string'
      ? await crawlSite(source, {
          maxDepth: 1,
          maxPages: 100,
          limits,
          ...(options.signal ? { signal: options.signal } : {}),
          ...options.crawl,
        })
      : source;
  const overrides = new Map(Object.entries(options.columnOverrides ?? {}).map(([url, kind]) => [normalized(url), kind]));
  const rules = kindRules(options.columnKinds);
  const byUrl = new Map(crawl.pages.flatMap((p) => [[p.finalUrl, p] as const, [p.url, p] as const]));
  const limiter = new HostLimiter(4);
  let fetchesLeft = options.maxFetches ?? 20;
  const fetched = new Map<string, Promise<Read>>();
  const read = (url: string): Promise<Read> => {
    const page = byUrl.get(url);
    if (page?.html !== undefined) return Promise.resolve({ html: page.html });
    // A crawled page is read again only when the crawl kept no HTML of an HTML page (a crawl made with keepHtml off).
    if (page && (page.status >= 400 || page.status === 0 || !/html/iu.test(page.contentType)))
      return Promise.resolve(failureOf(page.status, page.failure, page.contentType));
    let pending = fetched.get(url);
    if (!pending) {
      pending =
        fetchesLeft-- > 0
          ? limiter
              .run(authorityOf(url), () => fetchBounded(url, 'GET', limits, { signal: options.signal }))
              .then((r): Read => {
                const type = String(r.headers['content-type'] ?? '');
                return r.status > 0 && r.status < 400 && !r.failure && (!type || /html|text\/plain/iu.test(type))
                  ? { html: decodeHtml(r.body, type) }
                  : failureOf(r.status, r.failure, type);
              })
          : Promise.resolve({ state: 'unchecked', failure: '超出补充抓取上限，未打开' });
      fetched.set(url, pending);
    }
    return pending;
  };
  const htmlOf = async (url: string) => {
    const r = await read(url);
    return 'html' in r ? r.html : undefined;
  };

  const home = crawl.pages[0];
  const homeBase = home?.finalUrl ?? crawl.home;
  const homeRead = home
    ? await read(crawl.home)
    : ({ state: 'unreachable', failure: crawl.stopped === 'cancelled' ? '检查已取消' : '未抓取到首页' } as const);
  const homeHtml = 'html' in homeRead ? homeRead.html : '';
  const homeDates = publicationDates(homeHtml, day);
  const site = siteKey(homeBase);
  // Links inside the home page's dated lists are items (articles), not columns, whatever their titles say.
  const items = datedItems(homeHtml, day);
  let next = 0;
  const inItem = (at: number) => {
    while (next < items.length && items[next]!.end <= at) next++;
    return next < items.length && items[next]!.start <= at;
  };
  const wanted = new Map<string, { name: string; kind: ColumnKind; kindBy: ColumnFreshness['kindBy'] }>();
  for (const link of extractLinks(homeHtml, homeBase)) {
    if (link.tag !== 'a' || siteKey(link.url) !== site || wanted.has(link.url)) continue;
    const override = overrides.get(link.url);
    if (!override && inItem(link.at)) continue;
    const name = anchorText(homeHtml, link.at);
    if (override === 'ignore' || !name || (!override && name.length > 12)) continue;
    const kind = override ?? rules.find((k) => k.pattern.test(name))?.kind;
    if (kind) wanted.set(link.url, { name, kind, kindBy: override ? 'reviewer' : 'guess' });
  }
  for (const [url, kind] of overrides) {
    if (kind !== 'ignore' && !wanted.has(url)) wanted.set(url, { name: byUrl.get(url)?.linkText ?? url, kind, kindBy: 'reviewer' });
  }

  const articles: FreshnessReport['articles'] = [];
  const judged = await Promise.all(
    [...wanted].map(async ([url, c]): Promise<ColumnFreshness | null> => {
      const r = await read(url);
      const base = { name: c.name, url, kind: c.kind, kindBy: c.kindBy };
      if (!('html' in r)) return { ...base, newest: null, ageDays: null, stale: false, state: r.state, failure: r.failure };
      // Structure decides what a page is; only the reviewer's word makes an article a column.
      if (c.kindBy === 'guess' && classifyPage(byUrl.get(url)?.finalUrl ?? url, r.html, false) === 'article') {
        articles.push({ name: c.name, url });
        return null;
      }
      const newest = publicationDates(r.html, day)[0];
      if (!newest) return { ...base, newest: null, ageDays: null, stale: false, state: 'undated' };
      const age = daysBefore(day, newest);
      return {
        ...base,
        newest: isoDay(newest),
        ageDays: age,
        stale: age > rules.find((k) => k.kind === c.kind)!.maxAgeDays,
        state: 'dated',
      };
    }),
  );
  const columns = judged.filter((c): c is ColumnFreshness => c !== null);
  const homeAge = homeDates[0] ? daysBefore(day, homeDates[0]) : null;
  const blankCandidates = columns.filter((c) => c.state === 'undated' || c.state === 'dated').map((c) => ({ url: c.url, name: c.name }));
  const notColumns = new Set(articles.map((a) => a.url));
  const emptyColumns = await blankColumns(
    crawl,
    blankCandidates,
    notColumns,
    overrides,
    (url) => byUrl.get(url)?.finalUrl ?? url,
    htmlOf,
    day,
  );
  return {
    home: crawl.home,
    asOf: isoDay(day),
    homeNewest: homeDates[0] ? isoDay(homeDates[0]) : null,
    homeAgeDays: homeAge,
    homeStale: homeAge !== null && homeAge > HOME_MAX_AGE_DAYS,
    homeState: 'html' in homeRead ? (homeAge === null ? 'undated' : 'dated') : homeRead.state,
    ...('html' in homeRead ? {} : { homeFailure: homeRead.failure }),
    columns,
    emptyColumns,
    articles,
  };
}

const KIND_DETECT = {
  news: 'freshness.news',
  notice: 'freshness.notice',
  policy: 'freshness.policy',
  reading: 'freshness.reading',
} as const;

/**
 * Freshness as observations, on positive evidence only: a home page whose
 * newest date is older than two weeks; each kind of dated column all of whose
 * columns show a date past the limit; the count of such columns (the veto
 * counts them from five on); and the blank columns. An unreachable, unfetched
 * or undated page is none of these (see freshnessNotes).
 */
export function freshnessObservations(report: FreshnessReport): Observation[] {
  const out: Observation[] = [];
  if (report.homeStale) {
    out.push({
      detect: 'freshness.home',
      count: 1,
      summary: `首页最新信息日期为 ${report.homeNewest}，监测时间点 ${report.asOf} 时已 ${report.homeAgeDays} 天未更新`,
      items: [{ url: report.home, text: report.homeNewest ?? undefined, reason: '首页未更新' }],
    });
  }
  const byKind = new Map<ColumnKind, ColumnFreshness[]>();
  for (const c of report.columns) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
  for (const [kind, columns] of byKind) {
    // A kind of column is up to date when any column of that kind is, or may be (unknown is not stale).
    if (columns.some((c) => !c.stale)) continue;
    const c = columns[0]!;
    out.push({
      detect: KIND_DETECT[kind],
      count: 1,
      summary: `“${c.name}”栏目最新信息日期为 ${c.newest}，监测时间点 ${report.asOf} 时已 ${c.ageDays} 天未更新`,
      items: columns.map(columnItem),
    });
  }
  const stale = report.columns.filter((c) => c.stale);
  if (stale.length)
    out.push({
      detect: 'freshness.stale-columns',
      count: stale.length,
      summary: `${stale.length} 个动态要闻、通知公告、政策文件类栏目未按时更新（监测时间点 ${report.asOf}）`,
      items: stale.map(columnItem),
    });
  const empty = report.emptyColumns;
  if (empty.length)
    out.push({
      detect: 'columns.empty',
      count: empty.length,
      summary: `${empty.length} 个空白栏目（${empty
        .slice(0, 3)
        .map((c) => `“${c.name}”`)
        .join('、')}${empty.length > 3 ? '等' : ''}）`,
      items: empty.map((c) => ({ url: c.url, text: c.name, reason: '栏目中没有任何信息' })),
    });
  return out;
}

/** What freshness could not judge, for the reviewer to check by hand: never a suggestion. */
export function freshnessNotes(report: FreshnessReport): CheckNote[] {
  const note = (text: string, ok = false): CheckNote => ({ check: 'freshness', text, ok });
  const out: CheckNote[] = [note(`更新情况按监测时间点 ${report.asOf} 判断`, true)];
  if (report.homeState === 'unreachable' || report.homeState === 'unchecked')
    out.push(note(`首页未能打开（${report.homeFailure}），未检查首页与栏目更新`));
  if (report.homeState === 'undated') out.push(note('首页未找到注明日期的信息（可能由脚本加载），请人工检查首页更新'));
  const blank = new Set(report.emptyColumns.map((c) => c.url));
  for (const c of report.columns) {
    if (c.state === 'unreachable') out.push(note(`“${c.name}”栏目打不开（${c.failure}），未判断是否更新：${c.url}`));
    else if (c.state === 'unchecked') out.push(note(`“${c.name}”栏目未检查（${c.failure}）：${c.url}`));
    else if (c.state === 'undated' && !blank.has(c.url)) out.push(note(`“${c.name}”栏目未找到注明日期的信息，请人工检查：${c.url}`));
  }
  for (const a of report.articles) out.push(note(`“${a.name}”是文章而非栏目，不计入栏目更新：${a.url}`, true));
  return out;
}

function columnItem(c: ColumnFreshness): EvidenceItem {
  return { url: c.url, text: c.name, reason: `最新 ${c.newest}（${c.ageDays} 天前）` };
}
