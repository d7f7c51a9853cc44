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
 * the order given, which decides sequential ties. Returns the rank of each item by
 * its position (null for items that take none). The one ranking function: every
 * list ranks through it.
 */
export function rankList<T>(items: readonly T[], facts: (item: T) => RankFacts, ties: TieRule): (number | null)[] {
  const out = new Array<number | null>(items.length).fill(null);
  const all = items.map(facts);
  const classes = new Map<string, number[]>();
  all.forEach((f, i) => {
    if (!f.rankable || !f.complete) return;
    const list = classes.get(f.classId);
    if (list) list.push(i);
    else classes.set(f.classId, [i]);
  });
  const passes = (i: number) => !all[i]!.veto && all[i]!.total !== null;
  // Totals as doubles order the same as the fractions (division rounds monotonically);
  // only equal doubles need the exact comparison.
  const approx = new Float64Array(items.length);
  for (let i = 0; i < all.length; i++) {
    const total = all[i]!.total;
    if (total) approx[i] = total.n / total.d;
  }
  for (const members of classes.values()) {
    // Members are in list order already: a stable sort by total keeps it for equal totals.
    const passed = members.filter(passes).sort((a, b) => approx[b]! - approx[a]! || cmp(all[b]!.total!, all[a]!.total!));
    const vetoed = members.filter((i) => !passes(i));
    let prevRank = 0;
    passed.forEach((m, i) => {
      const prev = passed[i - 1];
      const rank = ties === 'shared' && prev !== undefined && cmp(all[prev]!.total!, all[m]!.total!) === 0 ? prevRank : i + 1;
      out[m] = rank;
      prevRank = rank;
    });
    vetoed.forEach((m, i) => (out[m] = ties === 'shared' ? passed.length + 1 : passed.length + i + 1));
  }
  return out;
}

/** `rankList` as a map from item to rank, for callers that look ranks up by item. */
export function rankInClasses<T>(items: readonly T[], facts: (item: T) => RankFacts, ties: TieRule): Map<T, number | null> {
  const ranks = rankList(items, facts, ties);
  return new Map(items.map((item, i) => [item, ranks[i]!]));
}
