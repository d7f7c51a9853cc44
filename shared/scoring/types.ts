import type { GradeBand, TargetKind } from '../domain/types';

export interface ScoringTarget {
  id: number;
  name: string;
  kind: TargetKind;
  classId: string;
  attributes: Record<string, boolean>;
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
  /** null when vetoed (and for veto-only accounts). */
  total: number | null;
  grade: string;
  rank: number | null;
  explanation: Explanation[];
}

export interface ScoreOptions {
  /** The assessment's grade bands (configurable per assessment); the ruleset's by default. */
  gradeBands?: GradeBand[];
}
