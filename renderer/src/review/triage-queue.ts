import type { FindingView } from '../../../shared/api/review';

/** The suggestions still waiting for the reviewer, in checklist order: the triage queue. */
export function pendingQueue(findings: readonly FindingView[], leafOrder: readonly string[]): FindingView[] {
  const rank = new Map(leafOrder.map((id, i) => [id, i]));
  return findings
    .filter((f) => f.status === 'suggested')
    .sort((a, b) => (rank.get(a.indicatorId) ?? 1e9) - (rank.get(b.indicatorId) ?? 1e9) || a.id - b.id);
}

/**
 * The suggestion `delta` steps from the current one (Alt+L / Alt+H), across
 * indicators. With none current, it starts from the indicator shown: the first
 * suggestion at or after it going forward, the last one before it going back.
 */
export function stepInQueue(
  queue: readonly FindingView[],
  leafOrder: readonly string[],
  current: number | undefined,
  indicatorId: string | undefined,
  delta: number,
): FindingView | undefined {
  if (queue.length === 0) return undefined;
  const i = queue.findIndex((f) => f.id === current);
  if (i >= 0) return queue[Math.min(queue.length - 1, Math.max(0, i + delta))];
  const rank = (id: string) => leafOrder.indexOf(id);
  const at = indicatorId === undefined ? -1 : rank(indicatorId);
  if (delta > 0) return queue.find((f) => rank(f.indicatorId) >= at) ?? queue[0];
  return [...queue].reverse().find((f) => rank(f.indicatorId) < at) ?? queue[0];
}

/** Where the queue goes after `decided` is confirmed or dismissed: the next one, else the one before. */
export function afterDecision(queue: readonly FindingView[], decided: number): FindingView | undefined {
  const i = queue.findIndex((f) => f.id === decided);
  return queue.filter((f) => f.id !== decided)[i < 0 ? 0 : Math.min(i, queue.length - 2)];
}
