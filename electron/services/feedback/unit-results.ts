import type { Evidence, Finding, Target } from '../../../shared/domain/types';
import { classLabel, listIndicators } from '../../../shared/ruleset/walk';
import type { Explanation, TargetScore } from '../../../shared/scoring/types';
import { scoreStoredAssessment } from '../scoring/score-assessment';
import type { AssessmentStore } from '../store/types';

/** One confirmed finding as the unit reads it: where, which rule, how often, how many points, why, and the evidence. */
export interface FeedbackFinding {
  finding: Finding;
  indicatorPath: string;
  veto: boolean;
  bonus: boolean;
  ruleText: string;
  /** Signed points of this finding (deductions negative), null for vetoes. */
  points: number | null;
  evidence: Evidence[];
}

export interface FeedbackTarget {
  target: Target;
  label: string;
  classLabel: string;
  score: TargetScore;
  findings: FeedbackFinding[];
}

export interface FeedbackUnit {
  unit: string;
  targets: FeedbackTarget[];
}

/** The points the explanation tree gives one finding (the rule line that names it alone). */
function findingPoints(node: Explanation | undefined, findingId: number): number | null {
  if (!node) return null;
  if (node.findingIds?.length === 1 && node.findingIds[0] === findingId && node.points !== undefined && !node.children?.length)
    return node.points;
  for (const child of node.children ?? []) {
    const hit = findingPoints(child, findingId);
    if (hit !== null) return hit;
  }
  return null;
}

/**
 * Every unit's targets (websites first, then accounts) with their provisional
 * scores and confirmed findings in ruleset order, as the preliminary result
 * shows them. Units are named as the target list names them.
 */
export function feedbackUnits(store: AssessmentStore): FeedbackUnit[] {
  const ruleset = store.rulesetSnapshot();
  const scores = new Map(scoreStoredAssessment(store).map((s) => [s.targetId, s]));
  const findings = store.listFindings({ status: 'confirmed' });
  const evidence = new Map(store.listEvidence().map((e) => [e.id, e]));
  const units = new Map<string, FeedbackTarget[]>();
  const targets = [...store.listTargets()].sort((a, b) => (a.kind === b.kind ? a.id - b.id : a.kind === 'website' ? -1 : 1));
  for (const target of targets) {
    const places = listIndicators(ruleset, target.kind);
    const order = new Map(places.map((p, i) => [p.indicator.id, i]));
    const byId = new Map(places.map((p) => [p.indicator.id, p]));
    const score = scores.get(target.id)!;
    const results = new Map(score.indicators.map((i) => [i.indicatorId, i]));
    const mine = findings
      .filter((f) => f.targetId === target.id)
      .sort((a, b) => (order.get(a.indicatorId) ?? 1e9) - (order.get(b.indicatorId) ?? 1e9) || a.id - b.id)
      .map((f): FeedbackFinding => {
        const place = byId.get(f.indicatorId);
        const rule = place?.indicator.rules.find((r) => r.n === f.rule);
        const veto = place?.part.kind === 'veto';
        return {
          finding: f,
          indicatorPath: place?.path ?? f.indicatorId,
          veto,
          bonus: place?.part.kind === 'bonus',
          ruleText: rule ? `第${rule.n}条：${rule.text.replace(/^\d+[.．、]\s*/u, '')}` : `第${f.rule}条`,
          points: veto ? null : findingPoints(results.get(f.indicatorId)?.explanation, f.id),
          evidence: f.evidenceIds.map((id) => evidence.get(id)).filter((e): e is Evidence => e !== undefined),
        };
      });
    const label = target.kind === 'website' ? target.name || target.unit : `${target.platform ?? ''}“${target.name}”`;
    const list = units.get(target.unit) ?? [];
    list.push({ target, label, classLabel: classLabel(ruleset, target.classId), score, findings: mine });
    units.set(target.unit, list);
  }
  return [...units].map(([unit, list]) => ({ unit, targets: list }));
}
