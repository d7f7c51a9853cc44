import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreTargets } from '../../../shared/scoring/engine';
import type { ScoringFinding, ScoringTarget } from '../../../shared/scoring/types';
import { listIndicators } from '../../../shared/ruleset/walk';
import { ruleset } from '../../helpers/rulesets';

const zj = ruleset('zhanjiang-2021');
const places = listIndicators(zj, 'website');
const deductions = places.filter((p) => p.part.kind === 'basic');
const vetoes = places.filter((p) => p.part.kind === 'veto');

const targetArb = fc.record({
  classId: fc.constantFrom('county', 'city-service', 'city-noservice'),
  hasPolicyColumn: fc.boolean(),
  hasNewMedia: fc.boolean(),
});

function findingArb(pool: typeof places) {
  return fc
    .record({ place: fc.constantFrom(...pool), count: fc.integer({ min: 1, max: 30 }), ruleIndex: fc.nat() })
    .map(({ place, count, ruleIndex }) => ({
      indicatorId: place.indicator.id,
      rule: place.indicator.rules[ruleIndex % place.indicator.rules.length]!.n,
      count,
    }));
}

function build(
  t: { classId: string; hasPolicyColumn: boolean; hasNewMedia: boolean },
  raw: { indicatorId: string; rule: number; count: number }[],
) {
  const target: ScoringTarget = {
    id: 1,
    name: 't',
    kind: 'website',
    classId: t.classId,
    attributes: { hasPolicyColumn: t.hasPolicyColumn, hasNewMedia: t.hasNewMedia },
  };
  const findings: ScoringFinding[] = raw.map((f, i) => ({ ...f, id: i + 1, targetId: 1, note: '', evidenceIds: [] }));
  return { target, findings };
}

describe('scoring properties (fast-check, zhanjiang-2021)', () => {
  it('every section stays within [0, max] and the basic part within [0, 100]', () => {
    fc.assert(
      fc.property(targetArb, fc.array(findingArb(deductions), { maxLength: 40 }), (t, raw) => {
        const { target, findings } = build(t, raw);
        const [s] = scoreTargets(zj, [target], findings);
        for (const sec of s!.sections) {
          expect(sec.score).toBeGreaterThanOrEqual(0);
          expect(sec.score).toBeLessThanOrEqual(sec.max);
        }
        expect(s!.basic!).toBeGreaterThanOrEqual(0);
        expect(s!.basic!).toBeLessThanOrEqual(100);
      }),
      { numRuns: 300 },
    );
  });

  it('adding a deduction never raises a score', () => {
    fc.assert(
      fc.property(targetArb, fc.array(findingArb(deductions), { maxLength: 30 }), findingArb(deductions), (t, raw, extra) => {
        const before = scoreTargets(zj, [build(t, raw).target], build(t, raw).findings)[0]!;
        const after = scoreTargets(zj, [build(t, [...raw, extra]).target], build(t, [...raw, extra]).findings)[0]!;
        expect(after.total!).toBeLessThanOrEqual(before.total!);
        after.sections.forEach((sec, i) => expect(sec.score).toBeLessThanOrEqual(before.sections[i]!.score));
      }),
      { numRuns: 300 },
    );
  });

  it('a veto always yields 不合格 with no total', () => {
    fc.assert(
      fc.property(targetArb, fc.array(findingArb(places), { maxLength: 20 }), findingArb(vetoes), (t, raw, veto) => {
        const { target, findings } = build(t, [...raw, veto]);
        const applicable = !(veto.indicatorId === 'veto.site.services' && t.classId === 'city-noservice');
        fc.pre(applicable);
        const [s] = scoreTargets(zj, [target], findings);
        expect(s!.veto).toBe(true);
        expect(s!.grade).toBe('不合格');
        expect(s!.total).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
