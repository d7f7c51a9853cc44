import type { CheckNoteView } from '../checks/notes';
/** What the review workspace shows for one target: the checklist with live scores, findings, evidence. */
import type { EvidenceKind, FindingStatus, TargetKind, Visit } from '../domain/types';
import type { RuleKind } from '../ruleset/types';
import type { Explanation } from '../scoring/types';

export interface ChecklistRule {
  n: number;
  text: string;
  kind: RuleKind;
}

/**
 * One node of the checklist tree: a part (单项否决, 基础性指标 …), a section
 * (一级指标) or an indicator (二级/三级), with its live score.
 */
export interface ChecklistNode {
  /** Indicator id for leaves; part or section id otherwise. */
  id: string;
  level: 'part' | 'section' | 'indicator';
  name: string;
  /** "<一级>/<二级>" for leaves, as the CLI and suggestions write it. */
  path: string;
  veto: boolean;
  applicable: boolean;
  /** Effective weight after transfers (null for veto items and parts). */
  weight: number | null;
  score: number | null;
  /** Signed change from full marks (deductions negative). */
  change: number;
  reviewed: boolean;
  confirmed: number;
  suggested: number;
  rules: ChecklistRule[];
  note: string;
  explanation: Explanation | null;
  children: ChecklistNode[];
}

export interface FindingView {
  id: number;
  indicatorId: string;
  indicatorPath: string;
  rule: number;
  ruleText: string;
  count: number;
  note: string;
  status: FindingStatus;
  /** The check or form that suggested it; null for the reviewer's own finding. */
  source: string | null;
  reviewer: string;
  updatedAt: string;
  evidenceIds: number[];
}

export interface EvidenceView {
  id: number;
  kind: EvidenceKind;
  /** Workspace-relative path for fileUrl(): "<assessment>/evidence/<sha256>.<ext>". */
  file: string;
  sha256: string;
  url: string | null;
  title: string | null;
  capturedAt: string;
  viewport: string | null;
  indicatorId: string | null;
  derivedFrom: number | null;
}

export interface ReviewTargetInfo {
  id: number;
  kind: TargetKind;
  name: string;
  unit: string;
  url: string | null;
  classLabel: string;
  platform: string | null;
  identifier: string | null;
  attributes: Record<string, boolean>;
}

export interface ScoreSummary {
  total: number | null;
  basic: number | null;
  bonus: number;
  negative: number;
  /** null while the target is not fully reviewed (the total is then 暂计). */
  grade: string | null;
  rank: number | null;
  complete: boolean;
  veto: boolean;
  vetoReasons: string[];
}

export interface TargetReviewView {
  target: ReviewTargetInfo;
  score: ScoreSummary;
  tree: ChecklistNode[];
  findings: FindingView[];
  evidence: EvidenceView[];
  visits: Visit[];
  progress: { reviewed: number; total: number };
}

/** A check run the UI follows with a progress bar and may cancel. */
export interface CheckRunView {
  runId: string;
  running: boolean;
  cancelled: boolean;
  /** One line per phase, newest last. */
  lines: string[];
  /** While running: the site being checked and how far (pages crawled, links checked), e.g. "正在检查 某某网站：已抓取 120/约 800 页". */
  current: string;
  /** 0..1 of the whole run, moving with the pages crawled and links checked within each site. */
  fraction: number;
  suggestions: number;
  /** What the checks saw that no rule scores (also kept with each target). */
  notes: CheckNoteView[];
  /** One line per site: pages fetched and the bound that cut the crawl short, if any. */
  coverage: string[];
  error: string | null;
}

/** One question of the new-media review form and where its answer is scored. */
export interface AccountFormField {
  key: string;
  label: string;
  type: 'date' | 'boolean' | 'count' | 'text';
  hint: string;
  /** Where a problem found here is recorded: "单项否决/内容不更新 第1条（本账号）". */
  scoredAs: string[];
}

export interface AccountFormView {
  targetId: number;
  fields: AccountFormField[];
  answers: Record<string, string | number | boolean | number[] | null>;
  updatedAt: string | null;
}

/** The applicable leaf indicators of a checklist, in order: what "next indicator" walks and progress counts. */
export function checklistLeaves(tree: readonly ChecklistNode[]): ChecklistNode[] {
  const out: ChecklistNode[] = [];
  const visit = (n: ChecklistNode) => {
    if (n.level === 'indicator' && n.children.length === 0) {
      if (n.applicable) out.push(n);
      return;
    }
    n.children.forEach(visit);
  };
  tree.forEach(visit);
  return out;
}
