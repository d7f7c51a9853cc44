import { decodeHtml, DEFAULT_LIMITS, fetchBounded, type FetchLimits } from './fetch-bounded';
import type { EvidenceItem, Observation } from './types';

/** Column kinds the rules date-check, guessed from the column's name; thresholds in days. */
export const COLUMN_KINDS: { kind: 'news' | 'notice' | 'policy' | 'reading'; pattern: RegExp; maxAgeDays: number }[] = [
  { kind: 'reading', pattern: /解读/u, maxAgeDays: 183 },
  { kind: 'policy', pattern: /政策文件|规范性文件|文件/u, maxAgeDays: 183 },
  { kind: 'notice', pattern: /通知|公告|公示/u, maxAgeDays: 183 },
  { kind: 'news', pattern: /动态|要闻|新闻|工作信息/u, maxAgeDays: 14 },
];
export const HOME_MAX_AGE_DAYS = 14;

const DATE = /(20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/gu;

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

export interface ColumnFreshness {
  name: string;
  url: string;
  kind: (typeof COLUMN_KINDS)[number]['kind'];
  newest: string | null;
  ageDays: number | null;
  stale: boolean;
}

export interface FreshnessReport {
  home: string;
  homeNewest: string | null;
  homeAgeDays: number | null;
  homeStale: boolean;
  columns: ColumnFreshness[];
}

const days = (now: Date, d: Date) => Math.floor((now.getTime() - d.getTime()) / 86_400_000);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Links with their text, for guessing columns from the home page's navigation. */
function namedLinks(html: string, base: string): { name: string; url: string }[] {
  const out: { name: string; url: string }[] = [];
  for (const m of html.matchAll(/<a\b[^>]*href\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/giu)) {
    const name = m[2]!.replace(/<[^>]+>/gu, '').replace(/\s+/gu, '').trim();
    if (!name || name.length > 12 || /^(javascript|mailto|#)/iu.test(m[1]!)) continue;
    try {
      out.push({ name, url: new URL(m[1]!, base).toString() });
    } catch {
      // not a URL: ignore
    }
  }
  return out;
}

/**
 * How fresh the home page and its dated columns are: the newest date on each,
 * against 2 weeks (home, news) and 6 months (notices, policies, readings).
 */
export async function checkFreshness(home: string, now: Date, limits: FetchLimits = DEFAULT_LIMITS): Promise<FreshnessReport> {
  const page = await fetchBounded(home, 'GET', limits);
  const html = decodeHtml(page.body, String(page.headers['content-type'] ?? ''));
  const homeDates = findDates(html.replace(/<[^>]+>/gu, ' '), now);
  const origin = new URL(home).host;
  const seen = new Set<string>();
  const columns: ColumnFreshness[] = [];
  for (const link of namedLinks(html, page.finalUrl)) {
    const kind = COLUMN_KINDS.find((k) => k.pattern.test(link.name));
    if (!kind || new URL(link.url).host !== origin || seen.has(kind.kind + link.url)) continue;
    seen.add(kind.kind + link.url);
    if (columns.some((c) => c.url === link.url)) continue;
    const r = await fetchBounded(link.url, 'GET', limits);
    const newest = r.failure || r.status >= 400 ? undefined : findDates(decodeHtml(r.body, String(r.headers['content-type'] ?? '')).replace(/<[^>]+>/gu, ' '), now)[0];
    const age = newest ? days(now, newest) : null;
    columns.push({ name: link.name, url: link.url, kind: kind.kind, newest: newest ? iso(newest) : null, ageDays: age, stale: age === null || age > kind.maxAgeDays });
  }
  const homeAge = homeDates[0] ? days(now, homeDates[0]) : null;
  return { home, homeNewest: homeDates[0] ? iso(homeDates[0]) : null, homeAgeDays: homeAge, homeStale: homeAge === null || homeAge > HOME_MAX_AGE_DAYS, columns };
}

const KIND_DETECT = { news: 'freshness.news', notice: 'freshness.notice', policy: 'freshness.policy', reading: 'freshness.reading' } as const;

/**
 * Freshness as observations: a stale home page; each kind of dated column none
 * of whose columns is up to date; and the count of stale dated columns (the
 * veto counts them from five on).
 */
export function freshnessObservations(report: FreshnessReport): Observation[] {
  const out: Observation[] = [];
  if (report.homeStale) {
    out.push({ detect: 'freshness.home', count: 1, summary: report.homeNewest ? `首页最新信息日期为 ${report.homeNewest}，已 ${report.homeAgeDays} 天未更新` : '首页未找到注明日期的信息', items: [{ url: report.home, text: report.homeNewest ?? undefined, reason: '首页未更新' }] });
  }
  const byKind = new Map<ColumnFreshness['kind'], ColumnFreshness[]>();
  for (const c of report.columns) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
  for (const [kind, columns] of byKind) {
    // A kind of column is up to date when any column of that kind is.
    if (columns.some((c) => !c.stale)) continue;
    const c = columns[0]!;
    out.push({ detect: KIND_DETECT[kind], count: 1, summary: c.newest ? `“${c.name}”栏目最新信息日期为 ${c.newest}，已 ${c.ageDays} 天未更新` : `“${c.name}”栏目未找到注明日期的信息`, items: columns.map(columnItem) });
  }
  const stale = report.columns.filter((c) => c.stale);
  if (stale.length) out.push({ detect: 'freshness.stale-columns', count: stale.length, summary: `${stale.length} 个动态要闻、通知公告、政策文件类栏目未按时更新`, items: stale.map(columnItem) });
  return out;
}

function columnItem(c: ColumnFreshness): EvidenceItem {
  return { url: c.url, text: c.name, reason: c.newest ? `最新 ${c.newest}（${c.ageDays} 天前）` : '未找到注明日期的信息' };
}
