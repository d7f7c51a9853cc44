import { scoreTargets } from '../../../shared/scoring/engine';
import type { ScoringTarget, TargetScore } from '../../../shared/scoring/types';
import type { Target } from '../../../shared/domain/types';
import type { AssessmentStore } from '../store/types';

/** A stored target as the engine scores it (a website without a site name goes by its unit). */
export const toScoringTarget = (t: Target): ScoringTarget => ({
  id: t.id,
  name: t.kind === 'website' ? t.name || t.unit : t.name,
  kind: t.kind,
  classId: t.classId,
  attributes: t.attributes,
  unit: t.unit,
});

/** Reviewed indicator ids per target, as the engine takes them. */
export function reviewedByTarget(store: AssessmentStore): Map<number, Set<string>> {
  const reviewed = new Map<number, Set<string>>();
  for (const r of store.listReviewedIndicators()) reviewed.set(r.targetId, (reviewed.get(r.targetId) ?? new Set()).add(r.indicatorId));
  return reviewed;
}

/** The engine's options from the assessment: grade lines, tie rule and review progress. */
export function scoreOptionsOf(store: AssessmentStore) {
  const info = store.info();
  return {
    gradeBands: info.gradeBands,
    ...(info.settings.grades ? { gradeLines: info.settings.grades } : {}),
    ...(info.settings.ties ? { ties: info.settings.ties } : {}),
    reviewed: reviewedByTarget(store),
  };
}

/**
 * Scores a stored assessment from its ruleset snapshot and its confirmed findings
 * only. Ranks are within a class, so `classId` scores that class alone (one
 * target's view needs no more). A target not fully reviewed comes back provisional.
 * `detailFor` limits per-indicator results and explanations to those targets (the
 * others get totals, grades and ranks only); every target gets them by default.
 */
export function scoreStoredAssessment(store: AssessmentStore, classId?: string, detailFor?: Iterable<number>): TargetScore[] {
  const ruleset = store.rulesetSnapshot();
  const targets = store
    .listTargets()
    .filter((t) => classId === undefined || t.classId === classId)
    .map(toScoringTarget);
  const ids = new Set(targets.map((t) => t.id));
  const findings = store
    .listFindings({ status: 'confirmed' })
    .filter((f) => ids.has(f.targetId))
    .map((f) => ({
      id: f.id,
      targetId: f.targetId,
      indicatorId: f.indicatorId,
      rule: f.rule,
      count: f.count,
      note: f.note,
      evidenceIds: f.evidenceIds,
    }));
  return scoreTargets(ruleset, targets, findings, { ...scoreOptionsOf(store), ...(detailFor ? { detail: new Set(detailFor) } : {}) });
}
