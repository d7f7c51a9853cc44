import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreTargets } from '../../../shared/scoring/engine';
import type { ScoringFinding, ScoringTarget } from '../../../shared/scoring/types';
import { listIndicators } from '../../../shared/ruleset/walk';
import { ruleset } from '../../helpers/rulesets';

// Lists score without per-indicator detail; they must agree with the full
// scoring to the last digit, for every ruleset, part and class.
describe.each(['zhanjiang-2021', 'guoban-2019', 'guoban-supervision-2019', 'zengdu-2023'])('totals without detail (%s)', (id) => {
  const rs = ruleset(id);
  const placesOf = { website: listIndicators(rs, 'website'), account: listIndicators(rs, 'account') };
  const classes = rs.classes.map((c) => c);
  const attributes = [...new Set(JSON.stringify(rs).match(/"(has[A-Za-z]+|is[A-Z][A-Za-z]+)"/gu)?.map((m) => m.slice(1, -1)) ?? [])];

  it('gives the same totals, sections, vetoes, grades and ranks as the detailed scoring', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ cls: fc.nat(), attrs: fc.array(fc.boolean(), { minLength: attributes.length, maxLength: attributes.length }), findings: fc.array(fc.record({ place: fc.nat(), rule: fc.nat(), count: fc.integer({ min: 1, max: 25 }) }), { maxLength: 25 }) }),
          { minLength: 1, maxLength: 8 },
        ),
        (raw) => {
          const targets: ScoringTarget[] = raw.map((t, i) => {
            const cls = classes[t.cls % classes.length]!;
            return { id: i + 1, name: `t${i}`, kind: cls.kind, classId: cls.id, attributes: Object.fromEntries(attributes.map((a, k) => [a, t.attrs[k]!])) };
          });
          const findings: ScoringFinding[] = raw.flatMap((t, i) =>
            t.findings.flatMap((f, k) => {
              const pool = placesOf[targets[i]!.kind];
              if (pool.length === 0) return [];
              const place = pool[f.place % pool.length]!;
              return [{ id: i * 100 + k + 1, targetId: i + 1, indicatorId: place.indicator.id, rule: place.indicator.rules[f.rule % place.indicator.rules.length]!.n, count: f.count, note: '', evidenceIds: [] }];
            }),
          );
          const full = scoreTargets(rs, targets, findings);
          // The property means nothing unless findings reach the scored parts.
          if (findings.length) expect(full.some((s) => s.veto || s.explanation.length > 0)).toBe(true);
          const lean = scoreTargets(rs, targets, findings, { detail: false });
          expect(lean).toEqual(full.map((s) => ({ ...s, indicators: [], explanation: [] })));
        },
      ),
      { numRuns: 150 },
    );
  });
});
