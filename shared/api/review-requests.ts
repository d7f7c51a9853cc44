/** Shapes of the feedback and review round (反馈与复核) as the UI and `review-request list --json` receive them. */
import type { ReviewEffect } from '../domain/types';

export interface ReviewItemView {
  indicatorId: string;
  /** "一级指标/二级指标". */
  indicatorPath: string;
  /** The indicator's weight for this target (after transfers). */
  max: number;
  /** What the unit asks for on it (its full weight unless the request names a figure). */
  requested: number;
  /** The unit's self-evaluation score on it, or null when it gave none. */
  self: number | null;
  /** The reviewer's score on it now. */
  reviewer: number;
  /** The unit asks for more than its own self-evaluation claimed: 不受理 under the Zhanjiang scheme. */
  contradictsSelfEval: boolean;
  decision: 'accepted' | 'rejected' | null;
  decisionReason: string;
  effect: ReviewEffect | null;
}

export interface ReviewAttachmentView {
  evidenceId: number;
  title: string;
  file: string;
  sha256: string;
}

export interface ReviewRequestView {
  id: number;
  targetId: number;
  unit: string;
  targetName: string;
  classLabel: string;
  reason: string;
  receivedOn: string | null;
  /** The day the preliminary result was first sent to this target's unit, or null when none was recorded. */
  sentOn: string | null;
  /** The last working day of the window, or null without a sending date. */
  deadline: string | null;
  /** Which working day after sending the request arrived on (1 = first), or null. */
  workingDay: number | null;
  /** null when the window cannot be computed (no sending recorded). */
  inTime: boolean | null;
  /** Why the window could not be computed, in Chinese (calendar year missing, nothing sent). */
  windowNote: string;
  contradictsSelfEval: boolean;
  status: 'open' | 'accepted' | 'rejected';
  attachments: ReviewAttachmentView[];
  items: ReviewItemView[];
  /** The history entries of this request: its own (opened, decided, closed) and the finding changes made on accepting it. */
  history: { seq: number; at: string; actor: string; action: string; subject: string; reason: string }[];
  createdAt: string;
  closedAt: string | null;
}

/** Outcome of writing the preliminary results. */
export interface FeedbackResultView {
  sentOn: string;
  /** The last day for review requests, or null with `windowNote` saying why (a year the calendar lacks). */
  deadline: string | null;
  windowNote: string;
  folder: string;
  zip: string;
  files: { unit: string; file: string; targets: number; sha256: string }[];
}
