import { KaopingError } from '../../../shared/errors';
import type { AssessmentStore } from '../store/types';
import { beijingDay, calendarDate, isoDay } from './pub-dates';

/**
 * The monitoring date (监测时间点) of an assessment: the schemes count "监测
 * 时间点前2周/6个月", so freshness is judged at this day, not at whatever day a
 * check happens to run. It is stored on the assessment (and its changes in the
 * history), so checks run on different days of one assessment agree.
 */

/** A monitoring date as the reviewer writes it (YYYY-MM-DD), checked to be a real day; returns it normalised. */
export function parseMonitoringDate(text: string): string {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/u.exec(text);
  const date = m ? calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!date) throw new KaopingError('bad-date', `监测时间点“${text}”不是有效日期（应写作 YYYY-MM-DD，如 2024-03-20）`);
  return isoDay(date);
}

/** UTC midnight of a stored YYYY-MM-DD monitoring date. */
export function monitoringDay(date: string): Date {
  return new Date(`${parseMonitoringDate(date)}T00:00:00Z`);
}

/**
 * The assessment's monitoring date for a check starting at `now`: the one
 * the reviewer asked for (stored, replacing any other), else the stored one,
 * else the day of this check (Beijing time), stored so later runs agree.
 */
export function settleMonitoringDate(store: AssessmentStore, now: Date, requested?: string): Date {
  const stored = store.info().monitoringDate;
  const wanted = requested !== undefined ? parseMonitoringDate(requested) : (stored ?? isoDay(beijingDay(now)));
  if (wanted !== stored) store.updateInfo({ monitoringDate: wanted });
  return monitoringDay(wanted);
}
