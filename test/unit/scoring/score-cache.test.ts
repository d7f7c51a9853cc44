import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScoreCache, targetsChangedBy } from '../../../electron/services/scoring/score-cache';
import { scoreStoredAssessment } from '../../../electron/services/scoring/score-assessment';
import { applicableIndicatorIds } from '../../../shared/scoring/engine';
import { listIndicators } from '../../../shared/ruleset/walk';
import type { AssessmentStore } from '../../../electron/services/store/types';
import { freshAssessment } from '../../helpers/assessment';
import { ruleset } from '../../helpers/rulesets';

const zj = ruleset('zhanjiang-2021');
const sitePlaces = listIndicators(zj, 'website');
const CLASSES = ['county', 'city-service', 'city-noservice'];

type Op =
  | { kind: 'add'; target: number; place: number; rule: number; count: number }
  | { kind: 'update'; finding: number; count: number }
  | { kind: 'withdraw'; finding: number }
  | { kind: 'delete'; finding: number }
  | { kind: 'review'; target: number; all: boolean }
  | { kind: 'target'; cls: number }
  | { kind: 'grades'; excellent: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      target: fc.nat(),
      place: fc.nat(),
      rule: fc.nat(),
      count: fc.integer({ min: 1, max: 9 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('update' as const), finding: fc.nat(), count: fc.integer({ min: 1, max: 9 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), finding: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), finding: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('review' as const), target: fc.nat(), all: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('target' as const), cls: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('grades' as const), excellent: fc.integer({ min: 85, max: 99 }) }) },
);

function apply(store: AssessmentStore, op: Op): void {
  const targets = store.listTargets();
  const findings = store.listFindings();
  const target = targets[('target' in op ? op.target : 0) % targets.length]!;
  const finding = findings.length ? findings[('finding' in op ? op.finding : 0) % findings.length]! : undefined;
  switch (op.kind) {
    case 'add': {
      const place = sitePlaces[op.place % sitePlaces.length]!;
      store.addFinding({
        targetId: target.id,
        indicatorId: place.indicator.id,
        rule: place.indicator.rules[op.rule % place.indicator.rules.length]!.n,
        count: op.count,
        status: 'confirmed',
      });
      return;
    }
    case 'update':
      if (finding) store.updateFinding(finding.id, { count: op.count }, '复核改正');
      return;
    case 'withdraw':
      if (finding) store.updateFinding(finding.id, { status: finding.status === 'confirmed' ? 'dismissed' : 'confirmed' }, '撤回');
      return;
    case 'delete':
      if (finding) store.deleteFinding(finding.id, '录入错误');
      return;
    case 'review': {
      const ids = applicableIndicatorIds(zj, target);
      for (const id of op.all ? ids : ids.slice(0, 3)) store.setIndicatorReviewed(target.id, id, true);
      return;
    }
    case 'target':
      store.addTargets([
        {
          kind: 'website',
          unit: `新单位${targets.length}`,
          name: `新网站${targets.length}`,
          url: `http://n${targets.length}.gov.cn/`,
          classId: CLASSES[op.cls % 3]!,
          attributes: {},
          identifier: null,
          platform: null,
        },
      ]);
      return;
    case 'grades':
      store.updateInfo({
        gradeBands: [
          { name: '优秀', min: op.excellent },
          { name: '良好', min: 80 },
          { name: '合格', min: 60 },
        ],
      });
  }
}

const totalsOf = (scores: ReturnType<typeof scoreStoredAssessment>) => scores.map((s) => ({ ...s, indicators: [], explanation: [] }));

describe('score cache', () => {
  it('always equals a full rescore, after any sequence of changes', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 5 }), (ops, every) => {
        const { store } = freshAssessment();
        store.addTargets(
          CLASSES.flatMap((classId, c) =>
            [0, 1].map((k) => ({
              kind: 'website' as const,
              unit: `单位${c}${k}`,
              name: `网站${c}${k}`,
              url: `http://s${c}${k}.gov.cn/`,
              classId,
              attributes: {},
              identifier: null,
              platform: null,
            })),
          ),
        );
        const cache = new ScoreCache(store);
        ops.forEach((op, i) => {
          apply(store, op);
          // Read after some changes, not all: catching up over several entries must agree too.
          if (i % every === 0) expect(cache.all()).toEqual(totalsOf(scoreStoredAssessment(store)));
        });
        expect(cache.all()).toEqual(totalsOf(scoreStoredAssessment(store)));
        store.close();
      }),
      { numRuns: 40 },
    );
  });

  it("reports exactly the ranks that moved since the last time it was asked (an action's delta)", () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 5 }), (ops, every) => {
        const { store } = freshAssessment();
        store.addTargets(
          CLASSES.flatMap((classId, c) =>
            [0, 1, 2].map((k) => ({
              kind: 'website' as const,
              unit: `单位${c}${k}`,
              name: `网站${c}${k}`,
              url: `http://s${c}${k}.gov.cn/`,
              classId,
              attributes: {},
              identifier: null,
              platform: null,
            })),
          ),
        );
        const cache = new ScoreCache(store);
        const ranksNow = () => new Map(scoreStoredAssessment(store).map((s) => [s.targetId, s.rank]));
        expect(cache.takeMoves()).toBe('all');
        let before = ranksNow();
        ops.forEach((op, i) => {
          apply(store, op);
          if (i % every !== 0 && i !== ops.length - 1) return;
          const moves = cache.takeMoves();
          const after = ranksNow();
          if (moves !== 'all') {
            const moved = new Map([...after].filter(([id, rank]) => before.get(id) !== rank));
            expect(moves).toEqual(moved);
          }
          before = after;
        });
        store.close();
      }),
      { numRuns: 40 },
    );
  });

  it('sees changes written by another connection to the same assessment', async () => {
    const { dir, store } = freshAssessment();
    const [site] = store.addTargets([
      {
        kind: 'website',
        unit: '南岭县',
        name: '南岭县网站',
        url: 'http://nl.gov.cn/',
        classId: 'county',
        attributes: {},
        identifier: null,
        platform: null,
      },
    ]);
    const cache = new ScoreCache(store);
    expect(cache.get(site!.id).total).toBe(100);
    const { openAssessment } = await import('../../../electron/services/store/open');
    const other = openAssessment(dir);
    other.addFinding({ targetId: site!.id, indicatorId: 'basic.health.availability', rule: 1, count: 3, status: 'confirmed' });
    other.close();
    expect(cache.get(site!.id).total).toBe(99.4);
    store.close();
  });

  it('rescores only the target a finding belongs to, and everything for what it does not know', () => {
    expect(targetsChangedBy({ action: 'finding.update', subject: 'finding:3', before: { targetId: 7 }, after: { targetId: 7 } })).toEqual([
      7,
    ]);
    expect(targetsChangedBy({ action: 'finding.delete', subject: 'finding:3', before: { targetId: 7 }, after: null })).toEqual([7]);
    expect(targetsChangedBy({ action: 'review.done', subject: 'reviewed:12|basic.health.availability', before: null, after: {} })).toEqual([
      12,
    ]);
    expect(targetsChangedBy({ action: 'evidence.add', subject: 'evidence:1', before: null, after: {} })).toEqual([]);
    expect(targetsChangedBy({ action: 'assessment.update', subject: 'assessment', before: {}, after: {} })).toBe('all');
    expect(targetsChangedBy({ action: 'target.update', subject: 'target:12', before: {}, after: {} })).toBe('all');
    expect(targetsChangedBy({ action: 'finding.update', subject: 'finding:3', before: null, after: null })).toBe('all');
  });
});
