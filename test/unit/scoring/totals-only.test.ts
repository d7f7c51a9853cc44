import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicableIndicatorIds, scoreTargets, scoreUnranked } from '../../../shared/scoring/engine';
import type { Ruleset } from '../../../shared/ruleset/types';
import type { ScoringFinding, ScoringTarget } from '../../../shared/scoring/types';
import { listIndicators } from '../../../shared/ruleset/walk';
import { ruleset } from '../../helpers/rulesets';

// Lists score without per-indicator detail; they must agree with the full
// scoring to the last digit, for every ruleset, part and class.
describe.each(['zhanjiang-2021', 'guoban-2019', 'guoban-supervision-2019', 'zengdu-2023'])('totals without detail (%s)', (id) => {
  const rs = ruleset(id);
  const placesOf = { website: listIndicators(rs, 'website'), account: listIndicators(rs, 'account') };
  const classes = rs.classes.map((c) => c);
  const attributes = [
    ...new Set(
      JSON.stringify(rs)
        .match(/"(has[A-Za-z]+|is[A-Z][A-Za-z]+)"/gu)
        ?.map((m) => m.slice(1, -1)) ?? [],
    ),
  ];

  it('gives the same totals, sections, vetoes, grades and ranks as the detailed scoring', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cls: fc.nat(),
            attrs: fc.array(fc.boolean(), { minLength: attributes.length, maxLength: attributes.length }),
            findings: fc.array(fc.record({ place: fc.nat(), rule: fc.nat(), count: fc.integer({ min: 1, max: 25 }) }), { maxLength: 25 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (raw) => {
          const targets: ScoringTarget[] = raw.map((t, i) => {
            const cls = classes[t.cls % classes.length]!;
            return {
              id: i + 1,
              name: `t${i}`,
              kind: cls.kind,
              classId: cls.id,
              attributes: Object.fromEntries(attributes.map((a, k) => [a, t.attrs[k]!])),
            };
          });
          const findings: ScoringFinding[] = raw.flatMap((t, i) =>
            t.findings.flatMap((f, k) => {
              const pool = placesOf[targets[i]!.kind];
              if (pool.length === 0) return [];
              const place = pool[f.place % pool.length]!;
              return [
                {
                  id: i * 100 + k + 1,
                  targetId: i + 1,
                  indicatorId: place.indicator.id,
                  rule: place.indicator.rules[f.rule % place.indicator.rules.length]!.n,
                  count: f.count,
                  note: '',
                  evidenceIds: [],
                },
              ];
            }),
          );
          const full = scoreTargets(rs, targets, findings);
          // The property means nothing unless findings reach the scored parts.
          if (findings.length) expect(full.some((s) => s.veto || s.explanation.length > 0)).toBe(true);
          const lean = scoreTargets(rs, targets, findings, { detail: false });
          expect(lean).toEqual(full.map((s) => ({ ...s, indicators: [], explanation: [] })));
          // Explanations on demand: the one target viewed in full, the others totals only.
          const viewed = targets[targets.length - 1]!.id;
          const mixed = scoreTargets(rs, targets, findings, { detail: new Set([viewed]) });
          expect(mixed).toEqual(full.map((s) => (s.targetId === viewed ? s : { ...s, indicators: [], explanation: [] })));
        },
      ),
      { numRuns: 150 },
    );
  });
});

// The totals-only path turns each weight group into integer tables over one common
// denominator and falls back to the detailed path where that cannot be exact. These
// variants reach what the built-in rulesets do not: rule caps, percentages (per
// occurrence too, and with denominators too large for the tables), negative points,
// weight shared three ways, basis normalisation on and off, pass and bonus lines,
// scored accounts; and findings that are odd (fractional counts, the largest count
// the API takes, unknown rules, indicators and targets, repeated target ids). Counts
// far beyond the API's 100,000 are left out: there the fractions of the detailed path
// itself overflow, and it no longer agrees with itself with and without explanations.
/** The first scored indicators of a kind, where focused findings pile up. */
const focusOf = (rs: Ruleset, kind: 'website' | 'account') =>
  listIndicators(rs, kind)
    .filter((p) => p.part.kind !== 'veto')
    .slice(0, 3);

interface Variant {
  focus: boolean;
  caps: number[];
  percentEvery: number;
  finePercent: boolean;
  negate: number;
  normalise: boolean;
  pass: number | null;
  bonusOnlyAbove: number | null;
  scoredAccounts: boolean;
  shareThreeWays: boolean;
}

function vary(base: Ruleset, v: Variant): Ruleset {
  const rs = structuredClone(base);
  const leaves = listIndicators(rs).filter((p) => p.part.kind !== 'veto');
  const rules = leaves.flatMap((p) => p.indicator.rules);
  rules.forEach((rule, j) => {
    if (v.percentEvery > 0 && j % v.percentEvery === 0 && (rule.kind === 'fixed' || rule.kind === 'per-occurrence')) {
      rule.kind = 'percent';
      rule.percent = v.finePercent ? 33.3333 : 12.5;
      rule.perOccurrence = j % 2 === 0;
    }
  });
  v.caps.forEach((c, k) => {
    const rule = rules[(k * 7 + c) % rules.length];
    if (rule) rule.cap = c * 0.25;
  });
  if (v.negate > 0) {
    // Where focused findings land: one negative rule beside positive ones in the same indicator.
    for (const kind of ['website', 'account'] as const) {
      for (const p of focusOf(rs, kind)) {
        const rule = p.indicator.rules[v.negate % p.indicator.rules.length]!;
        if (rule.points !== undefined) rule.points = -rule.points;
      }
    }
  }
  rs.normaliseBasic = v.normalise;
  rs.thresholds = {
    ...(v.pass !== null ? { pass: v.pass } : {}),
    ...(v.bonusOnlyAbove !== null ? { bonusOnlyAbove: v.bonusOnlyAbove } : {}),
  };
  if (v.scoredAccounts) rs.accountScoring = 'scored';
  const basic = leaves.filter((p) => p.part.kind === 'basic');
  if (v.shareThreeWays && basic.length >= 4)
    rs.transfers.push({ from: basic[0]!.indicator.id, to: basic.slice(1, 4).map((p) => p.indicator.id), when: {}, note: '测试：权重三分' });
  return rs;
}

const variantArb: fc.Arbitrary<Variant> = fc.record({
  focus: fc.boolean(),
  caps: fc.array(fc.integer({ min: 0, max: 24 }), { maxLength: 8 }),
  percentEvery: fc.integer({ min: 0, max: 4 }),
  finePercent: fc.boolean(),
  negate: fc.nat({ max: 200 }),
  normalise: fc.boolean(),
  pass: fc.option(fc.integer({ min: 30, max: 95 })),
  bonusOnlyAbove: fc.option(fc.integer({ min: 30, max: 95 })),
  scoredAccounts: fc.boolean(),
  shareThreeWays: fc.boolean(),
});

describe.each(['zhanjiang-2021', 'guoban-2019', 'guoban-supervision-2019', 'zengdu-2023'])(
  'totals without detail on varied rulesets (%s)',
  (id) => {
    const base = ruleset(id);
    const attributes = [
      ...new Set(
        JSON.stringify(base)
          .match(/"(has[A-Za-z]+|is[A-Z][A-Za-z]+)"/gu)
          ?.map((m) => m.slice(1, -1)) ?? [],
      ),
    ];

    it('agrees with the detailed scoring, exact totals and review progress included', () => {
      fc.assert(
        fc.property(
          variantArb,
          fc.array(
            fc.record({
              cls: fc.nat(),
              sameIdAsPrevious: fc.boolean(),
              attrs: fc.array(fc.option(fc.boolean()), { minLength: attributes.length, maxLength: attributes.length }),
              reviewed: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
              findings: fc.array(
                fc.record({
                  place: fc.nat(),
                  rule: fc.nat(),
                  count: fc.oneof(
                    { weight: 8, arbitrary: fc.integer({ min: 1, max: 25 }) },
                    { weight: 1, arbitrary: fc.constantFrom(0, 2.5, 100_000) },
                  ),
                  odd: fc.constantFrom('none', 'none', 'none', 'none', 'rule', 'indicator', 'target'),
                }),
                { maxLength: 25 },
              ),
            }),
            { minLength: 1, maxLength: 8 },
          ),
          fc.constantFrom('sequential' as const, 'shared' as const),
          (variant, raw, ties) => {
            const rs = vary(base, variant);
            const placesOf = variant.focus
              ? { website: focusOf(rs, 'website'), account: focusOf(rs, 'account') }
              : { website: listIndicators(rs, 'website'), account: listIndicators(rs, 'account') };
            const targets: ScoringTarget[] = raw.map((t, i) => {
              const cls = rs.classes[t.cls % rs.classes.length]!;
              const attrs = Object.fromEntries(attributes.flatMap((a, k) => (t.attrs[k] === null ? [] : [[a, t.attrs[k]!]])));
              return { id: t.sameIdAsPrevious && i > 0 ? i : i + 1, name: `t${i}`, kind: cls.kind, classId: cls.id, attributes: attrs };
            });
            const findings: ScoringFinding[] = raw.flatMap((t, i) =>
              t.findings.flatMap((f, k) => {
                const pool = placesOf[targets[i]!.kind];
                if (pool.length === 0) return [];
                const place = pool[f.place % pool.length]!;
                return [
                  {
                    id: i * 100 + k + 1,
                    targetId: f.odd === 'target' ? 999 : targets[i]!.id,
                    indicatorId: f.odd === 'indicator' ? 'no.such.indicator' : place.indicator.id,
                    rule: f.odd === 'rule' ? 99 : place.indicator.rules[f.rule % place.indicator.rules.length]!.n,
                    count: f.count,
                    note: '',
                    evidenceIds: [],
                  },
                ];
              }),
            );
            const reviewed = new Map(
              raw.flatMap((t, i) =>
                t.reviewed === null
                  ? []
                  : [[targets[i]!.id, new Set(applicableIndicatorIds(rs, targets[i]!).filter((_, k) => k / 60 < t.reviewed!))] as const],
              ),
            );
            const options = { ties, reviewed };
            const full = scoreTargets(rs, targets, findings, options);
            const lean = scoreTargets(rs, targets, findings, { ...options, detail: false });
            expect(lean).toEqual(full.map((s) => ({ ...s, indicators: [], explanation: [] })));
            const viewed = new Set([targets[0]!.id]);
            expect(scoreTargets(rs, targets, findings, { ...options, detail: viewed })).toEqual(
              full.map((s) => (viewed.has(s.targetId) ? s : { ...s, indicators: [], explanation: [] })),
            );
            const exact = (detail: boolean) => scoreUnranked(rs, targets, findings, { ...options, detail }).map((s) => s.exactTotal);
            expect(exact(false)).toEqual(exact(true));
          },
        ),
        { numRuns: 120 },
      );
    });
  },
);
