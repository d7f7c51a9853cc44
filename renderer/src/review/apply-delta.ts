import type { TargetDelta, TargetRow } from '../../../shared/api/views';

/** Applies what an action changed to the rows shown: its target's row and the ranks that moved. */
export function applyDelta(rows: readonly TargetRow[], delta: TargetDelta): TargetRow[] {
  const ranks = new Map(delta.ranks.map((r) => [r.targetId, r.rank]));
  return rows.map((r) => (delta.row && r.id === delta.row.id ? delta.row : ranks.has(r.id) ? { ...r, rank: ranks.get(r.id)! } : r));
}
