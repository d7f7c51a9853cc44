/** Shapes the renderer receives. Kept flat and serialisable (they cross IPC or HTTP). */

export interface AppInfo {
  version: string;
  workspaceDir: string;
  /** 'desktop' in Electron, 'browser' when served by `kaoping serve`. */
  mode: 'desktop' | 'browser';
}

export interface RulesetSummary {
  id: string;
  name: string;
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
  total: number | null;
  grade: string;
  rank: number | null;
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
  targets: TargetRow[];
}

export interface ImportPreview {
  ok: boolean;
  /** Rows read per class label. */
  byClass: { label: string; count: number }[];
  errors: string[];
  warnings: string[];
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
export type ExportPreviewView =
  | { kind: 'tables'; tables: PreviewTable[] }
  | { kind: 'document'; title: string; lines: string[]; tables: PreviewTable[] }
  | { kind: 'files'; files: { target: string; indicator: string; path: string; url: string; sha256: string; matches: boolean }[] };

/** Availability monitoring of an assessment's websites. */
export interface MonitorStatusView {
  running: boolean;
  startedAt: string | null;
  nextAt: string | null;
  /** Per website: attempts so far, failures and the failure ratio (the veto line is 5%). */
  targets: { targetId: number; name: string; attempts: number; failures: number; ratio: number }[];
}
