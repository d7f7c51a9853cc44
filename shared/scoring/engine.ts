import type { Ruleset, Indicator, Rule, Section, TargetClass } from '../ruleset/types';
import type { GradeBand } from '../domain/types';
import { applies, listIndicators, type IndicatorPlace } from '../ruleset/walk';
import { add, cmp, div, frac, min as fmin, mul, round2, show, sub, sum, times, ZERO, type Fraction } from './fraction';
import type { Explanation, IndicatorResult, ScoreOptions, ScoringFinding, ScoringTarget, SectionResult, TargetScore } from './types';
import { gradeBandsFor } from './grades';
import { rankInClasses, tieRule } from './rank';

interface Effective {
  place: IndicatorPlace;
  applicable: boolean;
  weight: Fraction;
  transferNote?: string;
}

/** Effective weights for one target: applicability, then weight transfers. */
function effectiveWeights(ruleset: Ruleset, target: ScoringTarget, cls: TargetClass | undefined): Map<string, Effective> {
  const out = new Map<string, Effective>();
  // Insertion order is ruleset order, so sections read their indicators in order.
  for (const place of listIndicators(ruleset, target.kind)) {
    const ok = [place.part.appliesTo, place.section.appliesTo, place.indicator.appliesTo].every((s) => applies(s, target.kind, cls, target.attributes));
    out.set(place.indicator.id, { place, applicable: ok, weight: ok ? frac(place.indicator.weight) : ZERO });
  }
  for (const transfer of ruleset.transfers) {
    const from = out.get(transfer.from);
    if (!from?.applicable || !applies(transfer.when, target.kind, cls, target.attributes)) continue;
    const share = div(from.weight, frac(transfer.to.length));
    for (const id of transfer.to) {
      const to = out.get(id);
      if (to?.applicable) {
        to.weight = add(to.weight, share);
        to.transferNote = [to.transferNote, `含“${from.place.indicator.name}”转入 ${show(share)} 分`].filter(Boolean).join('；');
      }
    }
    from.applicable = false;
    from.weight = ZERO;
    from.transferNote = transfer.note;
  }
  return out;
}

/** The signed value of one finding under its rule, before the indicator cap. */
function ruleValue(rule: Rule, weight: Fraction, count: number): Fraction {
  const pts = frac(rule.points ?? 0);
  let value: Fraction;
  switch (rule.kind) {
    case 'fixed':
    case 'fixed-bonus':
      value = pts;
      break;
    case 'per-occurrence':
    case 'per-occurrence-bonus':
      value = times(pts, count);
      break;
    case 'zero':
      value = weight;
      break;
    case 'percent':
      value = times(mul(weight, div(frac(rule.percent ?? 0), frac(100))), rule.perOccurrence ? count : 1);
      break;
    case 'tiered-bonus': {
      const tier = [...(rule.tiers ?? [])].sort((a, b) => b.min - a.min).find((t) => count >= t.min);
      value = tier ? frac(tier.points) : ZERO;
      break;
    }
    case 'veto':
      return ZERO;
  }
  return rule.cap !== undefined ? fmin(value, frac(rule.cap)) : value;
}

function evidenceText(f: ScoringFinding): string {
  return f.evidenceIds.length ? `（证据 ${f.evidenceIds.map((id) => `#${id}`).join(' ')}）` : '';
}

function ruleSummary(rule: Rule): string {
  if (rule.problem) return rule.problem;
  const text = rule.text.replace(/^\d+[.．、]\s*/u, '');
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

interface IndicatorOutcome {
  value: Fraction;
  explanation?: Explanation;
}

/** Scores one indicator: the sum of its findings' values, never beyond its weight. */
function scoreIndicator(indicator: Indicator, eff: Effective, findings: ScoringFinding[], bonus: boolean, explain: boolean): IndicatorOutcome {
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
    lines.push({ text: `第${rule.n}条 ${sign}${show(v)}：${ruleSummary(rule)}${times}${evidenceText(f)}${f.note ? `。${f.note}` : ''}`, points: round2(bonus ? v : sub(ZERO, v)), findingIds: [f.id] });
  }
  const raw = sum(values);
  const value = fmin(raw, eff.weight);
  if (!explain) return { value };
  const capped = cmp(raw, eff.weight) > 0;
  const sign = bonus ? '+' : '−';
  const head = `${indicator.name} ${sign}${show(value)}${capped ? `，封顶 ${show(eff.weight)} 分` : ''}${eff.transferNote ? `（${eff.transferNote}）` : ''}`;
  return { value, explanation: { text: head, points: round2(bonus ? value : sub(ZERO, value)), findingIds: findings.map((f) => f.id), children: lines } };
}

/** A target's score before ranking, with the exact total ranking compares. */
export interface Scored {
  score: TargetScore;
  exactTotal: Fraction | null;
}

/** Targets of one kind, class and attributes share their weights: computed once per scoring run. */
type WeightCache = Map<string, { eff: Map<string, Effective>; bySection: Map<Section, Effective[]>; full: Map<Section, { max: Fraction; full: Fraction }>; applicable: string[]; bands?: GradeBand[] }>;

function weightsFor(cache: WeightCache, ruleset: Ruleset, target: ScoringTarget, cls: TargetClass | undefined) {
  const key = `${target.kind}|${target.classId}|${JSON.stringify(Object.entries(target.attributes).sort())}`;
  let hit = cache.get(key);
  if (!hit) {
    const eff = effectiveWeights(ruleset, target, cls);
    const bySection = new Map<Section, Effective[]>();
    for (const e of eff.values()) groupPush(bySection, e.place.section, e);
    const vetoOnly = target.kind === 'account' && ruleset.accountScoring === 'veto-only';
    // What a reviewer must walk: the applicable indicators the engine scores (vetoes only for veto-only accounts).
    const applicable = [...eff.values()].filter((e) => e.applicable && (!vetoOnly || e.place.part.kind === 'veto')).map((e) => e.place.indicator.id);
    // A section's maximum and its score with nothing found, so totals need to look only at indicators with findings.
    const full = new Map<Section, { max: Fraction; full: Fraction }>();
    for (const [section, list] of bySection) {
      const max = sum(list.map((e) => e.weight));
      full.set(section, { max, full: list[0]!.place.part.kind === 'basic' ? max : ZERO });
    }
    hit = { eff, bySection, full, applicable };
    cache.set(key, hit);
  }
  return hit;
}

function groupPush<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function scoreTarget(ruleset: Ruleset, target: ScoringTarget, findings: ScoringFinding[], options: ScoreOptions, cache: WeightCache): Scored {
  const cls = ruleset.classes.find((c) => c.id === target.classId);
  const weights = weightsFor(cache, ruleset, target, cls);
  const { bySection, full: sectionFull, applicable } = weights;
  const explain = options.detail !== false;
  const byIndicator = new Map<string, ScoringFinding[]>();
  for (const f of findings) groupPush(byIndicator, f.indicatorId, f);

  const vetoReasons: string[] = [];
  const sections: SectionResult[] = [];
  const indicators: IndicatorResult[] = [];
  const explanation: Explanation[] = [];
  const partTotals: Record<'basic' | 'bonus' | 'negative', { raw: Fraction; max: Fraction; partMax: Fraction; present: boolean }> = {
    basic: { raw: ZERO, max: ZERO, partMax: ZERO, present: false },
    bonus: { raw: ZERO, max: ZERO, partMax: ZERO, present: false },
    negative: { raw: ZERO, max: ZERO, partMax: ZERO, present: false },
  };
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
            vetoReasons.push(`${e.place.indicator.name}${rule ? `：${ruleSummary(rule)}` : ''}`);
            if (explain) explanation.push({ text: `单项否决：${e.place.indicator.name}${rule ? `（第${rule.n}条 ${ruleSummary(rule)}）` : ''}${evidenceText(f)}`, findingIds: [f.id] });
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
          indicators.push({ indicatorId: e.place.indicator.id, path: e.place.path, applicable: e.applicable, weight: round2(e.weight), score: round2(full), change: 0 });
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
      if (explain && secLines.length) explanation.push({ text: `${section.name}（${show(secValue)}/${show(secMax)}）`, points: round2(part.kind === 'basic' ? sub(secValue, secMax) : secValue), children: secLines });
    }
  }

  const veto = vetoReasons.length > 0;
  let basic: Fraction | null = null;
  let bonus = ZERO;
  let negative = ZERO;
  if (!vetoOnly && !veto) {
    const b = partTotals.basic;
    basic = b.raw;
    if (ruleset.normaliseBasic && b.present && cmp(b.max, b.partMax) < 0 && b.max.n > 0) {
      basic = div(mul(b.raw, b.partMax), b.max);
      if (explain) explanation.push({ text: `基础性指标以 ${show(b.max)} 分为满分，得分 ${show(b.raw)} × ${show(b.partMax)}/${show(b.max)} = ${show(basic)}` });
    }
    bonus = partTotals.bonus.present ? fmin(partTotals.bonus.raw, partTotals.bonus.partMax) : ZERO;
    const threshold = ruleset.thresholds.bonusOnlyAbove;
    if (threshold !== undefined && cmp(basic, frac(threshold)) <= 0 && bonus.n > 0) {
      if (explain) explanation.push({ text: `基础得分 ${show(basic)} 未超过 ${threshold} 分，加分 ${show(bonus)} 不计入` });
      bonus = ZERO;
    }
    negative = partTotals.negative.present ? fmin(partTotals.negative.raw, partTotals.negative.partMax) : ZERO;
  }
  const exactTotal = basic === null ? null : sub(add(basic, bonus), negative);
  // Grade lines depend on kind and class only, and options are fixed for a run: one lookup per weight group.
  const bands = (weights.bands ??= gradeBandsFor(ruleset, { ...options.gradeLines, ...(options.gradeBands ? { all: options.gradeBands } : {}) }, target.kind, target.classId));
  const reviewedIds = options.reviewed?.get(target.id);
  const reviewedCount = options.reviewed ? applicable.filter((id) => reviewedIds?.has(id)).length : applicable.length;
  // A veto decides the target (the seed: 不再对其他指标进行评分); otherwise every applicable indicator must be walked.
  const complete = veto || reviewedCount === applicable.length;
  let grade: string | null = ruleset.grades.failName;
  if (!complete) grade = null;
  else if (!veto) {
    if (exactTotal === null) grade = '合格';
    else if (ruleset.thresholds.pass === undefined || cmp(exactTotal, frac(ruleset.thresholds.pass)) >= 0) {
      grade = bands.find((band) => cmp(exactTotal, frac(band.min)) >= 0)?.name ?? ruleset.grades.failName;
    }
  }
  return {
    exactTotal: veto ? null : exactTotal,
    score: {
      targetId: target.id,
      name: target.name,
      kind: target.kind,
      classId: target.classId,
      veto,
      vetoReasons,
      sections,
      indicators,
      basic: veto || basic === null ? null : round2(basic),
      bonus: round2(bonus),
      negative: round2(negative),
      total: veto || exactTotal === null ? null : round2(exactTotal),
      grade,
      rank: null,
      complete,
      progress: { reviewed: reviewedCount, total: applicable.length },
      explanation,
    },
  };
}

/**
 * Scores targets without ranking them: what a cache keeps per target, so that a
 * change to one target rescored alone can be re-ranked against the others.
 */
export function scoreUnranked(ruleset: Ruleset, targets: readonly ScoringTarget[], findings: readonly ScoringFinding[], options: ScoreOptions = {}): Scored[] {
  const byTarget = new Map<number, ScoringFinding[]>();
  for (const f of findings) groupPush(byTarget, f.targetId, f);
  const cache: WeightCache = new Map();
  return targets.map((t) => scoreTarget(ruleset, t, byTarget.get(t.id) ?? [], options, cache));
}

/** Sets every scored target's rank within its class (the order given decides sequential ties). */
export function rankScored(ruleset: Ruleset, scored: readonly Scored[], options: Pick<ScoreOptions, 'ties'> = {}): void {
  const vetoOnly = (s: Scored) => s.score.kind === 'account' && ruleset.accountScoring === 'veto-only';
  const ranks = rankInClasses(
    scored,
    (s) => ({ classId: s.score.classId, total: s.exactTotal, veto: s.score.veto, complete: s.score.complete, rankable: !vetoOnly(s) }),
    tieRule(options.ties, ruleset),
  );
  for (const s of scored) s.score.rank = ranks.get(s) ?? null;
}

/**
 * Scores every target against the ruleset from the confirmed findings only.
 * Pure and deterministic: the same inputs always give the same numbers, ranks
 * and explanations.
 */
export function scoreTargets(ruleset: Ruleset, targets: ScoringTarget[], findings: ScoringFinding[], options: ScoreOptions = {}): TargetScore[] {
  const scored = scoreUnranked(ruleset, targets, findings, options);
  rankScored(ruleset, scored, options);
  return scored.map((s) => s.score);
}

/**
 * The indicator ids a reviewer must walk for one target before its score is final:
 * the applicable ones after weight transfers (vetoes only for veto-only accounts).
 */
export function applicableIndicatorIds(ruleset: Ruleset, target: ScoringTarget): string[] {
  const cls = ruleset.classes.find((c) => c.id === target.classId);
  return weightsFor(new Map(), ruleset, target, cls).applicable;
}
