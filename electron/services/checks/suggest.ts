import type { Ruleset } from '../../../shared/ruleset/types';
import { applies, listIndicators, type IndicatorPlace } from '../../../shared/ruleset/walk';
import { detectId, detectMatches } from '../../../shared/checks/detects';
import { matchKey } from '../../../shared/text/normalize';
import type { Target } from '../../../shared/domain/types';
import type { AssessmentStore } from '../store/types';
import type { EvidenceItem, Observation } from './types';

/** A finding a check proposes: it scores nothing until a reviewer confirms it. */
export interface Suggestion {
  target: string;
  targetId: number;
  /** The observation it came from (links.home, freshness.news …). */
  check: string;
  indicatorId: string;
  /** "<一级指标>/<二级指标>", or "单项否决/<指标>". */
  indicator: string;
  rule: number;
  count: number;
  status: 'suggested';
  summary: string;
  evidence: EvidenceItem[];
  /** Screenshots and other stored evidence gathered for it (filled by the runner). */
  evidenceIds: number[];
}

/** Every rule of the ruleset that scores an observation, with the place of its indicator. */
function rulesDetecting(ruleset: Ruleset, observation: Observation, observed: Target): { place: IndicatorPlace; rule: number }[] {
  const out: { place: IndicatorPlace; rule: number }[] = [];
  for (const place of listIndicators(ruleset)) {
    for (const rule of place.indicator.rules) {
      const spec = rule.detects?.find((d) => detectId(d) === observation.detect);
      if (spec && detectMatches(spec, observation.count, observed.attributes)) out.push({ place, rule: rule.n });
    }
  }
  return out;
}

function appliesTo(ruleset: Ruleset, place: IndicatorPlace, target: Target): boolean {
  const cls = ruleset.classes.find((c) => c.id === target.classId);
  return [place.part.appliesTo, place.section.appliesTo, place.indicator.appliesTo].every((s) =>
    applies(s, target.kind, cls, target.attributes),
  );
}

/**
 * Where an observation about `target` is scored. Rulesets such as Zhanjiang 2021
 * score a unit's new-media accounts inside the unit's website score (政务新媒体
 * 一级指标), so an account's observation on such a rule lands on the website of
 * the same unit; `others` are the assessment's targets to look it up in.
 */
function scoredOn(ruleset: Ruleset, place: IndicatorPlace, target: Target, others: readonly Target[]): Target | undefined {
  if (appliesTo(ruleset, place, target)) return target;
  if (target.kind !== 'account') return undefined;
  const unit = matchKey(target.unit);
  return others.find(
    (t) => t.kind === 'website' && (matchKey(t.unit) === unit || matchKey(t.name) === unit) && appliesTo(ruleset, place, t),
  );
}

/** Turns a check's observations into suggestions by the rules whose `detects` name them. */
export function suggestionsFor(
  ruleset: Ruleset,
  target: Target,
  observations: readonly Observation[],
  others: readonly Target[] = [target],
): Suggestion[] {
  const out: Suggestion[] = [];
  for (const observation of observations) {
    for (const { place, rule } of rulesDetecting(ruleset, observation, target)) {
      const on = scoredOn(ruleset, place, target, others);
      if (!on) continue;
      const about = on.id === target.id ? '' : `（${target.name}）`;
      out.push({
        target: on.name || on.unit,
        targetId: on.id,
        check: observation.detect,
        indicatorId: place.indicator.id,
        indicator: place.path,
        rule,
        count: observation.count,
        status: 'suggested',
        summary: `${observation.summary}${about}`,
        evidence: observation.items,
        evidenceIds: [],
      });
    }
  }
  return out;
}

/**
 * Whether the reviewer already decided this suggestion (confirmed or dismissed
 * it with the same count): a re-run neither brings it back nor takes new
 * screenshots for it.
 */
export function alreadyDecided(store: AssessmentStore, s: Suggestion): boolean {
  return store
    .listFindings({ targetId: s.targetId })
    .some(
      (f) =>
        f.source === s.check && f.indicatorId === s.indicatorId && f.rule === s.rule && f.status !== 'suggested' && f.count === s.count,
    );
}

/**
 * Stores suggestions as findings with status 'suggested', each with its evidence
 * list saved as a JSON file beside any screenshots. Running a check again updates
 * the pending suggestion instead of adding a twin, and does not bring back one
 * the reviewer already confirmed or dismissed with the same count.
 */
export function storeSuggestions(store: AssessmentStore, suggestions: readonly Suggestion[], checkedAt: string): number[] {
  const ids: number[] = [];
  for (const s of suggestions) {
    store.transaction(() => {
      const target = store.getTarget(s.targetId);
      const same = store
        .listFindings({ targetId: s.targetId })
        .filter((f) => f.source === s.check && f.indicatorId === s.indicatorId && f.rule === s.rule);
      if (same.some((f) => f.status !== 'suggested' && f.count === s.count)) return;
      const list = store.addEvidence(
        Buffer.from(
          JSON.stringify({ target: s.target, indicator: s.indicator, rule: s.rule, check: s.check, checkedAt, items: s.evidence }, null, 2),
        ),
        {
          kind: 'file',
          ext: 'json',
          url: target.url,
          title: `${s.summary}（自动检查清单）`,
          capturedAt: checkedAt,
          targetId: s.targetId,
          indicatorId: s.indicatorId,
        },
      );
      const pending = same.find((f) => f.status === 'suggested');
      if (pending) {
        store.updateFinding(pending.id, { count: s.count, note: s.summary }, '重新检查');
        for (const e of [list.id, ...s.evidenceIds]) store.linkEvidence(pending.id, e);
        ids.push(pending.id);
        return;
      }
      ids.push(
        store.addFinding({
          targetId: s.targetId,
          indicatorId: s.indicatorId,
          rule: s.rule,
          count: s.count,
          note: s.summary,
          status: 'suggested',
          source: s.check,
          evidenceIds: [list.id, ...s.evidenceIds],
        }).id,
      );
    });
  }
  return ids;
}
