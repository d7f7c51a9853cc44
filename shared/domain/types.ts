/**
 * The assessment's records as the store keeps them and the services exchange
 * them. Isomorphic: the renderer receives these shapes through the API contract.
 */

export type TargetKind = 'website' | 'account';
export type FindingStatus = 'suggested' | 'confirmed' | 'dismissed';
export type EvidenceKind = 'screenshot' | 'fullpage' | 'region' | 'mhtml' | 'html' | 'file' | 'annotated';

/** Grade bands, highest first: a total at or above `min` earns `name`. */
export interface GradeBand {
  name: string;
  min: number;
}

export interface AssessmentInfo {
  name: string;
  year: number;
  region: string;
  issuer: string;
  rulesetId: string;
  gradeBands: GradeBand[];
  reviewWindowDays: number;
  createdAt: string;
  /** 监测时间点 (YYYY-MM-DD): the day freshness is judged at; null until set or first checked. */
  monitoringDate: string | null;
}

export interface Target {
  id: number;
  kind: TargetKind;
  /** 主管单位 / 主办单位. */
  unit: string;
  /** Site name, or the account name for new media. */
  name: string;
  url: string | null;
  /** The ruleset class id (websites) or the account class id. */
  classId: string;
  /** e.g. { hasExternalServices: true, hasNewMedia: true, hasPolicyColumn: true }. */
  attributes: Record<string, boolean>;
  /** 新媒体标识码 (accounts) or 网站标识码 (websites), when known. */
  identifier: string | null;
  /** Platform of an account (微信, 新浪微博 …). */
  platform: string | null;
}

export type NewTarget = Omit<Target, 'id'>;

export interface Finding {
  id: number;
  targetId: number;
  indicatorId: string;
  /** 1-based number of the 评分细则 item. */
  rule: number;
  count: number;
  note: string;
  status: FindingStatus;
  /** Which automated check suggested it, or null for a reviewer's own finding. */
  source: string | null;
  reviewer: string;
  createdAt: string;
  updatedAt: string;
  evidenceIds: number[];
}

export interface NewFinding {
  targetId: number;
  indicatorId: string;
  rule: number;
  count: number;
  note?: string;
  status: FindingStatus;
  source?: string | null;
  evidenceIds?: number[];
}

export interface Evidence {
  id: number;
  sha256: string;
  kind: EvidenceKind;
  /** Path relative to the assessment folder: evidence/<sha256>.<ext>. */
  file: string;
  url: string | null;
  title: string | null;
  capturedAt: string;
  viewport: string | null;
  targetId: number | null;
  indicatorId: string | null;
  /** The evidence this one annotates, for annotated copies. */
  derivedFrom: number | null;
  removed: boolean;
}

export interface NewEvidence {
  kind: EvidenceKind;
  url?: string | null;
  title?: string | null;
  capturedAt?: string;
  viewport?: string | null;
  targetId?: number | null;
  indicatorId?: string | null;
  derivedFrom?: number | null;
  /** File extension without the dot (png, mhtml, html, pdf …). */
  ext: string;
}

export interface SelfEvalScore {
  targetId: number;
  indicatorId: string;
  score: number | null;
  explanation: string;
  material: string;
  sourceFile: string;
}

export interface ReviewRequest {
  id: number;
  targetId: number;
  reason: string;
  status: 'open' | 'accepted' | 'rejected';
  outcome: string;
  createdAt: string;
  closedAt: string | null;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  before: unknown;
  after: unknown;
  reason: string;
  prevHash: string;
  hash: string;
}

/** One scheduled visit of availability monitoring (15-second rule). */
export interface MonitorAttempt {
  id: number;
  targetId: number;
  at: string;
  ok: boolean;
  /** HTTP status, 0 when no answer came. */
  status: number;
  ms: number;
  error: string;
}

export type NewMonitorAttempt = Omit<MonitorAttempt, 'id'>;

/** A page the reviewer opened for a target in the embedded browser. */
export interface Visit {
  id: number;
  targetId: number;
  url: string;
  title: string;
  at: string;
}
