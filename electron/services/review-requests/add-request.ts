import { existsSync } from 'node:fs';
import path from 'node:path';
import { KaopingError } from '../../../shared/errors';
import { chinaDateParts } from '../../../shared/format/date';
import type { ReviewRequest } from '../../../shared/domain/types';
import { resolveIndicator } from '../../../shared/ruleset/walk';
import type { AssessmentStore } from '../store/types';
import { assertIsoDay } from './working-days';

export interface ReviewRequestInput {
  targetId: number;
  /** "一级指标/二级指标", optionally "=分数" for the score the unit asks for. */
  indicators: string[];
  reason: string;
  /** "YYYY-MM-DD"; today (China time) by default. */
  receivedOn?: string;
  /** Files the unit sent with the request: copied into the evidence store. */
  attachments?: { path: string; name?: string }[];
  now?: Date;
}

/** Today in China as "YYYY-MM-DD". */
export function chinaToday(now: Date = new Date()): string {
  const { year, month, day } = chinaDateParts(now);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Splits "一级/二级=3" into the indicator and the requested score. */
function parseIndicatorRef(ref: string): { indicator: string; requested: number | null } {
  const m = /^(.*?)\s*[=＝]\s*([0-9.]+)\s*分?\s*$/u.exec(ref);
  if (!m) return { indicator: ref.trim(), requested: null };
  const requested = Number(m[2]);
  if (!Number.isFinite(requested) || requested < 0) throw new KaopingError('bad-number', `申请分数无效：“${ref}”`);
  return { indicator: m[1]!.trim(), requested };
}

/**
 * Records a unit's review request: the disputed indicators (each once), the
 * reason, the day it arrived, and its attachments stored as evidence
 * (content-addressed, never overwritten), all in one transaction.
 */
export function addReviewRequest(store: AssessmentStore, input: ReviewRequestInput): ReviewRequest {
  const reason = input.reason.trim();
  if (!reason) throw new KaopingError('reason-required', '请填写单位提出复核的理由');
  if (input.indicators.length === 0) throw new KaopingError('no-indicator', '请至少指定一个有异议的指标（--indicator 一级指标/二级指标）');
  const receivedOn = input.receivedOn ?? chinaToday(input.now);
  assertIsoDay(receivedOn, '收到日期');
  const target = store.getTarget(input.targetId);
  const ruleset = store.rulesetSnapshot();
  const items = new Map<string, number | null>();
  for (const ref of input.indicators) {
    const { indicator, requested } = parseIndicatorRef(ref);
    const place = resolveIndicator(ruleset, indicator, target.kind);
    if (requested !== null && requested > place.indicator.weight) {
      throw new KaopingError('bad-number', `指标“${place.path}”满分 ${place.indicator.weight} 分，申请分数 ${requested} 超出`);
    }
    if (items.has(place.indicator.id)) throw new KaopingError('duplicate-indicator', `指标“${place.path}”重复列出`);
    items.set(place.indicator.id, requested);
  }
  for (const a of input.attachments ?? []) {
    if (!existsSync(a.path)) throw new KaopingError('no-file', `附件不存在：${a.name ?? a.path}`);
  }
  return store.transaction(() => {
    const attachmentIds = (input.attachments ?? []).map(
      (a) =>
        store.addEvidenceFile(a.path, { kind: 'file', targetId: target.id, title: `复核申请附件：${a.name ?? path.basename(a.path)}` }).id,
    );
    return store.openReviewRequest({
      targetId: target.id,
      reason,
      receivedOn,
      items: [...items].map(([indicatorId, requested]) => ({ indicatorId, requested })),
      attachmentIds,
    });
  });
}
