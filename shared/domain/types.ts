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

/** Grade lines of one assessment: general, per kind and per class (the more specific wins). */
export interface GradeLines {
  all?: GradeBand[];
  byKind?: Partial<Record<TargetKind, GradeBand[]>>;
  byClass?: Record<string, GradeBand[]>;
}

/**
 * An assessment's document and ranking settings (appended; every field optional,
 * so assessments from earlier versions read as `{}` and take the defaults).
 */
export interface AssessmentSettings {
  /** 'annual', 'q1'…'q4', or a custom period name (2021年上半年). */
  period?: string;
  /** Sampling window (ISO dates): "注：检查采样时间为…". */
  samplingFrom?: string;
  samplingTo?: string;
  /** 整改报送期限 (ISO date). */
  rectifyBy?: string;
  /** 监测时间点 (ISO date). */
  monitoringDate?: string;
  docNumber?: string;
  /** 主送机关 (ending in a full-width colon). */
  addressee?: string;
  /** 抄送 (without the "抄送：" label). */
  copyTo?: string;
  /** 印发机关. */
  printedBy?: string;
  /** 发文机关署名. */
  signature?: string;
  /** 成文日期 and 印发日期 (ISO dates). */
  date?: string;
  printDate?: string;
  /** 公开方式 (主动公开, 依申请公开, 不予公开). */
  publicity?: string;
  /** The circular title with manual line breaks ("|" or newline); automatic when absent. */
  title?: string;
  /** Region short name for 抄送 items such as "驻湛各部队" (the region's first character when absent). */
  regionShort?: string;
  /** Grade lines per kind and class, over the ruleset's. */
  grades?: Omit<GradeLines, 'all'>;
  /** Equal totals: 'shared' (1,1,3) or 'sequential' (1,2,3). */
  ties?: 'shared' | 'sequential';
  /** Scores in documents: 'trim' prints 85.62, 78.1, 71 (seed 002); 'fixed2' prints 78.10, 71.00. */
  numbers?: 'trim' | 'fixed2';
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
  settings: AssessmentSettings;
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
  /** The day the office received the request ("YYYY-MM-DD", China time). */
  receivedOn: string | null;
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

/** What accepting a disputed indicator changed: the target's score and rank before and after, and the finding changes made. */
export interface ReviewEffect {
  totalBefore: number | null;
  totalAfter: number | null;
  rankBefore: number | null;
  rankAfter: number | null;
  indicatorBefore: number;
  indicatorAfter: number;
  /** In Chinese: "撤回问题 #12（第1条 ×3）", "问题 #13 次数 3→1", "补记问题 #20（第2条 ×1）". */
  changes: string[];
}

/** One disputed indicator of a review request and the reviewer's decision on it. */
export interface ReviewRequestItem {
  requestId: number;
  indicatorId: string;
  /** The score the unit asks for on this indicator; null: the indicator's full weight. */
  requested: number | null;
  decision: 'accepted' | 'rejected' | null;
  decisionReason: string;
  effect: ReviewEffect | null;
  decidedAt: string | null;
}

/** A preliminary result (初步考评结果反馈单) sent to a target's unit on a day. */
export interface FeedbackSending {
  id: number;
  targetId: number;
  /** "YYYY-MM-DD": the window for review requests counts from this day. */
  sentOn: string;
  /** The document's file name. */
  file: string;
  sha256: string;
  createdAt: string;
}
