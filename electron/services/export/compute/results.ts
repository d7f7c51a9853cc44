/** Joins of targets, classes and scores that every format needs, computed once per export. */
import { KaopingError } from '../../../../shared/errors';
import type { ExportAssessmentData, ExportClass, ExportScore, ExportTarget, TargetKind } from '../model';

export interface ResultRow {
  target: ExportTarget;
  score: ExportScore;
}

export interface ClassResults {
  cls: ExportClass;
  rows: ResultRow[];
}

/** Grades in the order circulars list them. */
export const GRADE_ORDER = ['优秀', '良好', '合格', '不合格'] as const;

/** A target passes when it is not vetoed and not graded 不合格. */
export function passed(score: ExportScore): boolean {
  return !score.veto && score.grade !== '不合格';
}

/**
 * Rows per class in rank order (unranked last, then by total). A score whose target
 * is missing is a data error that names the target id.
 */
export function resultsByClass(data: ExportAssessmentData, kind?: TargetKind): ClassResults[] {
  const targets = new Map(data.targets.map((t) => [t.id, t]));
  const byClass = new Map<string, ResultRow[]>();
  for (const score of data.scores) {
    const target = targets.get(score.targetId);
    if (!target) throw new KaopingError('export-missing-target', `评分结果引用了不存在的考评对象：${score.targetId}`);
    const list = byClass.get(target.classId) ?? [];
    list.push({ target, score });
    byClass.set(target.classId, list);
  }
  return data.classes
    .filter((cls) => !kind || cls.kind === kind)
    .map((cls) => ({
      cls,
      rows: (byClass.get(cls.id) ?? []).sort(
        (a, b) => (a.score.rank ?? Number.MAX_SAFE_INTEGER) - (b.score.rank ?? Number.MAX_SAFE_INTEGER) || b.score.total - a.score.total,
      ),
    }));
}

/** Every scored row of one kind, classes in order. */
export function resultsOfKind(data: ExportAssessmentData, kind: TargetKind): ResultRow[] {
  return resultsByClass(data, kind).flatMap((c) => c.rows);
}

/** Count of rows per grade, in GRADE_ORDER then any other grade names. */
export function gradeCounts(rows: readonly ResultRow[]): { grade: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { score } of rows) {
    const grade = score.veto ? '不合格' : (score.grade ?? '');
    if (grade) counts.set(grade, (counts.get(grade) ?? 0) + 1);
  }
  const order = [...GRADE_ORDER, ...[...counts.keys()].filter((g) => !(GRADE_ORDER as readonly string[]).includes(g))];
  return order.filter((g) => counts.has(g)).map((grade) => ({ grade, count: counts.get(grade)! }));
}
