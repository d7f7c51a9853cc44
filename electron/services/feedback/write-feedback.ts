import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { KaopingError, isKaopingError } from '../../../shared/errors';
import type { FeedbackResultView } from '../../../shared/api/review-requests';
import { safeName } from '../export/formats/evidence-pack';
import type { AssessmentStore } from '../store/types';
import { addWorkingDays, assertIsoDay } from '../review-requests/working-days';
import { renderFeedbackDocx } from './feedback-docx';
import { feedbackUnits } from './unit-results';

/** Writes through a temporary name so an interrupted run never leaves half a document. */
function writeAtomic(file: string, bytes: Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

/**
 * Writes one preliminary result per unit into `folder` (and all of them in one
 * zip beside them), then records, per target, that it was sent on `sentOn`:
 * the review window counts from that day. Units are the target list's units.
 */
export async function writeFeedback(store: AssessmentStore, folder: string, sentOn: string): Promise<FeedbackResultView> {
  assertIsoDay(sentOn, '发送日期');
  const units = feedbackUnits(store);
  if (units.length === 0) throw new KaopingError('no-targets', '没有考评对象，无法生成初步考评结果反馈单');
  const info = store.info();
  let deadline: string | null = null;
  let windowNote = '';
  try {
    deadline = addWorkingDays(sentOn, info.reviewWindowDays).deadline;
  } catch (error) {
    // Outside the calendar's years the document states the rule without a date rather than a guessed one.
    if (!isKaopingError(error)) throw error;
    windowNote = error.message;
  }
  mkdirSync(folder, { recursive: true });
  const zip: Zippable = {};
  const files: FeedbackResultView['files'] = [];
  const sent: { targetId: number; sentOn: string; file: string; sha256: string }[] = [];
  const used = new Set<string>();
  for (const unit of units) {
    let name = `${safeName(unit.unit)}_初步考评结果反馈单.docx`;
    for (let n = 2; used.has(name); n++) name = `${safeName(unit.unit)}-${n}_初步考评结果反馈单.docx`;
    used.add(name);
    const bytes = await renderFeedbackDocx(unit, {
      info,
      sentOn,
      deadline,
      windowDays: info.reviewWindowDays,
      evidencePath: (e) => store.evidencePath(e),
    });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    writeAtomic(path.join(folder, name), bytes);
    zip[name] = [bytes, { level: 0 }];
    files.push({ unit: unit.unit, file: path.join(folder, name), targets: unit.targets.length, sha256 });
    for (const t of unit.targets) sent.push({ targetId: t.target.id, sentOn, file: name, sha256 });
  }
  const zipFile = path.join(folder, `${safeName(info.name)}_初步考评结果反馈单.zip`);
  writeAtomic(zipFile, zipSync(zip));
  store.recordFeedbackSent(sent);
  return { sentOn, deadline, windowNote, folder, zip: zipFile, files };
}
