import type { GradeBand, GradeLines, TargetKind } from '../domain/types';
import type { TieRule } from '../ruleset/types';

export interface ScoringTarget {
  id: number;
  name: string;
  kind: TargetKind;
  classId: string;
  attributes: Record<string, boolean>;
  /** 主管单位, for rolling accounts up to their unit. */
  unit?: string;
}

/** A confirmed finding: only confirmed findings reach the engine. */
export interface ScoringFinding {
  id: number;
  targetId: number;
  indicatorId: string;
  rule: number;
  count: number;
  note: string;
  evidenceIds: number[];
}

/** One line of the explanation tree, down to each finding. */
export interface Explanation {
  text: string;
  /** Signed points this node contributes (rounded), when it has a value. */
  points?: number;
  findingIds?: number[];
  children?: Explanation[];
}

export interface IndicatorResult {
  indicatorId: string;
  path: string;
  applicable: boolean;
  /** Effective weight after transfers. */
  weight: number;
  score: number;
  /** Signed change from the full weight (deductions negative, bonuses positive). */
  change: number;
  /** Why, down to each finding; absent where nothing was found. */
  explanation?: Explanation;
}

export interface SectionResult {
  id: string;
  name: string;
  part: 'basic' | 'bonus' | 'negative';
  score: number;
  max: number;
}

export interface TargetScore {
  targetId: number;
  name: string;
  kind: TargetKind;
  classId: string;
  veto: boolean;
  vetoReasons: string[];
  sections: SectionResult[];
  indicators: IndicatorResult[];
  /** The basic part after normalisation; null for veto-only accounts and vetoed targets. */
  basic: number | null;
  bonus: number;
  negative: number;
  /** null when vetoed (and for veto-only accounts). Provisional (暂计) while `complete` is false. */
  total: number | null;
  /** null until the target is complete. */
  grade: string | null;
  /** Within the class, over complete targets; null while incomplete and for veto-only accounts. */
  rank: number | null;
  /** Every applicable indicator reviewed, or the target decided by a veto. */
  complete: boolean;
  /** Applicable indicators reviewed, of those that apply. */
  progress: { reviewed: number; total: number };
  explanation: Explanation[];
}

export interface ScoreOptions {
  /** The assessment's general grade bands (configurable per assessment); the ruleset's by default. */
  gradeBands?: GradeBand[];
  /** The assessment's grade lines per kind and class (see grades.ts for which wins). */
  gradeLines?: Omit<GradeLines, 'all'>;
  /**
   * Reviewed indicator ids per target id. When given, a target whose applicable
   * indicators are not all reviewed is provisional: no grade, no rank. When absent
   * (hand-computed fixtures, benchmarks) every target counts as reviewed.
   */
  reviewed?: ReadonlyMap<number, ReadonlySet<string>>;
  /** Tie rule over the ruleset's. */
  ties?: TieRule;
  /**
   * Per-indicator results and the explanation tree (default true). Lists that
   * show totals only turn it off: at 10,000 targets they are most of the work.
   * A set of target ids gives them to those targets only (the one being viewed)
   * and totals to the rest.
   */
  detail?: boolean | ReadonlySet<number>;
}
