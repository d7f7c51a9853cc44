import type { TieRule } from '../ruleset/types';
import { cmp, type Fraction } from './fraction';

/** What ranking needs to know of one scored item (a target or a unit). */
export interface RankFacts {
  classId: string;
  /** The exact total; null when vetoed. */
  total: Fraction | null;
  veto: boolean;
  /** Fully reviewed (or decided by a veto): only complete items take a rank. */
  complete: boolean;
  /** False for items judged on vetoes only: they are never ranked. */
  rankable: boolean;
}

/** The tie rule in force: the assessment's setting, else the ruleset's, else sequential as seed 002 prints. */
export function tieRule(assessment: TieRule | undefined, ruleset: { ranking?: { ties?: TieRule } }): TieRule {
  return assessment ?? ruleset.ranking?.ties ?? 'sequential';
}

/**
 * Ranks items within their class as offices rank: complete, rankable items only;
 * higher totals first; every vetoed item after every non-vetoed one; equal totals
 * share a rank (1,1,3) or follow list order (1,2,3) by `ties`. Items are taken in
 * the order given, which decides sequential ties. Returns the rank per item (null
 * for items that take none). The one ranking function: every list ranks through it.
 */
export function rankInClasses<T>(items: readonly T[], facts: (item: T) => RankFacts, ties: TieRule): Map<T, number | null> {
  const out = new Map<T, number | null>();
  const classes = new Map<string, { item: T; f: RankFacts; order: number }[]>();
  items.forEach((item, order) => {
    const f = facts(item);
    out.set(item, null);
    if (!f.rankable || !f.complete) return;
    const list = classes.get(f.classId) ?? [];
    list.push({ item, f, order });
    classes.set(f.classId, list);
  });
  for (const members of classes.values()) {
    const passed = members.filter((m) => !m.f.veto && m.f.total !== null).sort((a, b) => cmp(b.f.total!, a.f.total!) || a.order - b.order);
    const vetoed = members.filter((m) => m.f.veto || m.f.total === null).sort((a, b) => a.order - b.order);
    let prevRank = 0;
    passed.forEach((m, i) => {
      const prev = passed[i - 1];
      const rank = ties === 'shared' && prev && cmp(prev.f.total!, m.f.total!) === 0 ? prevRank : i + 1;
      out.set(m.item, rank);
      prevRank = rank;
    });
    vetoed.forEach((m, i) => out.set(m.item, ties === 'shared' ? passed.length + 1 : passed.length + i + 1));
  }
  return out;
}
