import path from 'node:path';
import type { Evidence, Finding, Target } from '../../../shared/domain/types';
import type { Ruleset } from '../../../shared/ruleset/types';
import { classLabel, listIndicators, type IndicatorPlace } from '../../../shared/ruleset/walk';
import {
  checklistLeaves,
  type ChecklistNode,
  type EvidenceView,
  type FindingView,
  type TargetReviewView,
} from '../../../shared/api/review';
import type { ScoreCache } from '../scoring/score-cache';
import { toScoringTarget } from '../scoring/score-assessment';
import { applicableIndicatorIds } from '../../../shared/scoring/engine';
import type { AssessmentStore } from '../store/types';
import { buildChecklist } from './checklist';

/** Indicator places by id, for naming findings. */
export function placesById(ruleset: Ruleset): Map<string, IndicatorPlace> {
  return new Map(listIndicators(ruleset).map((p) => [p.indicator.id, p]));
}

export function toFindingView(f: Finding, places: Map<string, IndicatorPlace>): FindingView {
  const place = places.get(f.indicatorId);
  const rule = place?.indicator.rules.find((r) => r.n === f.rule);
  return {
    id: f.id,
    indicatorId: f.indicatorId,
    indicatorPath: place?.path ?? f.indicatorId,
    rule: f.rule,
    ruleText: rule?.text ?? '',
    count: f.count,
    note: f.note,
    status: f.status,
    source: f.source,
    reviewer: f.reviewer,
    updatedAt: f.updatedAt,
    evidenceIds: f.evidenceIds,
  };
}

/** Evidence as the UI links it: the file path is relative to the workspace (`<assessment>/evidence/…`). */
export function toEvidenceView(e: Evidence, assessmentId: string): EvidenceView {
  return {
    id: e.id,
    kind: e.kind,
    file: path.posix.join(assessmentId, e.file),
    sha256: e.sha256,
    url: e.url,
    title: e.title,
    capturedAt: e.capturedAt,
    viewport: e.viewport,
    indicatorId: e.indicatorId,
    derivedFrom: e.derivedFrom,
  };
}

/** Progress of a checklist: applicable leaf indicators and how many the reviewer has walked. */
export function progressOf(tree: readonly ChecklistNode[]): { reviewed: number; total: number } {
  const leaves = checklistLeaves(tree);
  return { reviewed: leaves.filter((l) => l.reviewed).length, total: leaves.length };
}

/**
 * A target's review progress without scoring anything: the applicable
 * indicators the engine would score, and how many the reviewer has walked.
 */
export function reviewProgress(store: AssessmentStore, targetId: number): { reviewed: number; total: number } {
  const target = store.getTarget(targetId);
  const ids = applicableIndicatorIds(store.rulesetSnapshot(), toScoringTarget(target));
  const reviewed = new Set(store.listReviewedIndicators(targetId).map((r) => r.indicatorId));
  return { reviewed: ids.filter((id) => reviewed.has(id)).length, total: ids.length };
}

/** Everything the review workspace shows for one target, with live scores. */
export function targetReview(store: AssessmentStore, assessmentId: string, targetId: number, scores: ScoreCache): TargetReviewView {
  const ruleset = store.rulesetSnapshot();
  const target = store.getTarget(targetId);
  const score = scores.detail(targetId);
  const findings = store.listFindings({ targetId });
  const reviewed = new Set(store.listReviewedIndicators(targetId).map((r) => r.indicatorId));
  const tree = buildChecklist({ ruleset, target, score, findings, reviewed });
  const places = placesById(ruleset);
  return {
    target: targetInfo(ruleset, target),
    score: {
      total: score.total,
      basic: score.basic,
      bonus: score.bonus,
      negative: score.negative,
      grade: score.grade,
      rank: score.rank,
      complete: score.complete,
      veto: score.veto,
      vetoReasons: score.vetoReasons,
    },
    tree,
    findings: findings.map((f) => toFindingView(f, places)),
    evidence: store.listEvidence({ targetId }).map((e) => toEvidenceView(e, assessmentId)),
    visits: store.listVisits(targetId, 30),
    progress: progressOf(tree),
  };
}

function targetInfo(ruleset: Ruleset, t: Target) {
  return {
    id: t.id,
    kind: t.kind,
    name: t.name,
    unit: t.unit,
    url: t.url,
    classLabel: classLabel(ruleset, t.classId),
    platform: t.platform,
    identifier: t.identifier,
    attributes: t.attributes,
  };
}
