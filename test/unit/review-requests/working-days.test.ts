import calendar from 'chinese-days/dist/chinese-days.json';
import { isWorkday } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  COVERED_YEARS,
  isWorkingDay,
  nextDay,
  workingDayNumber,
} from '../../../electron/services/review-requests/working-days';

describe('working days from the chinese-days calendar', () => {
  it('counts a result sent on the Friday before 国庆 2022: the holiday week does not count, the 调休 weekend does', () => {
    // 2022-09-30 is a Friday; 10-01…10-07 are 国庆节; Sat 10-08 and Sun 10-09 are 调休 working days.
    expect(new Date('2022-09-30T00:00:00Z').getUTCDay()).toBe(5);
    expect(isWorkingDay('2022-10-03')).toBe(false);
    expect(isWorkingDay('2022-10-08')).toBe(true);
    expect(addWorkingDays('2022-09-30', 3)).toEqual({ deadline: '2022-10-10', days: ['2022-10-08', '2022-10-09', '2022-10-10'] });
    expect(workingDayNumber('2022-09-30', '2022-09-30')).toBe(0);
    expect(workingDayNumber('2022-09-30', '2022-10-05')).toBe(0);
    expect(workingDayNumber('2022-09-30', '2022-10-10')).toBe(3);
    expect(workingDayNumber('2022-09-30', '2022-10-11')).toBe(4);
  });

  it('skips an ordinary weekend', () => {
    // Friday 2023-03-03 → Mon 6, Tue 7, Wed 8.
    expect(addWorkingDays('2023-03-03', 3).deadline).toBe('2023-03-08');
  });

  it('refuses, in Chinese, a year the data does not cover instead of guessing', () => {
    const last = COVERED_YEARS[COVERED_YEARS.length - 1]!;
    expect(() => addWorkingDays(`${last}-12-30`, 3)).toThrow(new RegExp(`没有 ${last + 1} 年的法定节假日`));
    expect(() => isWorkingDay(`${COVERED_YEARS[0]! - 1}-06-01`)).toThrow(/chinese-days/);
    expect(() => addWorkingDays('2022-02-30', 3)).toThrow(/YYYY-MM-DD/);
  });

  it('covers consecutive years, each with 春节 and 国庆节, and agrees with the package’s own isWorkday', () => {
    expect(COVERED_YEARS.length).toBeGreaterThan(5);
    expect(COVERED_YEARS).toContain(2022);
    for (const [i, year] of COVERED_YEARS.entries()) {
      if (i > 0) expect(year).toBe(COVERED_YEARS[i - 1]! + 1);
      const names = Object.entries(calendar.holidays)
        .filter(([d]) => d.startsWith(`${year}-`))
        .map(([, v]) => v);
      expect(names.some((n) => n.includes('春节'))).toBe(true);
      expect(names.some((n) => n.includes('国庆'))).toBe(true);
    }
    const first = COVERED_YEARS[0]!;
    const last = COVERED_YEARS[COVERED_YEARS.length - 1]!;
    let mismatches = 0;
    for (let day = `${first}-01-01`; day <= `${last}-12-31`; day = nextDay(day)) {
      const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
      const expected = day in calendar.workdays ? true : day in calendar.holidays ? false : !weekend;
      if (expected !== isWorkday(day) || expected !== isWorkingDay(day)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});
