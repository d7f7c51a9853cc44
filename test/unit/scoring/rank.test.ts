import { describe, expect, it } from 'vitest';
import { frac } from '../../../shared/scoring/fraction';
import { rankInClasses, type RankFacts } from '../../../shared/scoring/rank';

const item = (classId: string, total: number | null, extra: Partial<RankFacts> = {}): RankFacts => ({
  classId,
  total: total === null ? null : frac(total),
  veto: total === null,
  complete: true,
  rankable: true,
  ...extra,
});

describe('rankInClasses, the one ranking function', () => {
  const items = [
    item('a', 90),
    item('a', null),
    item('a', 95),
    item('a', 90),
    item('a', 99, { complete: false }),
    item('b', 80),
    item('a', 70, { rankable: false }),
  ];
  const ranks = (ties: 'shared' | 'sequential') => items.map((i) => rankInClasses(items, (x) => x, ties).get(i));

  it('ranks complete items by total within their class, vetoed after every other, unrankable and incomplete not at all', () => {
    expect(ranks('sequential')).toEqual([2, 4, 1, 3, null, 1, null]);
  });

  it('shares ranks on equal totals when asked (1,1,3), vetoed items sharing the rank after the last', () => {
    expect(ranks('shared')).toEqual([2, 4, 1, 2, null, 1, null]);
  });
});
