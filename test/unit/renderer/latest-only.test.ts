import { describe, expect, it } from 'vitest';
import { LatestOnly } from '../../../renderer/src/latest-only';

const later = <T>(value: T, ms: number, fail = false) =>
  new Promise<T>((resolve, reject) => setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), ms));

describe('LatestOnly (useCall keeps the newest answer)', () => {
  it('marks a slow earlier load stale once a later one has started, whichever answers first', async () => {
    const latest = new LatestOnly();
    const slowOld = latest.run(() => later('目标 A', 40));
    const fastNew = latest.run(() => later('目标 B', 5));
    const [a, b] = await Promise.all([slowOld, fastNew]);
    expect(a).toEqual({ current: false, ok: true, value: '目标 A' });
    expect(b).toEqual({ current: true, ok: true, value: '目标 B' });
  });

  it('keeps a failure of the newest load, and drops one of an older load', async () => {
    const latest = new LatestOnly();
    const old = latest.run(() => later('旧', 20, true));
    const now = latest.run(() => later('新', 30, true));
    const [a, b] = await Promise.all([old, now]);
    expect(a.current).toBe(false);
    expect(b).toMatchObject({ current: true, ok: false });
    expect((b as { error: Error }).error.message).toBe('新');
  });

  it('applies a single load', async () => {
    expect(await new LatestOnly().run(async () => 7)).toEqual({ current: true, ok: true, value: 7 });
  });
});
