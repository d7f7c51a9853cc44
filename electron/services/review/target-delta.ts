import type { TargetDelta } from '../../../shared/api/views';
import type { OpenAssessment } from '../api/open-assessments';
import type { AssessmentStore } from '../store/types';
import { overviewRows, overviewSummary } from './overview-page';

/**
 * Runs one review action and reports what it changed for the lists: the
 * target's row, the ranks that moved in its class and the numbers above the
 * list, from the score cache (one target rescored, its class re-ranked). The UI
 * updates its page in place instead of reloading the overview.
 * `targetOf` names the target (from the result when the action creates it);
 * undefined (a repeated request for a finding since deleted) makes the delta
 * ask for a reload.
 */
export function withDelta<T extends object>(
  { store, scores }: OpenAssessment,
  targetOf: number | undefined | ((result: T) => number | undefined),
  run: () => T,
): T & { delta: TargetDelta } {
  // Moves recorded before this action (by another process, or never taken) are not this action's.
  scores.takeMoves();
  const result = run();
  const moves = scores.takeMoves();
  const targetId = typeof targetOf === 'function' ? targetOf(result) : targetOf;
  const ruleset = scores.rulesetInUse();
  const row = targetId === undefined ? null : (overviewRows(store, scores, ruleset, [targetId])[0] ?? null);
  const { summary, incomplete } = overviewSummary(store, scores, ruleset);
  const ranks = moves === 'all' ? [] : [...moves].map(([id, rank]) => ({ targetId: id, rank }));
  return { ...result, delta: { row, ranks, reload: moves === 'all' || row === null, incomplete, summary } };
}

/** The target a finding belongs to, or undefined when it no longer exists. */
export function targetOfFinding(store: AssessmentStore, findingId: number): number | undefined {
  try {
    return store.getFinding(findingId).targetId;
  } catch {
    return undefined;
  }
}
