import { describe, expect, it } from 'vitest';
import { HostLimiter } from '../../../electron/services/checks/host-limiter';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('politeness per host', () => {
  it('keeps at most `concurrency` requests in flight per host, hosts independent, in order', async () => {
    const limiter = new HostLimiter(3);
    const active = new Map<string, number>();
    const peak = new Map<string, number>();
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        limiter.run(i % 2 ? 'a' : 'b', async () => {
          const host = i % 2 ? 'a' : 'b';
          active.set(host, (active.get(host) ?? 0) + 1);
          peak.set(host, Math.max(peak.get(host) ?? 0, active.get(host)!));
          order.push(i);
          await sleep(2);
          active.set(host, active.get(host)! - 1);
        }),
      ),
    );
    expect([peak.get('a'), peak.get('b')]).toEqual([3, 3]);
    expect(order.filter((i) => i % 2)).toEqual([...order.filter((i) => i % 2)].sort((x, y) => x - y));
  });

  it('releases the slot when the work fails', async () => {
    const limiter = new HostLimiter(1);
    await expect(limiter.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run('a', async () => 'next')).toBe('next');
  });

  it('spaces the starts of requests to one host, per host Crawl-delay too', async () => {
    const limiter = new HostLimiter(6, 30);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 4 }, () => limiter.run('a', async () => void starts.push(Date.now()))));
    const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(25);
    limiter.setDelay('b', 80);
    const b: number[] = [];
    await Promise.all(Array.from({ length: 2 }, () => limiter.run('b', async () => void b.push(Date.now()))));
    expect(b[1]! - b[0]!).toBeGreaterThanOrEqual(75);
  });

  it('pauses a host that asked for it (Retry-After) without holding up others', async () => {
    const limiter = new HostLimiter(6);
    const t0 = Date.now();
    limiter.pause('busy', t0 + 150);
    const [busy, calm] = await Promise.all([
      limiter.run('busy', async () => Date.now() - t0),
      limiter.run('calm', async () => Date.now() - t0),
    ]);
    expect(busy).toBeGreaterThanOrEqual(140);
    expect(calm).toBeLessThan(50);
  });

  it('queues tens of thousands of waits in linear time', async () => {
    const limiter = new HostLimiter(6);
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 50_000 }, () => limiter.run('a', async () => undefined)));
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
});
