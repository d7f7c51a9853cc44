import type { ReviewItemView, ReviewRequestView } from '../../../shared/api/review-requests';
import type { HistoryEntry, ReviewRequest, Target } from '../../../shared/domain/types';
import { classLabel, listIndicators } from '../../../shared/ruleset/walk';
import type { TargetScore } from '../../../shared/scoring/types';
import { scoreStoredAssessment } from '../scoring/score-assessment';
import type { AssessmentStore } from '../store/types';
import { requestWindow } from './window';

/** Scores differ by float noise after rational rounding; a hundredth is the smallest step shown. */
const EPSILON = 0.005;

/** Every review request with its window, its self-evaluation comparison and its decisions. */
export function reviewRequestViews(store: AssessmentStore, filter: { targetId?: number } = {}): ReviewRequestView[] {
  const requests = store.listReviewRequests(filter.targetId);
  if (requests.length === 0) return [];
  const scores = new Map(
    scoreStoredAssessment(
      store,
      undefined,
      requests.map((r) => r.targetId),
    ).map((s) => [s.targetId, s]),
  );
  const history = store.history();
  return requests.map((r) => buildView(store, r, store.getTarget(r.targetId), scores.get(r.targetId), history));
}

/** One request's view (scores its target's class only). */
export function reviewRequestView(store: AssessmentStore, id: number): ReviewRequestView {
  const request = store.getReviewRequest(id);
  const target = store.getTarget(request.targetId);
  const score = scoreStoredAssessment(store, target.classId, [target.id]).find((s) => s.targetId === target.id);
  return buildView(store, request, target, score, store.history());
}

/** The request's own entries and the finding changes whose reason names it (decide.ts writes "复核申请 #N 采纳：…"). */
function requestHistory(history: HistoryEntry[], id: number): ReviewRequestView['history'] {
  const tag = `复核申请 #${id} `;
  return history
    .filter((h) => h.subject === `review:${id}` || h.reason.startsWith(tag))
    .map((h) => ({ seq: h.seq, at: h.at, actor: h.actor, action: h.action, subject: h.subject, reason: h.reason }));
}

function buildView(
  store: AssessmentStore,
  r: ReviewRequest,
  target: Target,
  score: TargetScore | undefined,
  history: HistoryEntry[],
): ReviewRequestView {
  const ruleset = store.rulesetSnapshot();
  const paths = new Map(listIndicators(ruleset, target.kind).map((p) => [p.indicator.id, p]));
  const self = new Map(store.listSelfEvalScores(target.id).map((s) => [s.indicatorId, s.score]));
  const results = new Map((score?.indicators ?? []).map((i) => [i.indicatorId, i]));
  const items: ReviewItemView[] = store.listReviewItems(r.id).map((item) => {
    const place = paths.get(item.indicatorId);
    const result = results.get(item.indicatorId);
    const max = result?.weight ?? place?.indicator.weight ?? 0;
    const requested = item.requested ?? max;
    const claimed = self.get(item.indicatorId) ?? null;
    return {
      indicatorId: item.indicatorId,
      indicatorPath: place?.path ?? item.indicatorId,
      max,
      requested,
      self: claimed,
      reviewer: result?.score ?? 0,
      contradictsSelfEval: claimed !== null && requested > claimed + EPSILON,
      decision: item.decision,
      decisionReason: item.decisionReason,
      effect: item.effect,
    };
  });
  const window = requestWindow(store, target.id, r.receivedOn);
  const attachments = store.listReviewAttachments(r.id).map((id) => {
    const e = store.getEvidence(id);
    return { evidenceId: e.id, title: e.title ?? e.file, file: e.file, sha256: e.sha256 };
  });
  return {
    id: r.id,
    targetId: target.id,
    unit: target.unit,
    targetName: target.kind === 'website' ? target.name || target.unit : `${target.name}（${target.platform ?? ''}）`,
    classLabel: classLabel(ruleset, target.classId),
    reason: r.reason,
    receivedOn: r.receivedOn,
    sentOn: window.sentOn,
    deadline: window.deadline,
    workingDay: window.workingDay,
    inTime: window.inTime,
    windowNote: window.note,
    contradictsSelfEval: items.some((i) => i.contradictsSelfEval),
    status: r.status,
    attachments,
    items,
    history: requestHistory(history, r.id),
    createdAt: r.createdAt,
    closedAt: r.closedAt,
  };
}

/** The request's standing in words: its window and, when it cannot be accepted, why. */
export function admissibility(r: ReviewRequestView): string {
  const parts: string[] = [];
  if (r.inTime === false) parts.push(`逾期（期限 ${r.deadline}，第 ${r.workingDay} 个工作日收到）`);
  else if (r.inTime === true) parts.push(`期限内（第 ${r.workingDay} 个工作日，期限 ${r.deadline}）`);
  else parts.push(r.windowNote || '期限未知');
  if (r.contradictsSelfEval) parts.push('与自评不一致');
  return parts.join('；');
}
