import type { GradeLines } from '../domain/types';
import type { Ruleset } from '../ruleset/types';
import { add, cmp, div, frac, round2, ZERO, type Fraction } from './fraction';
import { gradeBandsFor } from './grades';
import { rankInClasses, tieRule } from './rank';
import type { SectionResult, TargetScore } from './types';

/** One unit's new-media result: its accounts rolled up (seed 002, annex 2). */
export interface UnitScore {
  unit: string;
  classId: string;
  accountIds: number[];
  veto: boolean;
  /** "账号名称：否决原因" for each vetoed account. */
  vetoReasons: string[];
  /** Per section: the mean of the accounts' section scores. */
  sections: SectionResult[];
  basic: number | null;
  bonus: number;
  total: number | null;
  grade: string | null;
  rank: number | null;
  complete: boolean;
  progress: { reviewed: number; total: number };
}

const mean = (xs: Fraction[]): Fraction => (xs.length ? div(xs.reduce(add, ZERO), frac(xs.length)) : ZERO);

/**
 * Rolls account scores up to their unit where the ruleset says so
 * (`accountResults: 'unit'`): a unit is vetoed when any of its accounts is; its
 * section scores, bonus and total are the means of its accounts' (as printed, to 2
 * decimals); it is complete when every account is; grades follow the account lines
 * of its class; units rank through the same ranking function as targets.
 * `unitOf` gives each account's unit; accounts are grouped in the order given.
 */
export function rollUpUnits(
  ruleset: Ruleset,
  scores: readonly TargetScore[],
  unitOf: (targetId: number) => string,
  options: { gradeBands?: GradeLines['all']; gradeLines?: Omit<GradeLines, 'all'>; ties?: 'shared' | 'sequential' } = {},
): UnitScore[] {
  const groups = new Map<string, TargetScore[]>();
  for (const s of scores) {
    if (s.kind !== 'account') continue;
    const key = `${s.classId}\u0000${unitOf(s.targetId)}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const vetoOnly = ruleset.accountScoring === 'veto-only';
  const exact = new Map<UnitScore, Fraction | null>();
  const units: UnitScore[] = [];
  for (const [key, accounts] of groups) {
    const [classId, unit] = key.split('\u0000') as [string, string];
    const veto = accounts.some((a) => a.veto);
    const complete = accounts.every((a) => a.complete) || veto;
    const sectionIds = [...new Map(accounts.flatMap((a) => a.sections).map((x) => [x.id, x])).values()];
    const sections = sectionIds.map((x) => {
      const values = accounts.map((a) => frac(a.sections.find((y) => y.id === x.id)?.score ?? 0));
      return { ...x, score: round2(mean(values)) };
    });
    const totals = accounts.map((a) => (a.total === null ? null : frac(a.total)));
    const total = veto || vetoOnly || totals.some((t) => t === null) ? null : mean(totals as Fraction[]);
    const bonus = mean(accounts.map((a) => frac(a.bonus)));
    let grade: string | null = ruleset.grades.failName;
    if (!complete) grade = null;
    else if (!veto) {
      const bands = gradeBandsFor(
        ruleset,
        { ...options.gradeLines, ...(options.gradeBands ? { all: options.gradeBands } : {}) },
        'account',
        classId,
      );
      grade = total === null ? '合格' : (bands.find((b) => cmp(total, frac(b.min)) >= 0)?.name ?? ruleset.grades.failName);
    }
    const u: UnitScore = {
      unit,
      classId,
      accountIds: accounts.map((a) => a.targetId),
      veto,
      vetoReasons: accounts.filter((a) => a.veto).flatMap((a) => a.vetoReasons.map((r) => `${a.name}：${r}`)),
      sections,
      basic: total === null ? null : round2(mean(accounts.map((a) => frac(a.basic ?? 0)))),
      bonus: round2(bonus),
      total: total === null ? null : round2(total),
      grade,
      rank: null,
      complete,
      progress: accounts.reduce((p, a) => ({ reviewed: p.reviewed + a.progress.reviewed, total: p.total + a.progress.total }), {
        reviewed: 0,
        total: 0,
      }),
    };
    exact.set(u, veto ? null : total);
    units.push(u);
  }
  const ranks = rankInClasses(
    units,
    (u) => ({ classId: u.classId, total: exact.get(u) ?? null, veto: u.veto, complete: u.complete, rankable: !vetoOnly }),
    tieRule(options.ties, ruleset),
  );
  for (const u of units) u.rank = ranks.get(u) ?? null;
  return units;
}
