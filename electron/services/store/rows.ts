import type { Evidence, EvidenceKind, Finding, FindingStatus, ReviewRequest, Target } from '../../../shared/domain/types';

/** Row shapes as SQLite returns them, and their mapping to domain records. */
export interface TargetRow {
  id: number;
  kind: Target['kind'];
  unit: string;
  name: string;
  url: string | null;
  class_id: string;
  attributes_json: string;
  identifier: string | null;
  platform: string | null;
}
export const toTarget = (r: TargetRow): Target => ({
  id: r.id,
  kind: r.kind,
  unit: r.unit,
  name: r.name,
  url: r.url,
  classId: r.class_id,
  attributes: JSON.parse(r.attributes_json) as Record<string, boolean>,
  identifier: r.identifier,
  platform: r.platform,
});

export interface FindingRow {
  id: number;
  target_id: number;
  indicator_id: string;
  rule: number;
  count: number;
  note: string;
  status: FindingStatus;
  source: string | null;
  reviewer: string;
  created_at: string;
  updated_at: string;
  evidence_ids: string | null;
}
export const toFinding = (r: FindingRow): Finding => ({
  id: r.id,
  targetId: r.target_id,
  indicatorId: r.indicator_id,
  rule: r.rule,
  count: r.count,
  note: r.note,
  status: r.status,
  source: r.source,
  reviewer: r.reviewer,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  evidenceIds: r.evidence_ids
    ? r.evidence_ids
        .split(',')
        .map(Number)
        .sort((a, b) => a - b)
    : [],
});

export interface EvidenceRow {
  id: number;
  sha256: string;
  kind: EvidenceKind;
  file: string;
  url: string | null;
  title: string | null;
  captured_at: string;
  viewport: string | null;
  target_id: number | null;
  indicator_id: string | null;
  derived_from: number | null;
  removed: number;
}
export const toEvidence = (r: EvidenceRow): Evidence => ({
  id: r.id,
  sha256: r.sha256,
  kind: r.kind,
  file: r.file,
  url: r.url,
  title: r.title,
  capturedAt: r.captured_at,
  viewport: r.viewport,
  targetId: r.target_id,
  indicatorId: r.indicator_id,
  derivedFrom: r.derived_from,
  removed: r.removed === 1,
});

export interface ReviewRow {
  id: number;
  target_id: number;
  reason: string;
  status: ReviewRequest['status'];
  outcome: string;
  created_at: string;
  closed_at: string | null;
  received_on: string | null;
}
export const toReview = (r: ReviewRow): ReviewRequest => ({
  id: r.id,
  targetId: r.target_id,
  reason: r.reason,
  status: r.status,
  outcome: r.outcome,
  createdAt: r.created_at,
  closedAt: r.closed_at,
  receivedOn: r.received_on,
});

/** The state of a finding that the history records and verification compares. */
export const findingState = (f: Finding) => ({
  targetId: f.targetId,
  indicatorId: f.indicatorId,
  rule: f.rule,
  count: f.count,
  status: f.status,
  note: f.note,
  evidenceIds: f.evidenceIds,
});
