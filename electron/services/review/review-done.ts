import { KaopingError } from '../../../shared/errors';
import type { Target } from '../../../shared/domain/types';
import { resolveIndicator } from '../../../shared/ruleset/walk';
import { applicableIndicatorIds } from '../../../shared/scoring/engine';
import type { AssessmentStore } from '../store/types';

export interface ReviewDoneResult {
  target: Target;
  /** Indicator ids whose state changed. */
  changed: string[];
  progress: { reviewed: number; total: number };
}

/**
 * Marks a target's review done (or reopens it): one indicator ("一级/二级" or
 * "单项否决/…"), or every applicable indicator of the target when none is named.
 * Each change is one history entry; the score is final once all are done.
 */
export function setReviewDone(
  store: AssessmentStore,
  target: Target,
  indicatorRef: string | undefined,
  done: boolean,
  reason = '',
): ReviewDoneResult {
  const ruleset = store.rulesetSnapshot();
  const applicable = applicableIndicatorIds(ruleset, {
    id: target.id,
    name: target.name,
    kind: target.kind,
    classId: target.classId,
    attributes: target.attributes,
  });
  let ids = applicable;
  if (indicatorRef) {
    const place = resolveIndicator(ruleset, indicatorRef, target.kind);
    ids = applicable.includes(place.indicator.id) ? [place.indicator.id] : [];
    if (ids.length === 0)
      throw new KaopingError(
        'indicator-not-applicable',
        `指标“${place.path}”不适用于考评对象“${target.unit}${target.name ? ` ${target.name}` : ''}”，无需评审`,
      );
  }
  const before = new Set(store.listReviewedIndicators(target.id).map((r) => r.indicatorId));
  const changed = ids.filter((id) => before.has(id) !== done);
  store.transaction(() => {
    for (const id of changed) store.setIndicatorReviewed(target.id, id, done, reason);
  });
  const after = new Set(store.listReviewedIndicators(target.id).map((r) => r.indicatorId));
  return { target, changed, progress: { reviewed: applicable.filter((id) => after.has(id)).length, total: applicable.length } };
}
