import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFeedback } from '../../feedback/write-feedback';
import { addReviewRequest, chinaToday } from '../../review-requests/add-request';
import { decideReviewRequest } from '../../review-requests/decide';
import { writeOutcomesWorkbook } from '../../review-requests/outcomes-xlsx';
import { reviewRequestView, reviewRequestViews } from '../../review-requests/view';
import type { HandlerDeps } from '../handlers';
import { handlersFor } from '../dispatch';
import { storeRunner } from './common';

/** The feedback and review round in the UI: preliminary results, requests, decisions, the outcomes sheet. */
export function reviewRequestHandlers(deps: HandlerDeps) {
  const withStore = storeRunner(deps);
  const now = () => deps.now?.() ?? new Date();
  const relative = (id: string, file: string) =>
    path.relative(deps.workspaceDir, file).split(path.sep).join('/') || path.posix.join(id, path.basename(file));
  return handlersFor({
    'reviewRequests/list': (input) => withStore(input.id, (store) => reviewRequestViews(store)),
    'reviewRequests/add': (input) =>
      withStore(input.id, (store) => {
        // Attachments arrive as uploads: on disk under their own names only while they are copied into the evidence store.
        const scratch = mkdtempSync(path.join(os.tmpdir(), 'kaoping-review-'));
        try {
          const attachments = (input.attachments ?? []).map((a, i) => {
            const file = path.join(scratch, `${i}-${path.basename(a.fileName)}`);
            writeFileSync(file, Buffer.from(a.contentBase64, 'base64'));
            return { path: file, name: path.basename(a.fileName) };
          });
          const request = addReviewRequest(store, {
            targetId: input.targetId,
            indicators: input.indicators,
            reason: input.reason,
            ...(input.receivedOn ? { receivedOn: input.receivedOn } : {}),
            attachments,
            now: now(),
          });
          return reviewRequestView(store, request.id);
        } finally {
          rmSync(scratch, { recursive: true, force: true });
        }
      }),
    'reviewRequests/decide': (input) =>
      withStore(input.id, (store) => {
        decideReviewRequest(store, {
          requestId: input.requestId,
          indicator: input.indicatorId,
          decision: input.decision,
          reason: input.reason,
          changes: { withdraw: input.withdraw, setCount: input.setCount, add: input.add },
        });
        return reviewRequestView(store, input.requestId);
      }),
    'reviewRequests/exportOutcomes': (input) =>
      withStore(input.id, async (store) => {
        const out = path.join(deps.workspaceDir, input.id, 'exports', '复核申请处理结果.xlsx');
        mkdirSync(path.dirname(out), { recursive: true });
        await writeOutcomesWorkbook(reviewRequestViews(store), store.info().name, out);
        return { file: relative(input.id, out), bytes: statSync(out).size };
      }),
    'feedback/create': (input) =>
      withStore(input.id, async (store) => {
        const sentOn = input.sentOn ?? chinaToday(now());
        const folder = path.join(deps.workspaceDir, input.id, 'exports', `初步考评结果反馈单_${sentOn}`);
        const result = await writeFeedback(store, folder, sentOn);
        return {
          ...result,
          folder: relative(input.id, result.folder),
          zip: relative(input.id, result.zip),
          files: result.files.map((f) => ({ ...f, file: relative(input.id, f.file) })),
        };
      }),
  });
}
