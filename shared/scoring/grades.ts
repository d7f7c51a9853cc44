import type { GradeBand, GradeLines, TargetKind } from '../domain/types';
import type { Ruleset } from '../ruleset/types';

/**
 * The grade lines that apply to one target, most specific first: the assessment's
 * lines for its class, then for its kind, the ruleset's for its class, then for its
 * kind, and last the assessment's general lines (which default to the ruleset's).
 */
export function gradeBandsFor(ruleset: Ruleset, lines: GradeLines | undefined, kind: TargetKind, classId: string): GradeBand[] {
  const bands =
    lines?.byClass?.[classId] ??
    lines?.byKind?.[kind] ??
    ruleset.grades.byClass?.[classId] ??
    ruleset.grades.byKind?.[kind] ??
    lines?.all ??
    ruleset.grades.bands;
  return [...bands].sort((a, b) => b.min - a.min);
}
