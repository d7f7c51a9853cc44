/**
 * Totals-only scoring for lists and the score cache (10,000 targets and more).
 *
 * For each weight group the ruleset is turned once into flat number tables over
 * one common denominator D (every weight, rule value and cap an integer count of
 * 1/D), so scoring a target adds integers with no per-finding objects, strings or
 * closures, and makes fractions only for its part sums. Results are the same as
 * the detailed path's to the last digit: both end in `finishScore`, a group whose
 * numbers do not fit in safe integers, and a target whose counts are not whole or
 * whose sums could leave the safe integers, are scored by the detailed path
 * (without explanations) instead.
 */
import type { Rule } from '../ruleset/types';
import { applies, listIndicators, type IndicatorPlace } from '../ruleset/walk';
import { add, div, frac, mul, ratio, round2, round2Of, ZERO, type Fraction } from './fraction';
import { emptyPartSums, finishScore, type PartSums, type Scored, type ScoringRun } from './result';
import { vetoReason } from './rules';
import type { ScoringFinding, ScoringTarget, SectionResult } from './types';
import type { WeightGroup } from './weights';

/** How a rule's value follows from a finding's count: once, per occurrence, or by tiers. */
const FIXED = 0;
const PER_COUNT = 1;
const TIERED = 2;

/** Above this common denominator the group is scored the detailed way (sums of 1/D counts must stay safe). */
const MAX_DENOMINATOR = 1e9;
type ScoredPart = keyof PartSums;

/** The ruleset's leaf indicators and rules as numbered slots: the same for every group. */
class RulesetIndex {
  readonly places: IndicatorPlace[];
  readonly slotOf = new Map<string, number>();
  /** Per slot: rule number → index in the indicator's rules (the first rule of a number, as `find` gives). */
  readonly ruleOf: Map<number, number>[] = [];
  /** Per slot: where its rules start in the flat rule tables. */
  readonly ruleBase: Int32Array;
  readonly mode: Uint8Array;
  /** Per slot and rule index, the veto reason text, made on first use. */
  private readonly vetoTexts: (string | undefined)[][] = [];
  /** False when two leaves share an id: the detailed path then decides what that means. */
  readonly unique: boolean;

  constructor(run: ScoringRun) {
    this.places = listIndicators(run.ruleset);
    this.ruleBase = new Int32Array(this.places.length + 1);
    let unique = true;
    this.places.forEach((place, slot) => {
      if (this.slotOf.has(place.indicator.id)) unique = false;
      else this.slotOf.set(place.indicator.id, slot);
      const byN = new Map<number, number>();
      place.indicator.rules.forEach((rule, i) => {
        if (!byN.has(rule.n)) byN.set(rule.n, i);
      });
      this.ruleOf.push(byN);
      this.vetoTexts.push([]);
      this.ruleBase[slot + 1] = this.ruleBase[slot]! + place.indicator.rules.length;
    });
    this.unique = unique;
    this.mode = new Uint8Array(this.ruleBase[this.places.length]!);
    this.places.forEach((place, slot) => place.indicator.rules.forEach((rule, i) => (this.mode[this.ruleBase[slot]! + i] = modeOf(rule))));
  }

  vetoText(slot: number, ruleIndex: number | undefined): string {
    const indicator = this.places[slot]!.indicator;
    if (ruleIndex === undefined) return vetoReason(indicator, undefined);
    const texts = this.vetoTexts[slot]!;
    return (texts[ruleIndex] ??= vetoReason(indicator, indicator.rules[ruleIndex]));
  }
}

function modeOf(rule: Rule): number {
  if (rule.kind === 'per-occurrence' || rule.kind === 'per-occurrence-bonus' || (rule.kind === 'percent' && rule.perOccurrence)) return PER_COUNT;
  return rule.kind === 'tiered-bonus' ? TIERED : FIXED;
}

interface PlanSection {
  id: string;
  name: string;
  part: ScoredPart;
  /** Score with nothing found, in 1/D. */
  full: number;
  shownMax: number;
}

/** One weight group's tables, every number in 1/D. */
interface Plan {
  d: number;
  /** Per slot: the effective weight. */
  weight: Float64Array;
  /** Per slot: the index of its scored section, or -1 when its findings score nothing. */
  section: Int32Array;
  /** Per slot: 1 when a finding there vetoes the target. */
  veto: Uint8Array;
  /** Per flat rule: the value (FIXED) or the value per occurrence (PER_COUNT). */
  unit: Float64Array;
  /** Per flat rule: the rule's own cap, Infinity when none. */
  cap: Float64Array;
  /** Per flat rule of TIERED: [min, points, min, points, …], highest min first. */
  tiers: (number[] | undefined)[];
  sections: PlanSection[];
  /** The part sums with nothing found but the maxima (raw is filled per target). */
  parts: { kind: ScoredPart; max: Fraction; partMax: Fraction }[];
}

const gcd = (a: number, b: number): number => {
  while (b) [a, b] = [b, a % b];
  return a;
};

/** Builds a group's plan, or null when its numbers need the detailed path. */
function makePlan(run: ScoringRun, index: RulesetIndex, group: WeightGroup, target: ScoringTarget): Plan | null {
  const { ruleset } = run;
  const slots = index.places.length;
  const weights: Fraction[] = new Array<Fraction>(slots).fill(ZERO);
  const section = new Int32Array(slots).fill(-1);
  const veto = new Uint8Array(slots);
  const units: Fraction[] = new Array<Fraction>(index.mode.length).fill(ZERO);
  const caps: (Fraction | undefined)[] = [];
  const tiers: ({ min: number; points: Fraction }[] | undefined)[] = [];
  const sections: (PlanSection & { fullF: Fraction; maxF: Fraction })[] = [];
  const parts = new Map<ScoredPart, { kind: ScoredPart; max: Fraction; partMax: Fraction }>();
  const vetoOnly = target.kind === 'account' && ruleset.accountScoring === 'veto-only';
  try {
    // The same walk as the detailed path: parts, then sections, skipping what does not apply.
    for (const part of ruleset.parts) {
      if (!applies(part.appliesTo, target.kind, group.cls, target.attributes)) continue;
      for (const sec of part.sections) {
        const inSection = group.bySection.get(sec) ?? [];
        if (inSection.length === 0) continue;
        if (part.kind === 'veto') {
          for (const e of inSection) if (e.applicable) veto[index.slotOf.get(e.place.indicator.id)!] = 1;
          continue;
        }
        if (vetoOnly || !applies(sec.appliesTo, target.kind, group.cls, target.attributes)) continue;
        const { max, full } = group.full.get(sec)!;
        for (const e of inSection) {
          if (!e.applicable) continue;
          const slot = index.slotOf.get(e.place.indicator.id)!;
          section[slot] = sections.length;
          weights[slot] = e.weight;
          const base = index.ruleBase[slot]!;
          e.place.indicator.rules.forEach((rule, i) => {
            const value = ruleUnit(rule, e.weight);
            units[base + i] = value.unit;
            caps[base + i] = value.cap;
            tiers[base + i] = value.tiers;
          });
        }
        sections.push({ id: sec.id, name: sec.name, part: part.kind, full: 0, shownMax: round2(max), fullF: full, maxF: max });
        const sum = parts.get(part.kind);
        parts.set(part.kind, { kind: part.kind, max: sum ? add(sum.max, max) : max, partMax: frac(part.max) });
      }
    }
  } catch {
    return null; // a number the detailed path refuses: let it say so when a finding reaches it
  }
  const all: Fraction[] = [...weights, ...units, ...sections.map((s) => s.fullF)];
  for (const c of caps) if (c) all.push(c);
  for (const t of tiers) if (t) all.push(...t.map((x) => x.points));
  let d = 1;
  for (const f of all) {
    d = (d / gcd(d, f.d)) * f.d;
    if (d > MAX_DENOMINATOR) return null;
  }
  const scaled = (f: Fraction) => f.n * (d / f.d);
  if (all.some((f) => !Number.isSafeInteger(scaled(f) * 1024))) return null;
  return {
    d,
    weight: Float64Array.from(weights, scaled),
    section,
    veto,
    unit: Float64Array.from(units, scaled),
    cap: Float64Array.from(index.mode, (_, i) => (caps[i] ? scaled(caps[i]!) : Infinity)),
    tiers: tiers.map((t) => t?.flatMap((x) => [x.min, scaled(x.points)])),
    sections: sections.map(({ id, name, part, fullF, shownMax }) => ({ id, name, part, full: scaled(fullF), shownMax })),
    parts: [...parts.values()],
  };
}

/** A rule's value per finding (or per occurrence) and its cap, as `ruleValue` computes them. */
function ruleUnit(rule: Rule, weight: Fraction): { unit: Fraction; cap?: Fraction; tiers?: { min: number; points: Fraction }[] } {
  const pts = frac(rule.points ?? 0);
  const cap = rule.cap !== undefined && rule.kind !== 'veto' ? frac(rule.cap) : undefined;
  switch (rule.kind) {
    case 'fixed':
    case 'fixed-bonus':
    case 'per-occurrence':
    case 'per-occurrence-bonus':
      return { unit: pts, cap };
    case 'zero':
      return { unit: weight, cap };
    case 'percent':
      return { unit: mul(weight, div(frac(rule.percent ?? 0), frac(100))), cap };
    case 'tiered-bonus':
      // Highest min first; a stable sort keeps the first listed of equal mins ahead, as `tierFor` finds it.
      return { unit: ZERO, cap, tiers: [...(rule.tiers ?? [])].sort((a, b) => b.min - a.min).map((t) => ({ min: t.min, points: frac(t.points) })) };
    case 'veto':
      return { unit: ZERO };
  }
}

/** Scratch space reused by every target of a run. */
class Scratch {
  readonly acc: Float64Array;
  readonly stamp: Int32Array;
  readonly touched: Int32Array;
  sectionSum = new Float64Array(16);
  round = 0;
  constructor(slots: number) {
    this.acc = new Float64Array(slots);
    this.stamp = new Int32Array(slots);
    this.touched = new Int32Array(slots);
  }
}

/**
 * Scores one target from its findings `list[from..to)` with the group's plan, or
 * returns null when it must take the detailed path (a count that is not whole,
 * sums beyond safe integers).
 */
function scoreWithPlan(run: ScoringRun, index: RulesetIndex, plan: Plan, scratch: Scratch, group: WeightGroup, target: ScoringTarget, list: readonly ScoringFinding[], from: number, to: number): Scored | null {
  const { acc, stamp, touched } = scratch;
  const round = ++scratch.round;
  let nTouched = 0;
  let magnitude = 0;
  let vetoHits: number[] | undefined;
  for (let i = from; i < to; i++) {
    const f = list[i]!;
    const slot = index.slotOf.get(f.indicatorId);
    if (slot === undefined) continue;
    if (plan.veto[slot]) {
      (vetoHits ??= []).push(slot, i);
      continue;
    }
    const sec = plan.section[slot]!;
    if (sec < 0) continue;
    const r = index.ruleOf[slot]!.get(f.rule);
    if (r === undefined) continue;
    const flat = index.ruleBase[slot]! + r;
    const mode = index.mode[flat]!;
    let v: number;
    if (mode === FIXED) v = plan.unit[flat]!;
    else if (mode === PER_COUNT) {
      const count = f.count;
      if ((count | 0) !== count) return null; // not a whole number (or beyond 32 bits): the detailed path decides
      v = plan.unit[flat]! * count;
    } else {
      v = 0;
      const t = plan.tiers[flat]!;
      for (let k = 0; k < t.length; k += 2) {
        if (f.count >= t[k]!) {
          v = t[k + 1]!;
          break;
        }
      }
    }
    const cap = plan.cap[flat]!;
    if (v > cap) v = cap;
    magnitude += v < 0 ? -v : v;
    if (stamp[slot] !== round) {
      stamp[slot] = round;
      acc[slot] = v;
      touched[nTouched++] = slot;
    } else acc[slot] += v;
  }
  if (!(magnitude <= Number.MAX_SAFE_INTEGER)) return null;

  const nSections = plan.sections.length;
  if (scratch.sectionSum.length < nSections) scratch.sectionSum = new Float64Array(nSections);
  const sectionSum = scratch.sectionSum.fill(0, 0, nSections);
  for (let k = 0; k < nTouched; k++) {
    const slot = touched[k]!;
    const w = plan.weight[slot]!;
    const a = acc[slot]!;
    // An indicator never loses (or earns) more than its weight.
    sectionSum[plan.section[slot]!] += a < w ? a : w;
  }
  let basic = 0;
  let bonus = 0;
  let negative = 0;
  const sections: SectionResult[] = new Array<SectionResult>(nSections);
  for (let i = 0; i < nSections; i++) {
    const s = plan.sections[i]!;
    const value = s.part === 'basic' ? s.full - sectionSum[i]! : s.full + sectionSum[i]!;
    if (s.part === 'basic') basic += value;
    else if (s.part === 'bonus') bonus += value;
    else negative += value;
    sections[i] = { id: s.id, name: s.name, part: s.part, score: round2Of(value, plan.d), max: s.shownMax };
  }
  const parts: PartSums = emptyPartSums();
  for (const p of plan.parts) {
    const raw = p.kind === 'basic' ? basic : p.kind === 'bonus' ? bonus : negative;
    parts[p.kind] = { raw: ratio(raw, plan.d), max: p.max, partMax: p.partMax, present: true };
  }
  return finishScore(run, target, group, { vetoReasons: vetoHits ? vetoReasonsOf(index, vetoHits, list) : [], sections, indicators: [], explanation: [], parts });
}

/** Veto reasons in ruleset order, then finding order, as the detailed path lists them. */
function vetoReasonsOf(index: RulesetIndex, hits: number[], list: readonly ScoringFinding[]): string[] {
  const pairs: [number, number][] = [];
  for (let k = 0; k < hits.length; k += 2) pairs.push([hits[k]!, hits[k + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return pairs.map(([slot, i]) => index.vetoText(slot, index.ruleOf[slot]!.get(list[i]!.rule)));
}

/**
 * Numbers the distinct target ids 0, 1, … in list order. Stored ids are small
 * positive integers, so a typed array indexed by id usually replaces a hash map.
 */
function targetSlots(targets: readonly ScoringTarget[]): { size: number; get: (id: number) => number } {
  let maxId = 0;
  let dense = true;
  for (const t of targets) {
    if (!Number.isInteger(t.id) || t.id < 0) dense = false;
    else if (t.id > maxId) maxId = t.id;
  }
  if (dense && maxId <= 8 * targets.length + 1024) {
    const table = new Int32Array(maxId + 1).fill(-1);
    let size = 0;
    for (const t of targets) if (table[t.id]! < 0) table[t.id] = size++;
    return { size, get: (id) => (Number.isInteger(id) && id >= 0 && id <= maxId ? table[id]! : -1) };
  }
  const map = new Map<number, number>();
  for (const t of targets) if (!map.has(t.id)) map.set(t.id, map.size);
  return { size: map.size, get: (id) => map.get(id) ?? -1 };
}

/**
 * Scores every target's totals (no per-indicator results, no explanations).
 * `fallback` is the detailed path, used where the fast tables cannot be exact
 * and for the targets in `detailFor`.
 */
export function scoreTotals(
  run: ScoringRun,
  targets: readonly ScoringTarget[],
  findings: readonly ScoringFinding[],
  fallback: (target: ScoringTarget, findings: readonly ScoringFinding[], explain: boolean) => Scored,
  detailFor?: ReadonlySet<number>,
): Scored[] {
  // Findings grouped by target in two passes over flat arrays (no array per target).
  const slotOfTarget = targetSlots(targets);
  const start = new Int32Array(slotOfTarget.size + 1);
  const owner = new Int32Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const slot = slotOfTarget.get(findings[i]!.targetId);
    owner[i] = slot;
    if (slot >= 0) start[slot + 1]!++;
  }
  for (let s = 0; s < slotOfTarget.size; s++) start[s + 1]! += start[s]!;
  const grouped = new Array<ScoringFinding>(start[slotOfTarget.size]!);
  const cursor = start.slice(0, slotOfTarget.size);
  for (let i = 0; i < findings.length; i++) if (owner[i]! >= 0) grouped[cursor[owner[i]!]!++] = findings[i]!;

  const index = new RulesetIndex(run);
  const plans = new Map<WeightGroup, Plan | null>();
  const scratch = new Scratch(index.places.length);
  return targets.map((target) => {
    const slot = slotOfTarget.get(target.id)!;
    const from = start[slot]!;
    const to = start[slot + 1]!;
    if (detailFor?.has(target.id)) return fallback(target, grouped.slice(from, to), true);
    const group = run.groups.get(target);
    let plan = plans.get(group);
    if (plan === undefined) plans.set(group, (plan = index.unique ? makePlan(run, index, group, target) : null));
    return (plan && scoreWithPlan(run, index, plan, scratch, group, target, grouped, from, to)) ?? fallback(target, grouped.slice(from, to), false);
  });
}
