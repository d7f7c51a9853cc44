/**
 * The "存在的突出问题" text of the Zhanjiang lists: built from the engine's veto
 * reasons and the confirmed findings (veto first), unless the reviewer wrote an
 * override for the target before exporting.
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

/** Problem phrases for one target, veto reasons first, repeats removed, joined with "；". */
export function problemText(row: ResultRow, findings: readonly ExportFinding[]): string {
  const confirmed = findings.filter((f) => f.targetId === row.target.id && f.status === 'confirmed');
  const phrases = [
    ...row.score.vetoReasons,
    ...confirmed.filter((f) => f.veto).map(findingPhrase),
    ...confirmed.filter((f) => !f.veto).map(findingPhrase),
  ]
    .map((p) => p.trim())
    .filter(Boolean);
  // A veto reason ("内容不更新：2周以上未更新") already says what its finding says.
  return phrases.filter((p, i) => !phrases.slice(0, i).some((earlier) => earlier.includes(p))).join('；');
}

/**
 * Targets of one kind with prominent problems: those that failed (veto or 不合格), plus
 * any target the reviewer gave a non-empty override. Order: class order, then rank.
 */
export function problemRows(data: ExportAssessmentData, kind: TargetKind, overrides: ProblemOverrides = {}): ProblemRow[] {
  const findingsByTarget = new Map<string, ExportFinding[]>();
  for (const f of data.findings) {
    const list = findingsByTarget.get(f.targetId) ?? [];
    list.push(f);
    findingsByTarget.set(f.targetId, list);
  }
  const out: ProblemRow[] = [];
  for (const row of resultsOfKind(data, kind)) {
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
