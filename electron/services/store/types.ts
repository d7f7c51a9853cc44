import type { Ruleset } from '../../../shared/ruleset/types';
import type { CheckNoteView } from '../../../shared/checks/notes';
import type {
  AssessmentInfo,
  Evidence,
  Finding,
  FindingStatus,
  HistoryEntry,
  MonitorAttempt,
  NewEvidence,
  NewMonitorAttempt,
  NewFinding,
  NewTarget,
  ReviewRequest,
  ReviewEffect,
  ReviewRequestItem,
  FeedbackSending,
  SelfEvalScore,
  Target,
  Visit,
} from '../../../shared/domain/types';

import type { SignedHead } from './chain-seal';

/** How a store is opened: who acts, what time it is, and which native build to load. */
export interface OpenOptions {
  /** Reviewer name written into the history; defaults to the OS user. */
  actor?: string;
  now?: () => Date;
  /** better-sqlite3 compiled for Electron's ABI (the desktop app passes it). */
  nativeBinding?: string;
}

export interface CreateInit {
  name: string;
  year: number;
  rulesetId: string;
  /** The ruleset as it is now: stored so later edits never change this assessment. */
  rulesetSnapshot: Ruleset;
  region?: string;
  issuer?: string;
  gradeBands: AssessmentInfo['gradeBands'];
  settings?: AssessmentInfo['settings'];
}

export interface VerifyReport {
  ok: boolean;
  historyEntries: number;
  evidenceFiles: number;
  /** The first break found, in Chinese, or null. */
  firstBreak: string | null;
  /** The signed head of the history chain (recorded in every export). */
  head: SignedHead | null;
  /** 'other-key': signed on another computer, whose key this one does not hold. */
  signature: 'valid' | 'invalid' | 'other-key' | 'missing';
  /** What verify could not establish here, in Chinese. */
  notes: string[];
}

/**
 * One assessment folder: assessment.sqlite (WAL, foreign keys, migrations) and
 * evidence/ beside it. Every method that changes a score-relevant record appends
 * to the hash-chained history in the same transaction.
 */
export interface AssessmentStore {
  readonly dir: string;
  info(): AssessmentInfo;
  /** The stored ruleset, parsed and validated once per connection and snapshot. */
  rulesetSnapshot(): Ruleset;
  updateInfo(
    patch: Partial<Pick<AssessmentInfo, 'name' | 'region' | 'issuer' | 'gradeBands' | 'reviewWindowDays' | 'settings' | 'monitoringDate'>>,
  ): void;

  listTargets(): Target[];
  getTarget(id: number): Target;
  /** By id, name (unit, site or account name, matchKey-normalised) or URL; throws KaopingError when unknown or ambiguous. */
  findTarget(ref: string): Target;
  addTarget(target: NewTarget): Target;
  /** All or nothing: one transaction. */
  addTargets(targets: NewTarget[]): Target[];
  counts(): { websites: number; accounts: number; findings: number; evidence: number };

  listFindings(filter?: { targetId?: number; status?: FindingStatus }): Finding[];
  getFinding(id: number): Finding;
  addFinding(finding: NewFinding, reason?: string): Finding;
  updateFinding(id: number, patch: Partial<Pick<Finding, 'rule' | 'count' | 'note' | 'status' | 'indicatorId'>>, reason?: string): Finding;
  /** A reason is required: every deletion is explained in the history. */
  deleteFinding(id: number, reason: string): void;
  /**
   * Brings back a deleted finding exactly as the history recorded it before the
   * deletion (status, source, rule, count, note, evidence links), under its own
   * id when that id is still free.
   */
  restoreFinding(id: number, reason: string): Finding;
  /** Refuses evidence of another target (except an account's, for its unit's website) or of another indicator. */
  linkEvidence(findingId: number, evidenceId: number): void;

  /** The stored result of a user action already carried out under this id, or null. */
  recallAction(actionId: string): { method: string; result: unknown } | null;
  /** Records an action's result under its id; a second record of the same id fails (unique key). */
  recordAction(actionId: string, method: string, result: unknown): void;

  /** Content-addressed: the file is stored as evidence/<sha256>.<ext>, never overwritten. */
  addEvidence(content: Buffer, meta: NewEvidence): Evidence;
  /** Copies a file into the evidence store. */
  addEvidenceFile(path: string, meta: Omit<NewEvidence, 'ext'> & { ext?: string }): Evidence;
  listEvidence(filter?: { targetId?: number; findingId?: number; includeRemoved?: boolean }): Evidence[];
  getEvidence(id: number): Evidence;
  /** Marks evidence removed (logged) and detaches it from its findings (logged); the file stays. */
  removeEvidence(id: number, reason: string): void;
  evidencePath(evidence: Evidence): string;

  putSelfEvalScores(targetId: number, scores: Omit<SelfEvalScore, 'targetId' | 'sourceFile'>[], sourceFile: string): void;
  listSelfEvalScores(targetId?: number): SelfEvalScore[];

  addReviewRequest(targetId: number, reason: string): ReviewRequest;
  closeReviewRequest(id: number, status: 'accepted' | 'rejected', outcome: string): ReviewRequest;
  listReviewRequests(targetId?: number): ReviewRequest[];

  /** Availability monitoring: one row per attempt (not in the history chain: they are many and score nothing until a reviewer confirms the suggestion they lead to). */
  addMonitorAttempts(attempts: NewMonitorAttempt[]): void;
  listMonitorAttempts(targetId?: number): MonitorAttempt[];

  /** Review progress: which indicators of a target the reviewer has walked. */
  /** Logged in the history (review.done / review.undo): progress decides whether a score is final. */
  setIndicatorReviewed(targetId: number, indicatorId: string, reviewed: boolean, reason?: string): void;
  listReviewedIndicators(targetId?: number): { targetId: number; indicatorId: string }[];

  /** Pages opened for a target in the embedded browser, newest first. */
  addVisit(targetId: number, url: string, title: string): Visit;
  listVisits(targetId: number, limit?: number): Visit[];

  /** The new-media review form of an account as the reviewer last saved it (the findings it made are in the history). */
  putAccountReview(targetId: number, answers: unknown): void;
  getAccountReview(targetId: number): { answers: unknown; reviewer: string; updatedAt: string } | null;

  /** The feedback and review round: a request with its disputed indicators and attachments, in one transaction. */
  openReviewRequest(request: NewReviewRequest): ReviewRequest;
  getReviewRequest(id: number): ReviewRequest;
  listReviewItems(requestId?: number): ReviewRequestItem[];
  listReviewAttachments(requestId: number): number[];
  /** Records the decision on one disputed indicator; the request closes when every indicator is decided. */
  decideReviewItem(
    requestId: number,
    indicatorId: string,
    decision: 'accepted' | 'rejected',
    reason: string,
    effect: ReviewEffect | null,
  ): ReviewRequestItem;
  /** Records that preliminary results were sent (one row per target). */
  recordFeedbackSent(rows: Omit<FeedbackSending, 'id' | 'createdAt'>[]): void;
  listFeedbackSent(targetId?: number): FeedbackSending[];

  /**
   * Notes of the automated checks (not in the history chain: they score nothing).
   * A run replaces a target's notes of the checks it ran.
   */
  replaceCheckNotes(targetId: number, checks: readonly string[], notes: readonly CheckNoteView[]): void;
  listCheckNotes(targetId?: number): CheckNoteView[];
  /**
   * Replaces the ruleset snapshot with another ruleset (a new library version),
   * recorded in the history with the reason; the caller checks the findings fit.
   */
  adoptRuleset(rulesetId: string, snapshot: Ruleset, reason: string): void;

  history(): HistoryEntry[];
  /** How many findings each target has, per status (for lists: no finding rows are read). */
  findingCounts(): { targetId: number; status: FindingStatus; count: number }[];
  /** The sequence number of the newest history entry (0 when there is none). */
  historyHead(): number;
  /** History entries after sequence number `seq`, oldest first: what a cache needs to catch up. */
  historySince(seq: number): Pick<HistoryEntry, 'seq' | 'action' | 'subject' | 'before' | 'after'>[];
  /** When an action was last recorded on a subject (e.g. a file already imported), or null: one indexed lookup, not the whole history. */
  lastRecorded(action: string, subject: string): string | null;
  /** Records an event that changes no table (e.g. a whole-file import) in the history chain. */
  recordEvent(action: string, subject: string, after: unknown, reason?: string): void;
  /** The signed head of the history chain, as exports record it; null before any entry. */
  chainHead(): SignedHead | null;
  /** Runs `work` in one transaction (nested calls join the outer one). */
  transaction<T>(work: () => T): T;
  close(): void;

  // Paged lists (issue 19): the overview reads one page, not every target.
  /** Ids of the targets that match, in target order (or by unit and name). */
  searchTargetIds(filter: TargetSearch): number[];
  /** These targets, in the order given (unknown ids are left out). */
  getTargets(ids: readonly number[]): Target[];
  /** findingCounts for these targets only. */
  findingCountsOf(ids: readonly number[]): { targetId: number; status: FindingStatus; count: number }[];
  /** Per class, how many targets have suggestions waiting for the reviewer. */
  suggestedTargetsByClass(): { classId: string; count: number }[];
}

/** What the database can filter targets on; score filters are the score cache's. */
export interface TargetSearch {
  /** Substring of the unit, name, URL, account identifier or platform (case-insensitive for Latin letters). */
  text?: string;
  classId?: string;
  kind?: 'website' | 'account';
  /** Websites with an address (what automated checks can open). */
  hasUrl?: boolean;
  /** With (true) or without (false) suggestions waiting for the reviewer. */
  suggested?: boolean;
  orderByName?: boolean;
}

export interface NewReviewRequest {
  targetId: number;
  reason: string;
  /** "YYYY-MM-DD". */
  receivedOn: string;
  items: { indicatorId: string; requested: number | null }[];
  /** Evidence ids of the unit's attachments (already stored as evidence). */
  attachmentIds: number[];
}
