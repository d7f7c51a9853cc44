/**
 * The tables of the totals-only path (totals.ts): the ruleset's indicators and
 * rules as numbered slots, and per weight group every weight, rule value and cap
 * as an integer count of 1/D for one common denominator D.
 */
import type { Rule } from '../ruleset/types';
import { applies, listIndicators, type IndicatorPlace } from '../ruleset/walk';
import { add, div, frac, mul, round2, ZERO, type Fraction } from './fraction';
import type { PartSums, ScoringRun } from './result';
import { vetoReason } from './rules';
import type { ScoringTarget } from './types';
import type { WeightGroup } from './weights';

/** How a rule's value follows from a finding's count: once, per occurrence, or by tiers. */
export const FIXED = 0;
export const PER_COUNT = 1;
export const TIERED = 2;

/** Above this common denominator the group is scored the detailed way (sums of 1/D counts must stay safe). */
const MAX_DENOMINATOR = 1e9;
type ScoredPart = keyof PartSums;

/** The ruleset's leaf indicators and rules as numbered slots: the same for every group. */
export class RulesetIndex {
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
  if (rule.kind === 'per-occurrence' || rule.kind === 'per-occurrence-bonus' || (rule.kind === 'percent' && rule.perOccurrence))
    return PER_COUNT;
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
export interface Plan {
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
  /** The sum of the scored sections' maxima: with a target's findings, bounds every number its score passes through. */
  extent: number;
  /** The part sums with nothing found but the maxima (raw is filled per target). */
  parts: { kind: ScoredPart; max: Fraction; partMax: Fraction }[];
}

const gcd = (a: number, b: number): number => {
  while (b) [a, b] = [b, a % b];
  return a;
};

/** Builds a group's plan, or null when its numbers need the detailed path. */
export function makePlan(run: ScoringRun, index: RulesetIndex, group: WeightGroup, target: ScoringTarget): Plan | null {
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
  const all: Fraction[] = [...weights, ...units, ...sections.flatMap((s) => [s.fullF, s.maxF])];
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
    extent: sections.reduce((sum, s) => sum + Math.abs(scaled(s.maxF)), 0),
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
      return {
        unit: ZERO,
        cap,
        tiers: [...(rule.tiers ?? [])].sort((a, b) => b.min - a.min).map((t) => ({ min: t.min, points: frac(t.points) })),
      };
    case 'veto':
      return { unit: ZERO };
  }
}
