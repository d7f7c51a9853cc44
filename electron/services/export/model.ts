/**
 * What the exporters read: a flat, already-scored view of one assessment. It is the
 * minimal interface export/ needs from the store and the scoring engine; `from-store`
 * adapts their real types to it, so the formats stay independent of storage details.
 */

export type TargetKind = 'website' | 'newmedia';

import type { AssessmentSettings } from '../../../shared/domain/types';

/** One target class (e.g. 县区门户网站), ranked and titled separately in the annexes. */
export interface ExportClass {
  id: string;
  /** The name documents print (the ruleset's class title, free of place names). */
  name: string;
  kind: TargetKind;
  /** Accounts judged on vetoes only: no scores, no rank; lists name account and platform. */
  vetoOnly?: boolean;
  /** Accounts roll up to their unit (seed 002 annex 2): `units` holds the results. */
  byUnit?: boolean;
  /** 一级指标 columns of the annex, in ruleset order. */
  sections: ExportSection[];
}

export interface ExportSection {
  id: string;
  name: string;
  max: number;
}

export interface ExportTarget {
  id: string;
  kind: TargetKind;
  classId: string;
  /** 网站名称 / 新媒体名称 (for a unit-level target, the unit). */
  name: string;
  /** 主办单位. */
  unit: string;
  url?: string;
  /** 第三方平台 for new media (微信号, 快手短视频号, 南方号…). */
  platform?: string;
  /** 政府网站标识码 or 新媒体标识码. */
  identifier?: string;
  /** Region or owner grouping (赤坎区, 市直), used when naming units in a circular. */
  region?: string;
}

/** The engine's result for one target. */
export interface ExportScore {
  targetId: string;
  veto: boolean;
  vetoReasons: string[];
  /** Score per section id. */
  sections: Record<string, number>;
  basic: number;
  bonus: number;
  total: number;
  /** 优秀 / 良好 / 合格 / 不合格; null where the ruleset has no grades or the target is not fully reviewed. */
  grade: string | null;
  /** Rank within class, 1-based; null while incomplete and for veto-only accounts. */
  rank: number | null;
  /** False while the target is not fully reviewed: its total is provisional (暂计). Absent means complete. */
  complete?: boolean;
  progress?: { reviewed: number; total: number };
  /** One line per rule applied, for the detail export. */
  explanation?: string[];
}

/** Score of one indicator for one target, for the detail export. */
export interface ExportIndicatorScore {
  targetId: string;
  indicatorId: string;
  indicatorName: string;
  sectionName: string;
  score: number;
  max: number;
  note?: string;
}

export interface ExportEvidence {
  id: string;
  /** Path relative to the assessment's evidence root. */
  path: string;
  url: string;
  /** ISO timestamp of capture. */
  capturedAt: string;
  sha256: string;
  title?: string;
  kind?: string;
}

export type FindingStatus = 'confirmed' | 'suggested' | 'dismissed';

export interface ExportFinding {
  id: string;
  targetId: string;
  indicatorId: string;
  indicatorName: string;
  sectionName?: string;
  /** The rule text (评分细则) the finding applies. */
  ruleText?: string;
  /** Short problem phrase as it should appear in a problem list (多个栏目长期未更新). */
  problem?: string;
  note?: string;
  occurrences?: number;
  points?: number;
  status: FindingStatus;
  veto: boolean;
  evidence: ExportEvidence[];
}

export interface ExportMeta {
  /** Assessment name (2019年度政府网站和政务新媒体考评). */
  name: string;
  /** The assessed year, e.g. 2019 for the 2020 circular on 2019 results. */
  year: number;
  /** 1–4 for quarterly inspections. */
  quarter?: number;
  /** 潮州市 / 湛江市 — the region named in titles. */
  region: string;
  /** 发文机关全称 (湛江市人民政府办公室). */
  issuer: string;
  /** Sampling period (ISO dates) for inspection notes. */
  periodStart?: string;
  periodEnd?: string;
  /** 'annual', 'q1'…'q4' or a custom period name; `quarter` (or annual) when absent. */
  period?: string;
  /** The assessment's document settings (主送, 抄送, 文号, dates, 公开方式, numbers …). */
  settings?: AssessmentSettings;
}

/** One unit's rolled-up new-media result (classes with `byUnit`). */
export interface ExportUnit {
  id: string;
  classId: string;
  unit: string;
  accountIds: string[];
  score: ExportScore;
}

export interface ExportAssessmentData {
  meta: ExportMeta;
  classes: ExportClass[];
  targets: ExportTarget[];
  scores: ExportScore[];
  findings: ExportFinding[];
  indicatorScores?: ExportIndicatorScore[];
  /** Unit results of `byUnit` classes. */
  units?: ExportUnit[];
  /** Absolute folder that evidence paths are relative to. */
  evidenceRoot?: string;
  /** The signed head of the assessment's history ("seq:hash:keyId:signature"), recorded in the export. */
  chainHead?: string;
}
