import { isKaopingError } from '../../../shared/errors';
import type { AssessmentStore } from '../store/types';
import { addWorkingDays, workingDayNumber } from './working-days';

export interface RequestWindow {
  sentOn: string | null;
  deadline: string | null;
  workingDay: number | null;
  inTime: boolean | null;
  note: string;
}

/**
 * The review window of a target: `reviewWindowDays` working days (3 in the
 * Zhanjiang scheme) counted from the first day its preliminary result was sent.
 * Without a recorded sending, or outside the calendar's years, the window is
 * unknown and says why; it is never guessed.
 */
export function requestWindow(store: AssessmentStore, targetId: number, receivedOn: string | null): RequestWindow {
  const sentOn = store.listFeedbackSent(targetId)[0]?.sentOn ?? null;
  if (!sentOn) return { sentOn, deadline: null, workingDay: null, inTime: null, note: '未记录初步考评结果的发送日期，无法计算复核期限' };
  const days = store.info().reviewWindowDays;
  try {
    const { deadline } = addWorkingDays(sentOn, days);
    const workingDay = receivedOn ? workingDayNumber(sentOn, receivedOn) : null;
    // The window ends with its last working day: a request arriving on the weekend after it is late.
    return { sentOn, deadline, workingDay, inTime: receivedOn === null ? null : receivedOn <= deadline, note: '' };
  } catch (error) {
    if (isKaopingError(error)) return { sentOn, deadline: null, workingDay: null, inTime: null, note: error.message };
    throw error;
  }
}
