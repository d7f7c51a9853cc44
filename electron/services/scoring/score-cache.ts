import type { Ruleset } from '../../../shared/ruleset/types';
import { rankScored, scoreUnranked, type Scored } from '../../../shared/scoring/engine';
import type { ScoreOptions, TargetScore } from '../../../shared/scoring/types';
import type { HistoryEntry } from '../../../shared/domain/types';
import type { AssessmentStore } from '../store/types';
import { scoreOptionsOf, toScoringTarget } from './score-assessment';

type Change = Pick<HistoryEntry, 'action' | 'subject' | 'before' | 'after'>;

/** Actions that change nothing a score depends on. */
const NO_SCORE_EFFECT = new Set(['evidence.add', 'evidence.remove', 'selfeval.put', 'review.open', 'review.close', 'findings.import']);

/**
 * The targets whose score a recorded change can move, or 'all' when it can move
 * any (settings, grade lines, targets added or edited, a new ruleset version,
 * and every action this function does not know: unknown means rescore all).
 */
export function targetsChangedBy(change: Change): number[] | 'all' {
  if (NO_SCORE_EFFECT.has(change.action)) return [];
  if (change.action.startsWith('finding.')) {
    const ids = [change.before, change.after].map((s) => (s && typeof s === 'object' ? (s as { targetId?: unknown }).targetId : undefined));
    if (ids.every((id) => id === undefined || typeof id === 'number') && ids.some((id) => id !== undefined))
      return [...new Set(ids.filter((id): id is number => id !== undefined))];
    return 'all';
  }
  const reviewed = /^review\.(done|undo|indicator)$/u.test(change.action) ? /^reviewed:(\d+)\|/u.exec(change.subject) : null;
  return reviewed ? [Number(reviewed[1])] : 'all';
}

/**
 * Every target's total, grade and rank for one open assessment, kept current
 * from the history chain: each call catches up on the entries recorded since
 * the last one (by this process or any other), rescoring only the targets they
 * touch and re-ranking only their classes. Totals only; a target's detail is
 * scored on demand.
 */
export class ScoreCache {
  private head = -1;
  private ruleset!: Ruleset;
  private options!: ScoreOptions;
  private readonly scored = new Map<number, Scored>();
  private readonly classes = new Map<string, Scored[]>();
  /** Ranks that moved since the last takeMoves (target id → rank), or 'all' after a rebuild. */
  private moves: Map<number, number | null> | 'all' = 'all';
  private changes = 0;

  constructor(private readonly store: AssessmentStore) {}

  /** Every target's score in target order, ranked within its class. */
  all(): TargetScore[] {
    this.sync();
    return [...this.scored.values()].map((s) => s.score);
  }

  /** One target's score (totals only), ranked within its class. */
  get(targetId: number): TargetScore {
    this.sync();
    const hit = this.scored.get(targetId);
    if (hit) return hit.score;
    this.store.getTarget(targetId); // names an unknown target in its error
    this.rebuild();
    return this.scored.get(targetId)!.score;
  }

  /** Several targets' scores (totals only), caught up once: a page of a list. */
  many(targetIds: readonly number[]): TargetScore[] {
    this.sync();
    return targetIds.map((id) => this.scored.get(id)?.score ?? this.get(id));
  }

  /** One target scored in full (per-indicator results, explanations) with its rank from the cache. */
  detail(targetId: number): TargetScore {
    const rank = this.get(targetId).rank;
    const target = toScoringTarget(this.store.getTarget(targetId));
    const findings = this.store.listFindings({ targetId, status: 'confirmed' });
    const reviewed = new Map([[targetId, new Set(this.store.listReviewedIndicators(targetId).map((r) => r.indicatorId))]]);
    const [scored] = scoreUnranked(this.ruleset, [target], findings, { ...this.options, detail: true, reviewed });
    return { ...scored!.score, rank };
  }

  /**
   * The ranks that moved since the last call, target id → new rank, or 'all'
   * when the cache was rebuilt (settings, targets, an unknown action): what an
   * action's delta reports. Callers take the moves before the action and after.
   */
  takeMoves(): Map<number, number | null> | 'all' {
    this.sync();
    const moves = this.moves;
    this.moves = new Map();
    return moves;
  }

  /** Grows with every catch-up that changed a score: lists built from the cache are reusable while it stays the same. */
  version(): number {
    this.sync();
    return this.changes;
  }

  /** The ruleset the cache scores with (the assessment's snapshot as of the last catch-up). */
  rulesetInUse(): Ruleset {
    this.sync();
    return this.ruleset;
  }

  private sync(): void {
    if (this.head < 0) return this.rebuild();
    const changes = this.store.historySince(this.head);
    if (changes.length === 0) return;
    const touched = new Set<number>();
    for (const change of changes) {
      const ids = targetsChangedBy(change);
      if (ids === 'all') return this.rebuild();
      for (const id of ids) touched.add(id);
    }
    this.head = changes[changes.length - 1]!.seq;
    if (touched.size > 0) {
      this.changes++;
      this.rescore([...touched]);
    }
  }

  private rebuild(): void {
    this.changes++;
    this.moves = 'all';
    this.head = this.store.historyHead();
    this.ruleset = this.store.rulesetSnapshot();
    const { reviewed, ...options } = scoreOptionsOf(this.store);
    this.options = { ...options, detail: false };
    const targets = this.store.listTargets().map(toScoringTarget);
    const findings = this.store.listFindings({ status: 'confirmed' });
    this.scored.clear();
    this.classes.clear();
    for (const s of scoreUnranked(this.ruleset, targets, findings, { ...this.options, reviewed })) {
      this.scored.set(s.score.targetId, s);
      const members = this.classes.get(s.score.classId);
      if (members) members.push(s);
      else this.classes.set(s.score.classId, [s]);
    }
    rankScored(this.ruleset, [...this.scored.values()], this.options);
  }

  private rescore(ids: number[]): void {
    const targets = ids.filter((id) => this.scored.has(id)).map((id) => toScoringTarget(this.store.getTarget(id)));
    const findings = targets.flatMap((t) => this.store.listFindings({ targetId: t.id, status: 'confirmed' }));
    const reviewed = new Map(targets.map((t) => [t.id, new Set(this.store.listReviewedIndicators(t.id).map((r) => r.indicatorId))]));
    const fresh = scoreUnranked(this.ruleset, targets, findings, { ...this.options, reviewed });
    // Each class's ranks before the change, to report the ones that moved.
    const before = new Map<string, (number | null)[]>();
    for (const f of fresh) {
      const classId = this.scored.get(f.score.targetId)!.score.classId;
      if (!before.has(classId))
        before.set(
          classId,
          this.classes.get(classId)!.map((m) => m.score.rank),
        );
    }
    // Replace in place so the class list keeps target order (it decides sequential ties).
    for (const f of fresh) Object.assign(this.scored.get(f.score.targetId)!, f);
    for (const [classId, ranks] of before) {
      const members = this.classes.get(classId)!;
      rankScored(this.ruleset, members, this.options);
      const moves = this.moves;
      if (moves === 'all') continue;
      members.forEach((m, i) => {
        if (m.score.rank !== ranks[i]) moves.set(m.score.targetId, m.score.rank);
      });
    }
  }
}
