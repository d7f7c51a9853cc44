/** Shapes the renderer receives. Kept flat and serialisable (they cross IPC or HTTP). */
import type { Ruleset } from '../ruleset/types';

export interface AppInfo {
  version: string;
  workspaceDir: string;
  /** 'desktop' in Electron, 'browser' when served by `kaoping serve`. */
  mode: 'desktop' | 'browser';
}

export interface RulesetSummary {
  id: string;
  name: string;
  /** Library entries (issue 16): where it is, and open questions that keep it from use. */
  origin?: 'built-in' | 'library';
  pending?: number;
}

export interface AssessmentSummary {
  /** The assessment folder's name inside the workspace: the id the UI passes back. */
  id: string;
  name: string;
  year: number;
  rulesetId: string;
  rulesetName: string;
  websites: number;
  accounts: number;
  createdAt: string;
}

export interface TargetRow {
  id: number;
  kind: 'website' | 'account';
  classLabel: string;
  unit: string;
  name: string;
  url: string | null;
  platform: string | null;
  identifier: string | null;
  findings: number;
  /** Provisional (暂计) while `complete` is false. */
  total: number | null;
  /** null until every applicable indicator is reviewed. */
  grade: string | null;
  rank: number | null;
  complete: boolean;
  veto: boolean;
  vetoReasons: string[];
  /** Suggestions from checks waiting for the reviewer. */
  suggested: number;
  /** Indicators the reviewer has walked, of those that apply. */
  progress: { reviewed: number; total: number };
}

export interface AssessmentOverview {
  id: string;
  name: string;
  year: number;
  rulesetName: string;
  gradeBands: { name: string; min: number }[];
  gradesConfigurable: boolean;
  /** One page of targets (issue 19): those matching the query, from `offset`, in the query's order. */
  targets: TargetRow[];
  /** Targets not yet fully reviewed: their scores are provisional. */
  incomplete: number;
  /** Targets matching the query (all pages). */
  matched: number;
  offset: number;
  /** Every target of the assessment. */
  count: number;
  /** Per class: the numbers the overview shows above the list. */
  summary: ClassSummary[];
  /** The first target (in target order) whose review is not finished, else the first target; null without targets. */
  nextToReview: number | null;
}

export interface ImportPreview {
  ok: boolean;
  /** Rows read per class label. */
  byClass: { label: string; count: number }[];
  /** Section headings and the class each maps to (null: the person importing picks one). */
  sections?: { title: string; classId: string | null; how: 'map' | 'label' | 'name' | null; count: number }[];
  /** The ruleset's classes to pick from. */
  classes?: { id: string; label: string; name: string; kind: 'website' | 'account' }[];
  errors: string[];
  warnings: string[];
}

/** A findings spreadsheet: what it would add (or added), and every error by sheet, row and column. */
export interface FindingsImportView {
  ok: boolean;
  findings: number;
  targets: number;
  errors: string[];
}

export interface VerifyView {
  ok: boolean;
  historyEntries: number;
  evidenceFiles: number;
  firstBreak: string | null;
  /** The signed head of the history chain (recorded in exports). */
  head?: { seq: number; hash: string; keyId: string; signature: string } | null;
  signature?: 'valid' | 'invalid' | 'other-key' | 'missing';
  /** What could not be checked on this computer, in Chinese. */
  notes?: string[];
}

export interface ExportResult {
  /** Path relative to the workspace, for the file link. */
  file: string;
  bytes: number;
}

export interface SelfEvalImportView {
  ok: boolean;
  target: string | null;
  scores: number;
  errors: string[];
}

/** One self-evaluation claim beside the reviewer's score (flagged when the unit claimed more). */
export interface SelfEvalDiffView {
  targetId: number;
  indicatorId: string;
  unit: string;
  level1: string;
  level2: string;
  max: number;
  self: number;
  reviewer: number;
  difference: number;
  flagged: boolean;
  explanation: string;
  material: string;
}

/** One table of a preview: an annex sheet, or an annex of a circular. */
export interface PreviewTable {
  title: string;
  caption?: string;
  headers: string[];
  rows: (string | number | null)[][];
}

/** What an export will hold, shown before the file is written. */
export type ExportPreviewView = (
  | { kind: 'tables'; tables: PreviewTable[] }
  | { kind: 'document'; title: string; lines: string[]; tables: PreviewTable[] }
  | { kind: 'files'; files: { target: string; indicator: string; path: string; url: string; sha256: string; matches: boolean }[] }
) & {
  /** Targets not yet fully reviewed: the UI asks before writing such an export. */
  incomplete: number;
};

/** Availability monitoring of an assessment's websites. */
export interface MonitorStatusView {
  running: boolean;
  startedAt: string | null;
  nextAt: string | null;
  /** Per website: attempts so far, failures and the failure ratio (the veto line is 5%), and where the monitoring falls short of the rule (as the CLI says it). */
  targets: { targetId: number; name: string; attempts: number; failures: number; ratio: number; shortfalls: string[] }[];
}

/** One assessment setting as the settings dialog edits it (the same keys as `kaoping settings --set`). */
export interface SettingRowView {
  key: string;
  label: string;
  hint: string;
  /** '' when unset (the default applies). */
  value: string;
}

// --- Ruleset library (issue 16).

/** One row of the ruleset library screen: a built-in or a library entry (newest version). */
export interface RulesetLibraryRow {
  id: string;
  name: string;
  origin: 'built-in' | 'library';
  /** The scheme's edition ("2021.1"). */
  edition: string;
  /** Library versions, oldest first; empty for built-ins. */
  versions: { version: number; savedAt: string; note: string }[];
  /** Open questions of the newest version. */
  pending: number;
  basedOn?: string;
  indicators: number;
}

/** A ruleset as the editor loads it: validated when loaded (and again on save), its import report if any. */
export interface RulesetDocumentView {
  ruleset: Ruleset;
  origin: 'built-in' | 'library';
  version: number | null;
  importReport: unknown;
}

export interface RulesetSavedView {
  id: string;
  version: number;
  pending: number;
}

// Ruleset versions (issue 16, version browser).

/** One saved version of a library ruleset. */
export interface RulesetVersionRow {
  version: number;
  /** ISO time of the save; '' when the log has no line for it. */
  savedAt: string;
  note: string;
  /** The scheme's own name and edition in that version. */
  name: string;
  edition: string;
  indicators: number;
  pending: number;
}

/** One change between two versions, in the words of the scheme. */
export interface RulesetChange {
  change: 'added' | 'removed' | 'changed';
  /** "健康情况/可用性", "等次分数线（第一类…）": where a reader finds it. */
  where: string;
  /** "分值 2 → 3；第1条：每处扣分 0.2 分 → 每处扣分 0.5 分". */
  text: string;
}

// --- The paged overview (issue 19): search, filter and sort run on the host; a page crosses.

export const TARGET_SORTS = ['order', 'rank', 'score', 'name', 'progress'] as const;
/** 'order': as imported; 'rank': class by class, by rank; 'name': by unit then name. */
export type TargetSort = (typeof TARGET_SORTS)[number];

export interface TargetQuery {
  /** Part of the unit, site or account name, URL, account identifier or platform. */
  text?: string;
  classId?: string;
  kind?: 'website' | 'account';
  /** Websites with an address only (what automated checks can open). */
  hasUrl?: boolean;
  /** 'todo': indicators left to review; 'done': every applicable indicator reviewed. */
  status?: 'todo' | 'done';
  /** With (true) or without (false) suggestions waiting for the reviewer. */
  suggested?: boolean;
  veto?: boolean;
  /** Targets with this grade (complete targets only have one). */
  grade?: string;
  sort?: TargetSort;
  desc?: boolean;
}

export interface ClassSummary {
  classId: string;
  label: string;
  name: string;
  kind: 'website' | 'account';
  targets: number;
  /** Every applicable indicator reviewed. */
  reviewed: number;
  /** Scores final (reviewed, or decided by a veto). */
  complete: number;
  vetoed: number;
  /** Targets with suggestions waiting for the reviewer. */
  suggested: number;
  /** Complete targets per grade, in the order grades first appear. */
  grades: { grade: string; count: number }[];
}

/**
 * What one review action changed: the target's overview row, the ranks that
 * moved in its class, and the numbers above the list. `reload` is true when the
 * change could move any target (the UI then reloads its page).
 */
export interface TargetDelta {
  /** null when the target is not known (a repeated request for a finding since deleted): then `reload` is true. */
  row: TargetRow | null;
  ranks: { targetId: number; rank: number | null }[];
  reload: boolean;
  incomplete: number;
  summary: ClassSummary[];
}
