import { KaopingError } from '../../../shared/errors';
import type { Finding, ReviewEffect, ReviewRequestItem } from '../../../shared/domain/types';
import { resolveIndicator } from '../../../shared/ruleset/walk';
import { scoreStoredAssessment } from '../scoring/score-assessment';
import type { AssessmentStore } from '../store/types';
import { reviewRequestView } from './view';

/** How an accepted indicator changes the findings; with none given, every confirmed finding on it is withdrawn. */
export interface ReviewChanges {
  /** Findings to withdraw (status → dismissed; the record and its evidence stay). */
  withdraw?: number[];
  /** New occurrence counts. */
  setCount?: { findingId: number; count: number }[];
  /** Findings to add on the indicator (e.g. a bonus the unit proved). */
  add?: { rule: number; count: number; note?: string }[];
}

export interface DecideInput {
  requestId: number;
  /** "一级指标/二级指标" or the indicator id. */
  indicator: string;
  decision: 'accepted' | 'rejected';
  reason: string;
  changes?: ReviewChanges;
}

/**
 * Decides one disputed indicator of a review request. An acceptance changes the
 * score only through findings (withdraw, change count, add), each logged with
 * the request's number in its reason, so the history shows where the change came
 * from and `verify` stays whole; the score and class rank before and after are
 * kept on the decision. Late requests and requests contradicting the unit's
 * self-evaluation cannot be accepted (申请复核内容与自评报告不一致的，一律不受理).
 */
export function decideReviewRequest(store: AssessmentStore, input: DecideInput): ReviewRequestItem {
  const reason = input.reason.trim();
  if (!reason) throw new KaopingError('reason-required', '复核决定必须填写理由');
  const request = store.getReviewRequest(input.requestId);
  const target = store.getTarget(request.targetId);
  const place = resolveIndicator(store.rulesetSnapshot(), input.indicator, target.kind);
  const view = reviewRequestView(store, request.id);
  const item = view.items.find((i) => i.indicatorId === place.indicator.id);
  if (!item)
    throw new KaopingError(
      'unknown-review-item',
      `复核申请 #${request.id} 没有对“${place.path}”提出异议（异议指标：${view.items.map((i) => i.indicatorPath).join('、')}）`,
    );
  if (input.decision === 'rejected') return store.decideReviewItem(request.id, place.indicator.id, 'rejected', reason, null);

  if (view.inTime === false)
    throw new KaopingError(
      'review-late',
      `复核申请 #${request.id} 于 ${view.receivedOn} 收到，已超过复核期限 ${view.deadline}（发送初步结果后第 ${view.workingDay} 个工作日），不予受理，只能不予采纳`,
    );
  if (item.contradictsSelfEval) {
    throw new KaopingError(
      'review-contradicts',
      `复核申请 #${request.id} 对“${place.path}”申请 ${item.requested} 分，高于该单位自评的 ${item.self} 分，与自评报告不一致，按方案一律不受理，只能不予采纳`,
    );
  }
  const tag = `复核申请 #${request.id} 采纳：${reason}`;
  return store.transaction(() => {
    const before = standing(store, target.classId, target.id, place.indicator.id);
    const changes = applyChanges(
      store,
      target.id,
      place.indicator.id,
      place.path,
      input.changes ?? {},
      tag,
      place.indicator.rules.map((r) => r.n),
    );
    const after = standing(store, target.classId, target.id, place.indicator.id);
    const effect: ReviewEffect = {
      totalBefore: before.total,
      totalAfter: after.total,
      rankBefore: before.rank,
      rankAfter: after.rank,
      indicatorBefore: before.indicator,
      indicatorAfter: after.indicator,
      changes,
    };
    return store.decideReviewItem(request.id, place.indicator.id, 'accepted', reason, effect);
  });
}

function standing(store: AssessmentStore, classId: string, targetId: number, indicatorId: string) {
  const score = scoreStoredAssessment(store, classId, [targetId]).find((s) => s.targetId === targetId)!;
  return { total: score.total, rank: score.rank, indicator: score.indicators.find((i) => i.indicatorId === indicatorId)?.score ?? 0 };
}

function applyChanges(
  store: AssessmentStore,
  targetId: number,
  indicatorId: string,
  indicatorPath: string,
  changes: ReviewChanges,
  tag: string,
  rules: number[],
): string[] {
  const mine = (id: number): Finding => {
    const f = store.getFinding(id);
    if (f.targetId !== targetId || f.indicatorId !== indicatorId)
      throw new KaopingError('finding-mismatch', `问题 #${id} 不属于该考评对象的“${indicatorPath}”指标`);
    if (f.status !== 'confirmed') throw new KaopingError('finding-not-confirmed', `问题 #${id} 不是已确认的问题，不计分，无需复核修改`);
    return f;
  };
  const out: string[] = [];
  const explicit = (changes.withdraw?.length ?? 0) + (changes.setCount?.length ?? 0) + (changes.add?.length ?? 0) > 0;
  const withdraw = explicit
    ? (changes.withdraw ?? [])
    : store
        .listFindings({ targetId, status: 'confirmed' })
        .filter((f) => f.indicatorId === indicatorId)
        .map((f) => f.id);
  if (!explicit && withdraw.length === 0) {
    throw new KaopingError('review-nothing', `“${indicatorPath}”没有已确认的问题可撤回；采纳时请说明如何修改（补记问题或修改次数）`);
  }
  for (const id of withdraw) {
    const f = mine(id);
    store.updateFinding(id, { status: 'dismissed' }, tag);
    out.push(`撤回问题 #${id}（第${f.rule}条 ×${f.count}）`);
  }
  for (const { findingId, count } of changes.setCount ?? []) {
    const f = mine(findingId);
    if (!Number.isInteger(count) || count < 1)
      throw new KaopingError('bad-number', `问题 #${findingId} 的次数必须是正整数；要全部撤回请用撤回`);
    store.updateFinding(findingId, { count }, tag);
    out.push(`问题 #${findingId} 次数 ${f.count}→${count}`);
  }
  for (const a of changes.add ?? []) {
    if (!rules.includes(a.rule)) throw new KaopingError('bad-rule', `指标“${indicatorPath}”没有第 ${a.rule} 条评分细则`);
    const f = store.addFinding({ targetId, indicatorId, rule: a.rule, count: a.count, note: a.note ?? tag, status: 'confirmed' }, tag);
    out.push(`补记问题 #${f.id}（第${a.rule}条 ×${a.count}）`);
  }
  return out;
}
