import { describe, expect, it } from 'vitest';
import type { MonitorAttempt } from '../../../../shared/domain/types';
import { monitorObservations, monitorShortfalls, summariseMonitor } from '../../../../electron/services/checks/monitor/summary';

const START = Date.parse('2026-03-01T16:00:00Z'); // 2026-03-02 00:00 in Beijing

/** `n` attempts every `gapMs`, the ones at the given indexes failing. */
function attempts(targetId: number, n: number, gapMs: number, failing: number[]): MonitorAttempt[] {
  return Array.from({ length: n }, (_, i) => {
    const ok = !failing.includes(i);
    return {
      id: targetId * 1000 + i,
      targetId,
      at: new Date(START + i * gapMs).toISOString(),
      ok,
      status: ok ? 200 : 0,
      ms: ok ? 120 : 15_000,
      error: ok ? '' : '超过 15 秒仍打不开',
    };
  });
}

const WEEK_GAP = 72 * 60_000;

describe('summariseMonitor', () => {
  it('adds up attempts per target and measures the period as a week for 140 visits every 72 minutes', () => {
    const [a, b] = summariseMonitor([...attempts(2, 10, 60_000, [1]), ...attempts(1, 140, WEEK_GAP, [0, 5])].reverse());
    expect(a).toMatchObject({
      targetId: 1,
      attempts: 140,
      failures: 2,
      from: '2026-03-01T16:00:00.000Z',
      to: new Date(START + 139 * WEEK_GAP).toISOString(),
    });
    expect(a!.days).toBeCloseTo(7, 9);
    expect(a!.failed.map((f) => f.id)).toEqual([1000, 1005]);
    expect(monitorShortfalls(a!)).toEqual([]);
    expect(b).toMatchObject({ targetId: 2, attempts: 10, failures: 1, ratio: 0.1 });
  });
});

describe('monitorObservations', () => {
  it('counts exactly 5% (7 of 140) as reaching the veto line, and 6 of 140 as not', () => {
    const seven = summariseMonitor(attempts(1, 140, WEEK_GAP, [0, 20, 40, 60, 80, 100, 139]))[0]!;
    const [o] = monitorObservations(seven, { url: 'http://www.nanling.gov.cn/' });
    expect(o).toMatchObject({ detect: 'monitor.unreachable', count: 7 });
    expect(o!.summary).toBe(
      '监测 2026-03-02 00:00:00 至 2026-03-08 22:48:00（约 7 天）共访问首页 140 次，打不开 7 次，占 5%，达到 5% 的否决线',
    );
    expect(o!.items[0]).toEqual({ url: 'http://www.nanling.gov.cn/', text: '2026-03-02 00:00:00', reason: '超过 15 秒仍打不开' });
    expect(o!.items).toHaveLength(7);
    expect(monitorObservations(summariseMonitor(attempts(1, 140, WEEK_GAP, [0, 20, 40, 60, 80, 100]))[0]!)).toEqual([]);
  });

  it('tells the reviewer when the period is short of a week or of 20 visits a day', () => {
    const short = summariseMonitor(attempts(1, 10, 864_000, [3]))[0]!; // 10 visits in 0.1 day
    const [o] = monitorObservations(short);
    expect(o!.summary).toContain('占 10%，达到 5% 的否决线；注意：监测仅 2.4 小时，短于方案规定的 1 周');
    const sparse = summariseMonitor(attempts(1, 70, 2 * WEEK_GAP, [1, 2, 3, 4]))[0]!; // 10 a day for a fortnight
    expect(monitorShortfalls(sparse)).toEqual(['平均每天访问 10 次，少于方案规定的 20 次']);
    expect(monitorShortfalls(summariseMonitor(attempts(1, 1, 0, [0]))[0]!)).toEqual(['仅访问 1 次，无法按天计算']);
  });

  it('follows a configured threshold, and says nothing without failures', () => {
    const s = summariseMonitor(attempts(1, 100, 60_000, [1, 2, 3]))[0]!;
    expect(monitorObservations(s, { threshold: 0.03 })).toHaveLength(1);
    expect(monitorObservations(s, { threshold: 0.04 })).toEqual([]);
    expect(monitorObservations(summariseMonitor(attempts(1, 100, 60_000, []))[0]!, { threshold: 0 })).toEqual([]);
  });
});
