import type { Ruleset, Indicator } from '../ruleset/types';
import { applies } from '../ruleset/walk';
import { add, cmp, frac, min as fmin, round2, show, sub, sum, ZERO, type Fraction } from './fraction';
import type { Explanation, IndicatorResult, ScoreOptions, ScoringFinding, ScoringTarget, SectionResult, TargetScore } from './types';
import { rankList, tieRule } from './rank';
import { emptyPartSums, finishScore, startRun, type Scored, type ScoringRun } from './result';
import { scoreTotals } from './totals';
import { groupPush, WeightGroups, type Effective } from './weights';
import { ruleSummary, ruleValue, vetoReason } from './rules';

export type { Scored } from './result';

function evidenceText(f: ScoringFinding): string {
  return f.evidenceIds.length ? `（证据 ${f.evidenceIds.map((id) => `#${id}`).join(' ')}）` : '';
}

interface IndicatorOutcome {
  value: Fraction;
  explanation?: Explanation;
}

/** Scores one indicator: the sum of its findings' values, never beyond its weight. */
function scoreIndicator(
  indicator: Indicator,
  eff: Effective,
  findings: ScoringFinding[],
  bonus: boolean,
  explain: boolean,
): IndicatorOutcome {
  const lines: Explanation[] = [];
  const values: Fraction[] = [];
  for (const f of findings) {
    const rule = indicator.rules.find((r) => r.n === f.rule);
    if (!rule) continue;
    const v = ruleValue(rule, eff.weight, f.count);
    values.push(v);
    if (!explain) continue;
    const sign = bonus ? '+' : '−';
    const times = f.count > 1 || rule.kind === 'per-occurrence' || rule.kind === 'per-occurrence-bonus' ? ` ${f.count} 处` : '';
    lines.push({
      text: `第${rule.n}条 ${sign}${show(v)}：${ruleSummary(rule)}${times}${evidenceText(f)}${f.note ? `。${f.note}` : ''}`,
      points: round2(bonus ? v : sub(ZERO, v)),
      findingIds: [f.id],
    });
  }
  const raw = sum(values);
  const value = fmin(raw, eff.weight);
  if (!explain) return { value };
  const capped = cmp(raw, eff.weight) > 0;
  const sign = bonus ? '+' : '−';
  const head = `${indicator.name} ${sign}${show(value)}${capped ? `，封顶 ${show(eff.weight)} 分` : ''}${eff.transferNote ? `（${eff.transferNote}）` : ''}`;
  return {
    value,
    explanation: { text: head, points: round2(bonus ? value : sub(ZERO, value)), findingIds: findings.map((f) => f.id), children: lines },
  };
}

/** Scores one target indicator by indicator: the detailed path, and the totals-only path's fallback. */
function scoreTarget(run: ScoringRun, target: ScoringTarget, findings: readonly ScoringFinding[]): Scored {
  const { ruleset, explain } = run;
  const group = run.groups.get(target);
  const { cls, bySection, full: sectionFull } = group;
  const byIndicator = new Map<string, ScoringFinding[]>();
  for (const f of findings) groupPush(byIndicator, f.indicatorId, f);

  const vetoReasons: string[] = [];
  const sections: SectionResult[] = [];
  const indicators: IndicatorResult[] = [];
  const explanation: Explanation[] = [];
  const partTotals = emptyPartSums();
  const vetoOnly = target.kind === 'account' && ruleset.accountScoring === 'veto-only';

  for (const part of ruleset.parts) {
    if (!applies(part.appliesTo, target.kind, cls, target.attributes)) continue;
    for (const section of part.sections) {
      const inSection = bySection.get(section) ?? [];
      if (inSection.length === 0) continue;
      if (part.kind === 'veto') {
        for (const e of inSection) {
          for (const f of byIndicator.get(e.place.indicator.id) ?? []) {
            if (!e.applicable) continue;
            const rule = e.place.indicator.rules.find((r) => r.n === f.rule);
            vetoReasons.push(vetoReason(e.place.indicator, rule));
            if (explain)
              explanation.push({
                text: `单项否决：${e.place.indicator.name}${rule ? `（第${rule.n}条 ${ruleSummary(rule)}）` : ''}${evidenceText(f)}`,
                findingIds: [f.id],
              });
          }
        }
        continue;
      }
      if (vetoOnly || !applies(section.appliesTo, target.kind, cls, target.attributes)) continue;
      const bonus = part.kind === 'bonus';
      let secValue = ZERO;
      let secMax = ZERO;
      const secLines: Explanation[] = [];
      if (!explain) {
        // Totals only: start from the section's full marks and apply the indicators with findings.
        ({ max: secMax, full: secValue } = sectionFull.get(section)!);
        for (const e of inSection) {
          const list = e.applicable ? byIndicator.get(e.place.indicator.id) : undefined;
          if (!list) continue;
          const { value } = scoreIndicator(e.place.indicator, e, list, bonus, false);
          secValue = part.kind === 'basic' ? sub(secValue, value) : add(secValue, value);
        }
      }
      for (const e of explain ? inSection : []) {
        const list = e.applicable ? byIndicator.get(e.place.indicator.id) : undefined;
        secMax = add(secMax, e.weight);
        if (!list && !e.transferNote) {
          // Nothing found here: full marks (basic) or nothing earned (bonus, negative).
          const full = part.kind === 'basic' ? e.weight : ZERO;
          secValue = add(secValue, full);
          indicators.push({
            indicatorId: e.place.indicator.id,
            path: e.place.path,
            applicable: e.applicable,
            weight: round2(e.weight),
            score: round2(full),
            change: 0,
          });
          continue;
        }
        const outcome = scoreIndicator(e.place.indicator, e, list ?? [], bonus, explain);
        const score = part.kind === 'basic' ? sub(e.weight, outcome.value) : outcome.value;
        indicators.push({
          indicatorId: e.place.indicator.id,
          path: e.place.path,
          applicable: e.applicable,
          weight: round2(e.weight),
          score: round2(score),
          change: round2(bonus ? outcome.value : sub(ZERO, outcome.value)),
          explanation: outcome.explanation,
        });
        secValue = add(secValue, score);
        if (outcome.explanation) secLines.push(outcome.explanation);
      }
      sections.push({ id: section.id, name: section.name, part: part.kind, score: round2(secValue), max: round2(secMax) });
      const t = partTotals[part.kind];
      t.raw = add(t.raw, secValue);
      t.max = add(t.max, secMax);
      t.partMax = frac(part.max);
      t.present = true;
      if (explain && secLines.length)
        explanation.push({
          text: `${section.name}（${show(secValue)}/${show(secMax)}）`,
          points: round2(part.kind === 'basic' ? sub(secValue, secMax) : secValue),
          children: secLines,
        });
    }
  }

  return finishScore(run, target, group, { vetoReasons, sections, indicators, explanation, parts: partTotals });
}

/**
 * Scores targets without ranking them: what a cache keeps per target, so that a
 * change to one target rescored alone can be re-ranked against the others.
 */
export function scoreUnranked(
  ruleset: Ruleset,
  targets: readonly ScoringTarget[],
  findings: readonly ScoringFinding[],
  options: ScoreOptions = {},
): Scored[] {
  const run = startRun(ruleset, options);
  if (!run.explain) {
    // Explanations on demand: the targets asked for are scored in full, on the same run's weight groups.
    const full: ScoringRun = { ...run, explain: true };
    const wanted = typeof options.detail === 'object' ? options.detail : undefined;
    return scoreTotals(run, targets, findings, (target, list, explain) => scoreTarget(explain ? full : run, target, list), wanted);
  }
  const byTarget = new Map<number, ScoringFinding[]>();
  for (const f of findings) groupPush(byTarget, f.targetId, f);
  return targets.map((t) => scoreTarget(run, t, byTarget.get(t.id) ?? []));
}

/** Sets every scored target's rank within its class (the order given decides sequential ties). */
export function rankScored(ruleset: Ruleset, scored: readonly Scored[], options: Pick<ScoreOptions, 'ties'> = {}): void {
  const vetoOnly = (s: Scored) => s.score.kind === 'account' && ruleset.accountScoring === 'veto-only';
  const ranks = rankList(
    scored,
    (s) => ({ classId: s.score.classId, total: s.exactTotal, veto: s.score.veto, complete: s.score.complete, rankable: !vetoOnly(s) }),
    tieRule(options.ties, ruleset),
  );
  scored.forEach((s, i) => (s.score.rank = ranks[i]!));
}

/**
 * Scores every target against the ruleset from the confirmed findings only.
 * Pure and deterministic: the same inputs always give the same numbers, ranks
 * and explanations.
 */
export function scoreTargets(
  ruleset: Ruleset,
  targets: ScoringTarget[],
  findings: ScoringFinding[],
  options: ScoreOptions = {},
): TargetScore[] {
  const scored = scoreUnranked(ruleset, targets, findings, options);
  rankScored(ruleset, scored, options);
  return scored.map((s) => s.score);
}

/**
 * The indicator ids a reviewer must walk for one target before its score is final:
 * the applicable ones after weight transfers (vetoes only for veto-only accounts).
 */
export function applicableIndicatorIds(ruleset: Ruleset, target: ScoringTarget): string[] {
  return new WeightGroups(ruleset).get(target).applicable;
}
