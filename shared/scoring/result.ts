import type { Ruleset } from '../ruleset/types';
import { add, cmp, div, frac, min as fmin, mul, round2, show, sub, ZERO, type Fraction } from './fraction';
import { gradeBandsFor } from './grades';
import type { Explanation, IndicatorResult, ScoreOptions, ScoringTarget, SectionResult, TargetScore } from './types';
import { WeightGroups, type WeightGroup } from './weights';

/** A target's score before ranking, with the exact total ranking compares. */
export interface Scored {
  score: TargetScore;
  exactTotal: Fraction | null;
}

/** What one scoring run holds fixed: the ruleset, the options and what follows from them. */
export interface ScoringRun {
  ruleset: Ruleset;
  options: ScoreOptions;
  explain: boolean;
  groups: WeightGroups;
  /** The pass and bonus lines as fractions, made when first compared (as the ruleset's numbers are). */
  lines: { pass?: Fraction; bonus?: Fraction };
}

export function startRun(ruleset: Ruleset, options: ScoreOptions): ScoringRun {
  return {
    ruleset,
    options,
    explain: options.detail === undefined || options.detail === true,
    groups: new WeightGroups(ruleset),
    lines: {},
  };
}

/** One part kind's sums over the sections scored for a target. */
export interface PartSum {
  raw: Fraction;
  max: Fraction;
  partMax: Fraction;
  present: boolean;
}
export type PartSums = Record<'basic' | 'bonus' | 'negative', PartSum>;

export const emptyPartSums = (): PartSums => ({
  basic: { raw: ZERO, max: ZERO, partMax: ZERO, present: false },
  bonus: { raw: ZERO, max: ZERO, partMax: ZERO, present: false },
  negative: { raw: ZERO, max: ZERO, partMax: ZERO, present: false },
});

/** What scoring the indicators of one target found, detailed or totals only. */
export interface TargetParts {
  vetoReasons: string[];
  sections: SectionResult[];
  indicators: IndicatorResult[];
  explanation: Explanation[];
  parts: PartSums;
}

/**
 * From part sums to the target's score: basis normalisation, the bonus cap and
 * threshold, the negative cap, grade and review progress. Both the detailed and
 * the totals-only path end here, so they cannot disagree on these rules.
 */
export function finishScore(run: ScoringRun, target: ScoringTarget, group: WeightGroup, found: TargetParts): Scored {
  const { ruleset, options, explain } = run;
  const { parts, vetoReasons, explanation } = found;
  const vetoOnly = target.kind === 'account' && ruleset.accountScoring === 'veto-only';
  const veto = vetoReasons.length > 0;
  let basic: Fraction | null = null;
  let bonus = ZERO;
  let negative = ZERO;
  if (!vetoOnly && !veto) {
    const b = parts.basic;
    basic = b.raw;
    if (ruleset.normaliseBasic && b.present && cmp(b.max, b.partMax) < 0 && b.max.n > 0) {
      basic = div(mul(b.raw, b.partMax), b.max);
      if (explain)
        explanation.push({
          text: `基础性指标以 ${show(b.max)} 分为满分，得分 ${show(b.raw)} × ${show(b.partMax)}/${show(b.max)} = ${show(basic)}`,
        });
    }
    bonus = parts.bonus.present ? fmin(parts.bonus.raw, parts.bonus.partMax) : ZERO;
    const threshold = ruleset.thresholds.bonusOnlyAbove;
    if (threshold !== undefined && cmp(basic, (run.lines.bonus ??= frac(threshold))) <= 0 && bonus.n > 0) {
      if (explain) explanation.push({ text: `基础得分 ${show(basic)} 未超过 ${threshold} 分，加分 ${show(bonus)} 不计入` });
      bonus = ZERO;
    }
    negative = parts.negative.present ? fmin(parts.negative.raw, parts.negative.partMax) : ZERO;
  }
  const exactTotal = basic === null ? null : sub(add(basic, bonus), negative);
  // Grade lines depend on kind and class only, and options are fixed for a run: one lookup per weight group.
  const bands = (group.bands ??= bandsOf(run, target));
  const { applicable } = group;
  const reviewedIds = options.reviewed?.get(target.id);
  let reviewedCount = applicable.length;
  if (options.reviewed) {
    reviewedCount = 0;
    if (reviewedIds) for (const id of applicable) if (reviewedIds.has(id)) reviewedCount++;
  }
  // A veto decides the target (the seed: 不再对其他指标进行评分); otherwise every applicable indicator must be walked.
  const complete = veto || reviewedCount === applicable.length;
  let grade: string | null = ruleset.grades.failName;
  if (!complete) grade = null;
  else if (!veto) {
    if (exactTotal === null) grade = '合格';
    else if (ruleset.thresholds.pass === undefined || cmp(exactTotal, (run.lines.pass ??= frac(ruleset.thresholds.pass))) >= 0) {
      // Each line's minimum becomes a fraction once per group, when a total first reaches it.
      const mins = (bands.mins ??= []);
      const at = bands.bands.findIndex((b, i) => cmp(exactTotal, (mins[i] ??= frac(b.min))) >= 0);
      grade = at < 0 ? ruleset.grades.failName : bands.bands[at]!.name;
    }
  }
  return {
    exactTotal: veto ? null : exactTotal,
    score: {
      targetId: target.id,
      name: target.name,
      kind: target.kind,
      classId: target.classId,
      veto,
      vetoReasons,
      sections: found.sections,
      indicators: found.indicators,
      basic: veto || basic === null ? null : round2(basic),
      bonus: round2(bonus),
      negative: round2(negative),
      total: veto || exactTotal === null ? null : round2(exactTotal),
      grade,
      rank: null,
      complete,
      progress: { reviewed: reviewedCount, total: applicable.length },
      explanation,
    },
  };
}

function bandsOf(run: ScoringRun, target: ScoringTarget): NonNullable<WeightGroup['bands']> {
  const { options } = run;
  const bands = gradeBandsFor(
    run.ruleset,
    { ...options.gradeLines, ...(options.gradeBands ? { all: options.gradeBands } : {}) },
    target.kind,
    target.classId,
  );
  return { bands };
}
