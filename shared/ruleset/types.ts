/**
 * A ruleset (考评方案) as data: parts → sections (一级指标) → indicators (二级, with
 * optional 三级 children) → numbered rules (评分细则). Encoded from the source
 * documents in resources/rulesets/*.json and validated on load (schema.ts).
 */
import type { GradeBand, TargetKind } from '../domain/types';
import type { DetectSpec } from '../checks/detects';

export type PartKind = 'veto' | 'basic' | 'bonus' | 'negative';

/**
 * What one rule does when a confirmed finding cites it (count = occurrences):
 * - veto: the target fails (单项否决);
 * - fixed: deduct `points` once;
 * - per-occurrence: deduct `points` × count;
 * - zero: the indicator scores nothing (此项不得分);
 * - percent: deduct `percent`% of the indicator's weight (× count when perOccurrence);
 * - fixed-bonus / per-occurrence-bonus: add `points` (× count);
 * - tiered-bonus: add the points of the highest tier whose `min` the count reaches.
 * Deductions and bonuses within one indicator never exceed its weight (扣完为止).
 */
export type RuleKind = 'veto' | 'fixed' | 'per-occurrence' | 'zero' | 'percent' | 'fixed-bonus' | 'per-occurrence-bonus' | 'tiered-bonus';

export interface Rule {
  /** The 评分细则 item number, 1-based. */
  n: number;
  text: string;
  kind: RuleKind;
  points?: number;
  percent?: number;
  perOccurrence?: boolean;
  /** A cap below the indicator weight for this rule alone. */
  cap?: number;
  tiers?: { min: number; points: number }[];
  /** A short phrase for problem lists (多个栏目长期未更新). */
  problem?: string;
  /**
   * The observations of automated checks or review forms this rule scores:
   * a suggestion for the rule is made when its check observes them.
   */
  detects?: DetectSpec[];
}

/** Where an indicator or section applies; every listed condition must hold. */
export interface Applicability {
  kinds?: TargetKind[];
  classes?: string[];
  /** Attribute values required (a missing attribute counts as the class default, else true). */
  attributes?: Record<string, boolean>;
}

export interface Indicator {
  /** Stable id, unique in the ruleset (e.g. "basic.health.availability"). */
  id: string;
  name: string;
  weight: number;
  rules: Rule[];
  appliesTo?: Applicability;
  note?: string;
  /** 三级指标, when the seed has them; the parent's weight is their sum. */
  children?: Indicator[];
}

export interface Section {
  id: string;
  name: string;
  /** The section's maximum as the seed states it (sum of its indicator weights). */
  max: number;
  appliesTo?: Applicability;
  indicators: Indicator[];
}

export interface Part {
  id: string;
  kind: PartKind;
  name: string;
  /** Maximum points of the part (100 basic, 25 bonus …); 0 for veto. */
  max: number;
  appliesTo?: Applicability;
  sections: Section[];
}

export interface TargetClass {
  id: string;
  /** As the seed names it: 第一类. */
  label: string;
  /** Full name: 各县（市、区）政府门户网站. */
  name: string;
  /**
   * The name documents use for the class, free of any one city's place names
   * (县（市、区）政府（管委会）门户网站); `name` when absent.
   */
  title?: string;
  kind: TargetKind;
  /** Attribute defaults of the class (e.g. hasExternalServices: false for 第三类). */
  defaults?: Record<string, boolean>;
}

/** Weight moved from one indicator to others (split evenly) when `when` holds. */
export interface WeightTransfer {
  from: string;
  to: string[];
  when: Applicability;
  note: string;
}

export interface Ruleset extends RulesetLibraryFields {
  id: string;
  name: string;
  version: string;
  /** Which source document it was encoded from. */
  source: string;
  classes: TargetClass[];
  parts: Part[];
  transfers: WeightTransfer[];
  /**
   * Basis normalisation: when indicators do not apply, the basic part is scored on
   * the applicable maximum and scaled to the part's maximum (85 → ×100/85).
   */
  normaliseBasic: boolean;
  thresholds: {
    /** Below this total a target fails (不合格). */
    pass?: number;
    /** Bonus counts only when the basic score is above this. */
    bonusOnlyAbove?: number;
  };
  grades: {
    bands: GradeBand[];
    /** The grade of a vetoed or failing target. */
    failName: string;
    /** True where the seed names grades without cut-offs: the bands are our default. */
    configurable: boolean;
    note?: string;
    /** Grade lines for one kind of target (websites and new media are graded differently in seed 002). */
    byKind?: Partial<Record<TargetKind, GradeBand[]>>;
    /** Grade lines for one class (by class id); they win over `byKind`. */
    byClass?: Record<string, GradeBand[]>;
  };
  /** How accounts are judged where the ruleset scores them only by vetoes. */
  accountScoring?: 'scored' | 'veto-only';
  /** The ranking rule; sequential ties when absent (seed 002). */
  ranking?: RankingRule;
  /**
   * 'unit': a unit's accounts roll up to one result per unit (the mean of their
   * section scores, vetoed when any account is), as seed 002's annex 2 lists them.
   */
  accountResults?: AccountResults;
}

export type TieRule = 'shared' | 'sequential';

/** How the classes are ranked (appended; rulesets without it rank as seed 002 does). */
export interface RankingRule {
  /** Equal totals: 'shared' ranks 1,1,3 (并列); 'sequential' ranks 1,2,3 in list order, as seed 002 prints. */
  ties?: TieRule;
}

/** How account results reach documents (appended; 'account' when absent). */
export type AccountResults = 'account' | 'unit';
// --- Ruleset library (issue 16): provenance, versions and the decisions an import left open.

/** What an import could not settle from the wording; a person decides in the editor. */
export type DecisionTopic = 'rule-kind' | 'transfer' | 'basis' | 'applicability' | 'classes' | 'weight' | 'other';

/**
 * One open question of an imported scheme. A ruleset with open questions can be
 * kept and edited in the library but not used to create an assessment.
 */
export interface PendingDecision {
  /** Unique in the ruleset ("d7"). */
  id: string;
  topic: DecisionTopic;
  /** The indicator it concerns, and the rule number where it is one rule. */
  indicatorId?: string;
  rule?: number;
  /** The scheme's own wording. */
  text: string;
  /** Why a person must decide (Chinese). */
  reason: string;
  /** For a transfer note: the indicators its quoted names resolve to. */
  transfer?: { from: string; to: string[] };
}

/** Library fields appended to a ruleset file (all optional: built-ins have none). */
export interface RulesetLibraryFields {
  /** The ruleset this one was copied from ("zhanjiang-2021@2021.1"). */
  basedOn?: string;
  /** The library version (1, 2, …) this file is; absent for built-ins. */
  libraryVersion?: number;
  /** Questions the import left open. */
  pending?: PendingDecision[];
}
