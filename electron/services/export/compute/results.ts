/** Joins of targets, classes and scores that every format needs, computed once per export. */
import { KaopingError } from '../../../../shared/errors';
import { formatScoreAs, type ScoreStyle } from '../../../../shared/format/number';
import { platformAsWritten } from '../../../../shared/format/platform';
import type { ExportAssessmentData, ExportClass, ExportScore, ExportTarget, TargetKind } from '../model';
import type { Cell } from '../table-spec';

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

/** A score is final once its target is fully reviewed (or vetoed); absent `complete` means final. */
export const isComplete = (score: ExportScore): boolean => score.complete !== false;

/** How many scored targets are still provisional. */
export function incompleteCount(data: ExportAssessmentData): number {
  return data.scores.filter((s) => !isComplete(s)).length;
}

/** The line every preview and document of an incomplete assessment carries, or undefined. */
export function incompleteWarning(data: ExportAssessmentData): string | undefined {
  const n = incompleteCount(data);
  return n ? `注意：尚有${n}个考评对象未评审完毕，其得分为暂计，不评定等次、不参与排名。` : undefined;
}

/** The assessment's number style (seed 002 by default). */
export const scoreStyleOf = (data: ExportAssessmentData): ScoreStyle => data.meta.settings?.numbers ?? 'trim';

/** 总计 cell: the total (0 when vetoed, as seed 002 prints); "暂计 85.5（12/67）" while incomplete. */
export function totalCell(score: ExportScore, style: ScoreStyle): Cell {
  if (!isComplete(score))
    return `暂计${formatScoreAs(score.total, style)}${score.progress ? `（${score.progress.reviewed}/${score.progress.total}）` : ''}`;
  return score.veto ? 0 : score.total;
}

/** 排名 cell: the rank, or "—" for targets that take none (incomplete, judged on vetoes only). */
export const rankCell = (score: ExportScore): Cell => score.rank ?? '—';

/** 等次 as lists print it: "暂未评定" while incomplete. */
export const gradeText = (score: ExportScore): string => (!isComplete(score) ? '暂未评定' : score.veto ? '不合格' : (score.grade ?? ''));

/**
 * How a list names a target: a website or unit by its unit; an account by unit,
 * account name and platform (南岭县人民政府“南岭发布”（微信号）), so one unit's
 * accounts stay apart.
 */
export function listName(target: ExportTarget): string {
  if (target.kind === 'website' || !target.platform) return target.unit || target.name;
  return `${target.unit}“${target.name}”（${platformAsWritten(target.platform)}）`;
}

/**
 * Rows per class in rank order (unranked last, then by total). A score whose target
 * is missing is a data error that names the target id. Classes whose accounts roll
 * up to units list the units, unless `accounts` asks for the accounts themselves.
 */
export function resultsByClass(data: ExportAssessmentData, kind?: TargetKind, options: { accounts?: boolean } = {}): ClassResults[] {
  const targets = new Map(data.targets.map((t) => [t.id, t]));
  const byClass = new Map<string, ResultRow[]>();
  const unitClasses = new Set(options.accounts ? [] : data.classes.filter((c) => c.byUnit && data.units).map((c) => c.id));
  for (const score of data.scores) {
    const target = targets.get(score.targetId);
    if (!target) throw new KaopingError('export-missing-target', `评分结果引用了不存在的考评对象：${score.targetId}`);
    if (unitClasses.has(target.classId)) continue;
    const list = byClass.get(target.classId) ?? [];
    list.push({ target, score });
    byClass.set(target.classId, list);
  }
  for (const u of data.units ?? []) {
    if (!unitClasses.has(u.classId)) continue;
    const list = byClass.get(u.classId) ?? [];
    list.push({ target: { id: u.id, kind: 'newmedia', classId: u.classId, name: u.unit, unit: u.unit }, score: u.score });
    byClass.set(u.classId, list);
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
export function resultsOfKind(data: ExportAssessmentData, kind: TargetKind, options: { accounts?: boolean } = {}): ResultRow[] {
  return resultsByClass(data, kind, options).flatMap((c) => c.rows);
}

/** Count of rows per grade, in GRADE_ORDER then any other grade names. */
export function gradeCounts(rows: readonly ResultRow[]): { grade: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { score } of rows) {
    if (!isComplete(score)) continue;
    const grade = score.veto ? '不合格' : (score.grade ?? '');
    if (grade) counts.set(grade, (counts.get(grade) ?? 0) + 1);
  }
  const order = [...GRADE_ORDER, ...[...counts.keys()].filter((g) => !(GRADE_ORDER as readonly string[]).includes(g))];
  return order.filter((g) => counts.has(g)).map((grade) => ({ grade, count: counts.get(grade)! }));
}
