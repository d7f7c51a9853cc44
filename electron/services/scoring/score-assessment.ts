import type { Ruleset } from '../../../shared/ruleset/types';
import { scoreTargets } from '../../../shared/scoring/engine';
import type { TargetScore } from '../../../shared/scoring/types';
import type { AssessmentStore } from '../store/types';

/** Scores a stored assessment from its ruleset snapshot and its confirmed findings only. */
export function scoreStoredAssessment(store: AssessmentStore): TargetScore[] {
  const ruleset = store.rulesetSnapshot() as Ruleset;
  const targets = store.listTargets().map((t) => ({ id: t.id, name: t.kind === 'website' ? t.name || t.unit : t.name, kind: t.kind, classId: t.classId, attributes: t.attributes }));
  const findings = store.listFindings({ status: 'confirmed' }).map((f) => ({ id: f.id, targetId: f.targetId, indicatorId: f.indicatorId, rule: f.rule, count: f.count, note: f.note, evidenceIds: f.evidenceIds }));
  return scoreTargets(ruleset, targets, findings, { gradeBands: store.info().gradeBands });
}
