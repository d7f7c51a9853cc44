import type { Ruleset } from '../../../shared/ruleset/types';
import { classLabel } from '../../../shared/ruleset/walk';
import type { TargetScore } from '../../../shared/scoring/types';
import type { ClassSummary, TargetQuery, TargetRow } from '../../../shared/api/views';
import type { AssessmentStore } from '../store/types';
import type { ScoreCache } from '../scoring/score-cache';

/** Whether the query needs the database (text, class, kind, address, suggestions, name order); else the cache alone answers. */
function needsDatabase(q: TargetQuery): boolean {
  return !!q.text || q.classId !== undefined || q.kind !== undefined || !!q.hasUrl || q.suggested !== undefined || q.sort === 'name';
}

const reviewDone = (s: TargetScore) => s.progress.reviewed >= s.progress.total;

/** The score filters of a query, which only the cache can answer. */
function keepsScore(q: TargetQuery): (s: TargetScore) => boolean {
  return (s) =>
    (q.status === undefined || (q.status === 'done') === reviewDone(s)) &&
    (q.veto === undefined || s.veto === q.veto) &&
    (q.grade === undefined || (s.complete && !s.veto && s.grade === q.grade));
}

/** Sort key of a score: a group (the class, for ranks) and a value, nulls after every value whichever the direction. */
function sortKey(q: TargetQuery, classOrder: Map<string, number>): ((s: TargetScore) => [number, number | null]) | undefined {
  switch (q.sort) {
    case 'rank':
      return (s) => [classOrder.get(s.classId) ?? classOrder.size, s.rank];
    case 'score':
      return (s) => [0, s.total];
    case 'progress':
      return (s) => [0, s.progress.total === 0 ? 1 : s.progress.reviewed / s.progress.total];
    default:
      return undefined;
  }
}

/**
 * The ids of the targets matching a query, in its order. Text, class, kind and
 * suggestions are filtered by the database (indexed where an index helps);
 * review status, veto and grade, and the rank, score and progress orders come
 * from the score cache, so no target is scored and no finding row is read.
 */
export function matchingTargets(store: AssessmentStore, scores: ScoreCache, ruleset: Ruleset, q: TargetQuery): number[] {
  // Paging through one query reuses its order until a score or finding changes (every such change moves the cache's version).
  const key = `${scores.version()}|${JSON.stringify(q, Object.keys(q).sort())}`;
  const memo = lastQuery.get(scores);
  if (memo?.key === key) return memo.ids;
  const ids = runQuery(store, scores, ruleset, q);
  lastQuery.set(scores, { key, ids });
  return ids;
}

/** The last query answered per open assessment (a reviewer pages through one list at a time). */
const lastQuery = new WeakMap<ScoreCache, { key: string; ids: number[] }>();

function runQuery(store: AssessmentStore, scores: ScoreCache, ruleset: Ruleset, q: TargetQuery): number[] {
  const all = scores.all();
  const byId = needsDatabase(q) ? new Map(all.map((s) => [s.targetId, s])) : undefined;
  const candidates = byId
    ? store
        .searchTargetIds({
          text: q.text,
          classId: q.classId,
          kind: q.kind,
          hasUrl: q.hasUrl,
          suggested: q.suggested,
          orderByName: q.sort === 'name',
        })
        .flatMap((id) => byId.get(id) ?? [])
    : all;
  let kept = candidates.filter(keepsScore(q));
  const key = sortKey(q, new Map(ruleset.classes.map((c, i) => [c.id, i])));
  if (key) {
    const sign = q.desc ? -1 : 1;
    const keyed = kept.map((s) => ({ s, k: key(s) }));
    keyed.sort((a, b) => {
      if (a.k[0] !== b.k[0]) return a.k[0] - b.k[0];
      const [va, vb] = [a.k[1], b.k[1]];
      if (va !== vb) {
        if (va === null) return 1;
        if (vb === null) return -1;
        return sign * (va - vb);
      }
      return a.s.targetId - b.s.targetId;
    });
    kept = keyed.map((x) => x.s);
  } else if (q.desc) kept.reverse();
  return kept.map((s) => s.targetId);
}

/** The overview rows of these targets: names from the database, scores from the cache, finding counts for these targets only. */
export function overviewRows(store: AssessmentStore, scores: ScoreCache, ruleset: Ruleset, ids: readonly number[]): TargetRow[] {
  const confirmed = new Map<number, number>();
  const suggested = new Map<number, number>();
  for (const c of store.findingCountsOf(ids))
    (c.status === 'confirmed' ? confirmed : c.status === 'suggested' ? suggested : undefined)?.set(c.targetId, c.count);
  const targets = store.getTargets(ids);
  const scored = scores.many(targets.map((t) => t.id));
  return targets.map((t, i) => {
    const s = scored[i]!;
    return {
      id: t.id,
      kind: t.kind,
      classLabel: classLabel(ruleset, t.classId),
      unit: t.unit,
      name: t.name,
      url: t.url,
      platform: t.platform,
      identifier: t.identifier,
      findings: confirmed.get(t.id) ?? 0,
      total: s.total,
      grade: s.grade,
      rank: s.rank,
      complete: s.complete,
      veto: s.veto,
      vetoReasons: s.vetoReasons,
      suggested: suggested.get(t.id) ?? 0,
      progress: s.progress,
    };
  });
}

/** The numbers above the list, per class in ruleset order (classes without targets left out), and the assessment's open count. */
export function overviewSummary(store: AssessmentStore, scores: ScoreCache, ruleset: Ruleset): Summary {
  const version = scores.version();
  const memo = lastSummary.get(scores);
  if (memo?.version === version) return memo.summary;
  const summary = summarise(store, scores, ruleset);
  lastSummary.set(scores, { version, summary });
  return summary;
}

type Summary = { summary: ClassSummary[]; incomplete: number; nextToReview: number | null };
const lastSummary = new WeakMap<ScoreCache, { version: number; summary: Summary }>();

function summarise(store: AssessmentStore, scores: ScoreCache, ruleset: Ruleset): Summary {
  const withSuggestions = new Map(store.suggestedTargetsByClass().map((r) => [r.classId, r.count]));
  const byClass = new Map<string, ClassSummary>();
  let incomplete = 0;
  let nextToReview: number | null = null;
  let first: number | null = null;
  for (const s of scores.all()) {
    first ??= s.targetId;
    if (nextToReview === null && !reviewDone(s)) nextToReview = s.targetId;
    if (!s.complete) incomplete++;
    let c = byClass.get(s.classId);
    if (!c) {
      const cls = ruleset.classes.find((x) => x.id === s.classId);
      c = {
        classId: s.classId,
        label: cls?.label ?? s.classId,
        name: cls?.name ?? s.classId,
        kind: s.kind,
        targets: 0,
        reviewed: 0,
        complete: 0,
        vetoed: 0,
        suggested: withSuggestions.get(s.classId) ?? 0,
        grades: [],
      };
      byClass.set(s.classId, c);
    }
    c.targets++;
    if (reviewDone(s)) c.reviewed++;
    if (s.complete) c.complete++;
    if (s.veto) c.vetoed++;
    if (s.complete && !s.veto && s.grade) {
      const g = c.grades.find((x) => x.grade === s.grade);
      if (g) g.count++;
      else c.grades.push({ grade: s.grade, count: 1 });
    }
  }
  const order = new Map(ruleset.classes.map((c, i) => [c.id, i]));
  const summary = [...byClass.values()].sort((a, b) => (order.get(a.classId) ?? order.size) - (order.get(b.classId) ?? order.size));
  return { summary, incomplete, nextToReview: nextToReview ?? first };
}
