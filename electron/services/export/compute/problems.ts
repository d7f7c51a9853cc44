/**
 * The "存在的突出问题" text of the Zhanjiang lists: the short phrases of the rules
 * the confirmed findings cite (the ruleset's `problem` texts, as seed 004 writes
 * them: 多个栏目长期未更新, 检测时间点前1周无更新), vetoes first, unless the
 * reviewer wrote an override for the target before exporting.
 */
import type { ExportAssessmentData, ExportFinding, TargetKind } from '../model';
import { passed, resultsOfKind, type ResultRow } from './results';

/** Reviewer's edits: target id → problem text. An empty string removes the target from the list. */
export type ProblemOverrides = Readonly<Record<string, string>>;

export interface ProblemRow extends ResultRow {
  problem: string;
}

function findingPhrase(finding: ExportFinding): string {
  return (finding.problem ?? finding.note ?? finding.indicatorName).trim();
}

/**
 * Problem phrases for one target, vetoes first, repeats removed, joined with "；".
 * The veto reasons ("指标：细则") are used only where no finding says more (a score
 * report carries no findings).
 */
export function problemText(row: ResultRow, findings: readonly ExportFinding[]): string {
  const confirmed = findings.filter((f) => f.targetId === row.target.id && f.status === 'confirmed');
  const fromFindings = [...confirmed.filter((f) => f.veto), ...confirmed.filter((f) => !f.veto)].map(findingPhrase);
  const phrases = (fromFindings.length ? fromFindings : row.score.vetoReasons.map((r) => r.replace(/^[^：]*：/u, '')))
    .map((p) => p.trim())
    .filter(Boolean);
  return [...new Set(phrases)].join('；');
}

/**
 * Targets of one kind with prominent problems: those that failed (veto or 不合格), plus
 * any target the reviewer gave a non-empty override. Order: class order, then rank.
 * New media are listed per account (seed 004 annex 2), whatever the ruleset rolls up.
 */
export function problemRows(data: ExportAssessmentData, kind: TargetKind, overrides: ProblemOverrides = {}): ProblemRow[] {
  const findingsByTarget = new Map<string, ExportFinding[]>();
  for (const f of data.findings) {
    const list = findingsByTarget.get(f.targetId) ?? [];
    list.push(f);
    findingsByTarget.set(f.targetId, list);
  }
  const out: ProblemRow[] = [];
  for (const row of resultsOfKind(data, kind, { accounts: true })) {
    const override = overrides[row.target.id];
    if (override !== undefined) {
      if (override.trim()) out.push({ ...row, problem: override.trim() });
      continue;
    }
    if (passed(row.score)) continue;
    out.push({ ...row, problem: problemText(row, findingsByTarget.get(row.target.id) ?? []) || '未达到检查指标要求' });
  }
  return out;
}
