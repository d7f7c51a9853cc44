import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isKaopingError } from '../../../shared/errors';
import { writeFeedback } from '../feedback/write-feedback';
import { addReviewRequest, chinaToday } from '../review-requests/add-request';
import { decideReviewRequest } from '../review-requests/decide';
import { writeOutcomesWorkbook } from '../review-requests/outcomes-xlsx';
import { reviewRequestView, reviewRequestViews } from '../review-requests/view';
import { addWorkingDays } from '../review-requests/working-days';
import type { AssessmentStore } from '../store/types';
import { REVIEW_ROUND } from './demo-script';

/**
 * Sends every unit its preliminary result (dated today), takes the county's
 * review request on the second working day after, decides it through findings
 * and writes the outcomes sheet. Returns the files written.
 */
export async function runReviewRound(
  store: AssessmentStore,
  exportsDir: string,
  now: Date,
  say: (line: string) => void,
): Promise<{ label: string; path: string }[]> {
  const sentOn = chinaToday(now);
  const feedback = await writeFeedback(store, path.join(exportsDir, '初步考评结果反馈单'), sentOn);
  say(
    `初步考评结果反馈单：${feedback.files.length} 个单位，发送日期 ${sentOn}（复核申请期限自次日起算 ${store.info().reviewWindowDays} 个工作日）`,
  );
  let receivedOn = sentOn;
  try {
    receivedOn = addWorkingDays(sentOn, REVIEW_ROUND.receivedOnWorkingDay).deadline;
  } catch (error) {
    // Late in December the next year's holidays may not be in the calendar yet: the demo says so and goes on.
    if (!isKaopingError(error)) throw error;
    say(`  ${error.message}`);
  }
  const target = store.listTargets().find((t) => t.kind === 'website' && t.unit === REVIEW_ROUND.unit)!;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'kaoping-demo-review-'));
  try {
    const attachment = path.join(scratch, REVIEW_ROUND.attachment.name);
    writeFileSync(attachment, REVIEW_ROUND.attachment.text);
    const request = addReviewRequest(store, {
      targetId: target.id,
      indicators: REVIEW_ROUND.decisions.map((d) => d.indicatorId),
      reason: REVIEW_ROUND.reason,
      receivedOn,
      attachments: [{ path: attachment, name: REVIEW_ROUND.attachment.name }],
    });
    const view = reviewRequestView(store, request.id);
    const window =
      view.inTime === null
        ? view.windowNote
        : `期限 ${view.deadline}，第 ${view.workingDay} 个工作日收到，${view.inTime ? '在期限内' : '已逾期'}`;
    say(
      `  复核申请 #${request.id}：${target.unit}，${receivedOn} 收到（${window}），异议指标 ${view.items.map((i) => i.indicatorPath).join('、')}`,
    );
    for (const d of REVIEW_ROUND.decisions) {
      const item = decideReviewRequest(store, { requestId: request.id, indicator: d.indicatorId, decision: d.decision, reason: d.reason });
      const indicatorPath = view.items.find((i) => i.indicatorId === d.indicatorId)!.indicatorPath;
      const effect = item.effect
        ? `：总分 ${item.effect.totalBefore} → ${item.effect.totalAfter}，类内排名 ${item.effect.rankBefore} → ${item.effect.rankAfter}（${item.effect.changes.join('；')}）`
        : '';
      say(`  ${d.decision === 'accepted' ? '采纳' : '不予采纳'} ${indicatorPath}——${d.reason}${effect}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const outcomes = path.join(exportsDir, '复核申请处理结果.xlsx');
  await writeOutcomesWorkbook(reviewRequestViews(store), store.info().name, outcomes);
  return [
    { label: '初步考评结果反馈单（zip）', path: feedback.zip },
    { label: '复核申请处理结果', path: outcomes },
  ];
}
