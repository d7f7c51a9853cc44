import type { Ruleset } from '../../../shared/ruleset/types';
import { listIndicators } from '../../../shared/ruleset/walk';
import type { Target } from '../../../shared/domain/types';
import type { AssessmentStore } from '../store/types';
import { countBroken, type LinkReport } from './link-check';
import type { ColumnFreshness, FreshnessReport } from './freshness';

/**
 * Which indicator and rules each check serves, per ruleset: the one table to
 * change when a ruleset numbers its rules differently.
 */
const LINK_RULES: Record<string, { indicatorId: string; homeRule: number; otherRule: number }> = {
  'zhanjiang-2021': { indicatorId: 'basic.health.availability', homeRule: 1, otherRule: 2 },
  'guoban-2019': { indicatorId: 'basic.design.availability', homeRule: 1, otherRule: 2 },
};

export interface Suggestion {
  target: string;
  /** Which check made it (links, freshness …). */
  check: string;
  indicatorId: string;
  indicator: string;
  rule: number;
  count: number;
  status: 'suggested';
  summary: string;
  evidence: Record<string, string | number | null>[];
}

/** Link-availability suggestions: one for the home page, one for the other pages. */
export function linkSuggestions(ruleset: Ruleset, target: Target, report: LinkReport): Suggestion[] {
  const mapping = LINK_RULES[ruleset.id];
  const place = mapping && listIndicators(ruleset, 'website').find((p) => p.indicator.id === mapping.indicatorId);
  if (!mapping || !place) return [];
  const { home, other } = countBroken(report);
  const out: Suggestion[] = [];
  if (home.length) {
    out.push({ target: target.name, check: 'links', indicatorId: place.indicator.id, indicator: place.path, rule: mapping.homeRule, count: home.length, status: 'suggested', summary: `首页有 ${home.length} 处链接打不开`, evidence: home.map((b) => ({ url: b.url, foundOn: report.home, reason: b.reason })) });
  }
  if (other.length) {
    out.push({ target: target.name, check: 'links', indicatorId: place.indicator.id, indicator: place.path, rule: mapping.otherRule, count: other.length, status: 'suggested', summary: `其他页面有 ${other.length} 处链接打不开（共抓取 ${report.pages.length} 个页面）`, evidence: other.map((b) => ({ url: b.url, foundOn: b.page, reason: b.reason })) });
  }
  return out;
}

/**
 * Stores suggestions as findings with status 'suggested' (never scored until a
 * reviewer confirms), each with its evidence list saved as a file in the store.
 */
export function storeSuggestions(store: AssessmentStore, target: Target, suggestions: Suggestion[], checkedAt: string): number[] {
  return suggestions.map((s) =>
    store.transaction(() => {
      const evidence = store.addEvidence(Buffer.from(JSON.stringify({ target: target.name, indicator: s.indicator, rule: s.rule, checkedAt, links: s.evidence }, null, 2)), {
        kind: 'file',
        ext: 'json',
        url: target.url,
        title: `${s.summary}（自动检查清单）`,
        capturedAt: checkedAt,
        targetId: target.id,
        indicatorId: s.indicatorId,
      });
      return store.addFinding({ targetId: target.id, indicatorId: s.indicatorId, rule: s.rule, count: s.count, note: s.summary, status: 'suggested', source: s.check, evidenceIds: [evidence.id] }).id;
    }),
  );
}

/** Where each freshness finding goes, per ruleset (indicator id and rule number). */
const FRESHNESS_RULES: Record<string, Partial<Record<'home' | 'news' | 'notice' | 'policy' | 'reading', [string, number]>>> = {
  'zhanjiang-2021': { home: ['veto.site.homepage-stale', 1], news: ['basic.publish.news', 2], notice: ['basic.publish.notices', 2], policy: ['basic.publish.policies', 2], reading: ['basic.publish.readings', 2] },
  'guoban-2019': { home: ['veto.site.homepage-stale', 1], news: ['basic.publish.news', 2], policy: ['basic.publish.policies', 2], reading: ['basic.publish.readings', 2] },
};

/** Freshness suggestions: a stale home page (a veto) and each stale dated column. */
export function freshnessSuggestions(ruleset: Ruleset, target: Target, report: FreshnessReport): Suggestion[] {
  const rules = FRESHNESS_RULES[ruleset.id] ?? {};
  const places = new Map(listIndicators(ruleset, 'website').map((p) => [p.indicator.id, p]));
  const make = (key: keyof typeof rules, summary: string, evidence: Suggestion['evidence']): Suggestion[] => {
    const rule = rules[key];
    const place = rule && places.get(rule[0]);
    return place ? [{ target: target.name, check: 'freshness', indicatorId: place.indicator.id, indicator: place.path, rule: rule[1], count: 1, status: 'suggested', summary, evidence }] : [];
  };
  const out: Suggestion[] = [];
  if (report.homeStale) {
    out.push(...make('home', report.homeNewest ? `首页最新信息日期为 ${report.homeNewest}，已 ${report.homeAgeDays} 天未更新` : '首页未找到注明日期的信息', [{ url: report.home, newest: report.homeNewest, ageDays: report.homeAgeDays }]));
  }
  const byKind = new Map<string, ColumnFreshness[]>();
  for (const c of report.columns) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
  for (const [kind, columns] of byKind) {
    // A kind of column is up to date when any column of that kind is.
    if (columns.some((c) => !c.stale)) continue;
    const c = columns[0]!;
    out.push(...make(kind as 'news', c.newest ? `“${c.name}”栏目最新信息日期为 ${c.newest}，已 ${c.ageDays} 天未更新` : `“${c.name}”栏目未找到注明日期的信息`, columns.map((x) => ({ url: x.url, name: x.name, newest: x.newest, ageDays: x.ageDays }))));
  }
  return out;
}
