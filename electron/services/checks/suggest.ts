import type { Ruleset } from '../../../shared/ruleset/types';
import { listIndicators } from '../../../shared/ruleset/walk';
import type { Target } from '../../../shared/domain/types';
import type { AssessmentStore } from '../store/types';
import { countBroken, type LinkReport } from './link-check';

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
  indicator: string;
  rule: number;
  count: number;
  status: 'suggested';
  summary: string;
  evidence: { url: string; foundOn: string; reason: string }[];
}

/** Link-availability suggestions: one for the home page, one for the other pages. */
export function linkSuggestions(ruleset: Ruleset, target: Target, report: LinkReport): Suggestion[] {
  const mapping = LINK_RULES[ruleset.id];
  const place = mapping && listIndicators(ruleset, 'website').find((p) => p.indicator.id === mapping.indicatorId);
  if (!mapping || !place) return [];
  const { home, other } = countBroken(report);
  const out: Suggestion[] = [];
  if (home.length) {
    out.push({ target: target.name, indicator: place.path, rule: mapping.homeRule, count: home.length, status: 'suggested', summary: `首页有 ${home.length} 处链接打不开`, evidence: home.map((b) => ({ url: b.url, foundOn: report.home, reason: b.reason })) });
  }
  if (other.length) {
    out.push({ target: target.name, indicator: place.path, rule: mapping.otherRule, count: other.length, status: 'suggested', summary: `其他页面有 ${other.length} 处链接打不开（共抓取 ${report.pages.length} 个页面）`, evidence: other.map((b) => ({ url: b.url, foundOn: b.page, reason: b.reason })) });
  }
  return out;
}

/**
 * Stores suggestions as findings with status 'suggested' (never scored until a
 * reviewer confirms), each with its evidence list saved as a file in the store.
 */
export function storeSuggestions(store: AssessmentStore, target: Target, ruleset: Ruleset, suggestions: Suggestion[], checkedAt: string): number[] {
  return suggestions.map((s) =>
    store.transaction(() => {
      const place = listIndicators(ruleset, target.kind).find((p) => p.path === s.indicator)!;
      const evidence = store.addEvidence(Buffer.from(JSON.stringify({ target: target.name, indicator: s.indicator, rule: s.rule, checkedAt, links: s.evidence }, null, 2)), {
        kind: 'file',
        ext: 'json',
        url: target.url,
        title: `${s.summary}（自动检查清单）`,
        capturedAt: checkedAt,
        targetId: target.id,
        indicatorId: place.indicator.id,
      });
      return store.addFinding({ targetId: target.id, indicatorId: place.indicator.id, rule: s.rule, count: s.count, note: s.summary, status: 'suggested', source: 'links', evidenceIds: [evidence.id] }).id;
    }),
  );
}
