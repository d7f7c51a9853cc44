import { describe, expect, it } from 'vitest';
import { jitterMs, monitorSchedule, scheduleLength } from '../../../../electron/services/checks/monitor/schedule';
import { KaopingError } from '../../../../shared/errors';

const start = new Date('2026-03-02T00:00:00Z');
const gaps = (times: Date[]) => times.slice(1).map((t, i) => t.getTime() - times[i]!.getTime());

describe('monitorSchedule', () => {
  it('spreads a week of 20 visits a day evenly, every 72 minutes', () => {
    const times = monitorSchedule({ start, days: 7, perDay: 20 });
    expect(times).toHaveLength(140);
    expect(times[0]).toEqual(start);
    expect(new Set(gaps(times))).toEqual(new Set([72 * 60_000]));
    expect(times.at(-1)!.getTime() - start.getTime()).toBe(139 * 72 * 60_000);
  });

  it('shifts a target by a small, stable amount that differs between targets', () => {
    const a = monitorSchedule({ start, days: 1, perDay: 20, key: 1 });
    const again = monitorSchedule({ start, days: 1, perDay: 20, key: 1 });
    const b = monitorSchedule({ start, days: 1, perDay: 20, key: 2 });
    expect(again).toEqual(a);
    expect(a[0]!.getTime()).not.toBe(b[0]!.getTime());
    for (const times of [a, b]) {
      const shift = times[0]!.getTime() - start.getTime();
      expect(shift).toBeGreaterThanOrEqual(0);
      expect(shift).toBeLessThan(60_000);
      expect(new Set(gaps(times))).toEqual(new Set([72 * 60_000]));
    }
    // With visits seconds apart the shift stays within a fifth of the interval.
    expect(jitterMs(1, 4320)).toBeLessThan(864);
    expect(jitterMs(undefined, 4_320_000)).toBe(0);
  });

  it('handles fractional days and rounds the number of visits', () => {
    expect(scheduleLength(0.0005, 20_000)).toBe(10);
    const times = monitorSchedule({ start, days: 0.0005, perDay: 20_000 });
    expect(gaps(times)).toEqual([4320, 4320, 4320, 4320, 4320, 4320, 4320, 4320, 4320]);
    expect(
      monitorSchedule({ start, days: 7, perDay: 3 })
        .map((t) => t.getTime() - start.getTime())
        .slice(0, 3),
    ).toEqual([0, 28_800_000, 57_600_000]);
    expect(scheduleLength(0.01, 20)).toBe(1);
  });

  it('rejects a schedule that is not positive', () => {
    expect(() => monitorSchedule({ start, days: 0, perDay: 20 })).toThrow(KaopingError);
    expect(() => monitorSchedule({ start, days: 7, perDay: -1 })).toThrow('监测天数（7）和每天次数（-1）都必须是正数');
    expect(() => monitorSchedule({ start, days: Number.NaN, perDay: 20 })).toThrow(KaopingError);
  });
});
