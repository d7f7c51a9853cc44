import type { Ruleset, Section, TargetClass, Applicability, Indicator } from '../ruleset/types';
import type { GradeBand } from '../domain/types';
import { applies, listIndicators, type IndicatorPlace } from '../ruleset/walk';
import { add, div, frac, show, sum, ZERO, type Fraction } from './fraction';
import type { ScoringTarget } from './types';

/** One indicator's weight for one group of targets, after applicability and transfers. */
export interface Effective {
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
    const ok = [place.part.appliesTo, place.section.appliesTo, place.indicator.appliesTo].every((s) =>
      applies(s, target.kind, cls, target.attributes),
    );
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

/**
 * What every target of one kind, class and (relevant) attributes shares: effective
 * weights, sections' maxima, the indicators a reviewer must walk, grade lines.
 * Computed once per scoring run.
 */
export interface WeightGroup {
  kind: ScoringTarget['kind'];
  cls: TargetClass | undefined;
  eff: Map<string, Effective>;
  bySection: Map<Section, Effective[]>;
  /** A section's maximum and its score with nothing found, so totals look only at indicators with findings. */
  full: Map<Section, { max: Fraction; full: Fraction }>;
  /** What a reviewer must walk: the applicable indicators the engine scores (vetoes only for veto-only accounts). */
  applicable: string[];
  bands?: { bands: GradeBand[]; mins?: Fraction[] };
}

function buildGroup(ruleset: Ruleset, target: ScoringTarget, cls: TargetClass | undefined): WeightGroup {
  const eff = effectiveWeights(ruleset, target, cls);
  const bySection = new Map<Section, Effective[]>();
  for (const e of eff.values()) groupPush(bySection, e.place.section, e);
  const vetoOnly = target.kind === 'account' && ruleset.accountScoring === 'veto-only';
  const applicable = [...eff.values()]
    .filter((e) => e.applicable && (!vetoOnly || e.place.part.kind === 'veto'))
    .map((e) => e.place.indicator.id);
  const full = new Map<Section, { max: Fraction; full: Fraction }>();
  for (const [section, list] of bySection) {
    const max = sum(list.map((e) => e.weight));
    full.set(section, { max, full: list[0]!.place.part.kind === 'basic' ? max : ZERO });
  }
  return { kind: target.kind, cls, eff, bySection, full, applicable };
}

export function groupPush<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every attribute name any applicability or transfer condition of the ruleset reads. */
function attributesRead(ruleset: Ruleset): string[] {
  const names = new Set<string>();
  const note = (scope: Applicability | undefined) => Object.keys(scope?.attributes ?? {}).forEach((k) => names.add(k));
  const visit = (indicator: Indicator) => {
    note(indicator.appliesTo);
    indicator.children?.forEach(visit);
  };
  for (const part of ruleset.parts) {
    note(part.appliesTo);
    for (const section of part.sections) {
      note(section.appliesTo);
      section.indicators.forEach(visit);
    }
  }
  for (const transfer of ruleset.transfers) note(transfer.when);
  return [...names];
}

/**
 * The weight groups of one scoring run. Targets are grouped by kind, class and the
 * values of the attributes the ruleset reads (other attributes cannot change a
 * weight), found without building a string key per target.
 */
export class WeightGroups {
  private readonly classes = new Map<string, TargetClass>();
  private readonly read: string[];
  private readonly byClass = new Map<string, Map<string, Map<number, WeightGroup>>>();
  /** Targets whose attributes are not plain booleans, or too many to pack: keyed by text. */
  private readonly odd = new Map<string, WeightGroup>();

  constructor(private readonly ruleset: Ruleset) {
    // The first class of an id wins, as `classes.find` does.
    for (const c of [...ruleset.classes].reverse()) this.classes.set(c.id, c);
    this.read = attributesRead(ruleset);
  }

  classOf(classId: string): TargetClass | undefined {
    return this.classes.get(classId);
  }

  get(target: ScoringTarget): WeightGroup {
    const cls = this.classes.get(target.classId);
    let bits = 0;
    let plain = this.read.length <= 30;
    for (let i = 0; plain && i < this.read.length; i++) {
      const key = this.read[i]!;
      // The value `applies` will compare: the target's, else the class default, else true.
      const actual = target.attributes[key] ?? cls?.defaults?.[key] ?? true;
      if (actual === true) bits |= 1 << i;
      else if (actual !== false) plain = false;
    }
    if (!plain) {
      const key = `${target.kind}|${target.classId}|${JSON.stringify(Object.entries(target.attributes).sort())}`;
      let hit = this.odd.get(key);
      if (!hit) this.odd.set(key, (hit = buildGroup(this.ruleset, target, cls)));
      return hit;
    }
    let byKind = this.byClass.get(target.classId);
    if (!byKind) this.byClass.set(target.classId, (byKind = new Map()));
    let byBits = byKind.get(target.kind);
    if (!byBits) byKind.set(target.kind, (byBits = new Map()));
    let hit = byBits.get(bits);
    if (!hit) byBits.set(bits, (hit = buildGroup(this.ruleset, target, cls)));
    return hit;
  }
}
