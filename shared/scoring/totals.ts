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
import { ratio, round2Of } from './fraction';
import { emptyPartSums, finishScore, type PartSums, type Scored, type ScoringRun } from './result';
import type { ScoringFinding, ScoringTarget, SectionResult } from './types';
import type { WeightGroup } from './weights';
import { FIXED, makePlan, PER_COUNT, RulesetIndex, type Plan } from './totals-plan';

/** Sums times denominators above this might not be exact in the detailed path's fractions. */
const SAFE_PRODUCT = Number.MAX_SAFE_INTEGER / 4096;

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
function scoreWithPlan(
  run: ScoringRun,
  index: RulesetIndex,
  plan: Plan,
  scratch: Scratch,
  group: WeightGroup,
  target: ScoringTarget,
  list: readonly ScoringFinding[],
  from: number,
  to: number,
): Scored | null {
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
  // The detailed path multiplies numerators by denominators (and by part maxima when it
  // normalises); past this bound its fractions could leave the safe integers, and its
  // result is the one to give.
  if (!((magnitude + plan.extent) * plan.d <= SAFE_PRODUCT)) return null;

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
  return finishScore(run, target, group, {
    vetoReasons: vetoHits ? vetoReasonsOf(index, vetoHits, list) : [],
    sections,
    indicators: [],
    explanation: [],
    parts,
  });
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
    return (
      (plan && scoreWithPlan(run, index, plan, scratch, group, target, grouped, from, to)) ??
      fallback(target, grouped.slice(from, to), false)
    );
  });
}
