/**
 * Chinese working days: weekdays, minus the State Council's public holidays, plus the
 * weekend days declared working days (调休). The calendar is the `chinese-days`
 * package's data (pinned in package.json); a year it does not cover is refused
 * rather than guessed, because holidays are announced year by year.
 */
import { isWorkday } from 'chinese-days';
import calendar from 'chinese-days/dist/chinese-days.json';
import { KaopingError } from '../../../shared/errors';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** The years the package's data has holidays for (each year's 通知 lists 元旦 to 国庆节). */
export const COVERED_YEARS: readonly number[] = [...new Set(Object.keys(calendar.holidays).map((day) => Number(day.slice(0, 4))))].sort(
  (a, b) => a - b,
);

/** Checks "YYYY-MM-DD" is a real calendar day; `what` names the field in the error. */
export function assertIsoDay(day: string, what: string): void {
  const m = ISO_DAY.exec(day);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== day)
    throw new KaopingError('bad-date', `${what}应为 YYYY-MM-DD 格式的日期，收到“${day}”`);
}

function assertCovered(day: string): void {
  const year = Number(day.slice(0, 4));
  if (!COVERED_YEARS.includes(year)) {
    throw new KaopingError(
      'calendar-year',
      `节假日数据（chinese-days 软件包）只包含 ${COVERED_YEARS[0]}–${COVERED_YEARS[COVERED_YEARS.length - 1]} 年，没有 ${year} 年的法定节假日与调休安排，无法计算 ${day} 前后的工作日；请在国务院办公厅公布该年安排后升级软件包`,
    );
  }
}

/** The next calendar day. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Whether a day is a working day in mainland China (refuses a year without data). */
export function isWorkingDay(day: string): boolean {
  assertIsoDay(day, '日期');
  assertCovered(day);
  return isWorkday(day);
}

/**
 * The last day of a window of `n` working days counted from `start`. The start day
 * itself does not count (民法典第二百零一条: 开始的当日不计入); day 1 is the first
 * working day after it. A result sent on a Friday before 国庆 therefore opens a
 * window whose first day is the first working day after the holiday (or a 调休
 * Saturday).
 */
export function addWorkingDays(start: string, n: number): { deadline: string; days: string[] } {
  assertIsoDay(start, '起算日期');
  const days: string[] = [];
  let day = start;
  while (days.length < n) {
    day = nextDay(day);
    if (isWorkingDay(day)) days.push(day);
  }
  return { deadline: day, days };
}

/**
 * Which working day after `start` the day `received` is: 0 for the start day
 * itself (or a non-working day before the first), 1 for the first working day, and
 * so on; a non-working day counts as the working day before it.
 */
export function workingDayNumber(start: string, received: string): number {
  assertIsoDay(start, '起算日期');
  assertIsoDay(received, '收到日期');
  let n = 0;
  for (let day = start; day < received;) {
    day = nextDay(day);
    if (isWorkingDay(day)) n++;
  }
  return n;
}
