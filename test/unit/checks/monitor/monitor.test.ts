import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KaopingError } from '../../../../shared/errors';
import { MonitorScheduler, realSleep, runMonitor, type Sleep } from '../../../../electron/services/checks/monitor/monitor';
import { monitorSchedule } from '../../../../electron/services/checks/monitor/schedule';
import { freshAssessment } from '../../../helpers/assessment';

const START = '2026-03-02T00:00:00.000Z';

/** A clock that only moves when the run sleeps: a day of visits takes no time. */
function fakeClock() {
  let t = Date.parse(START);
  const sleep: Sleep = async (ms) => {
    t += ms;
  };
  return { now: () => new Date(t), sleep };
}

describe('runMonitor against a loopback site', () => {
  let server: Server;
  let base = '';
  let flaky = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/flaky/') res.writeHead(++flaky % 3 === 0 ? 500 : 200).end('首页');
      else if (req.url === '/moved/') res.writeHead(302, { location: '/ok/' }).end();
      else if (req.url === '/ok/') res.writeHead(200).end('首页');
      // '/hang/' accepts and never answers
      else if (req.url !== '/hang/') res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const sites = (paths: string[]) => {
    const { store } = freshAssessment();
    const targets = paths.map((p, i) =>
      store.addTarget({
        kind: 'website',
        unit: `单位${i}`,
        name: `网站${i}`,
        url: `${base}${p}`,
        classId: 'city-service',
        attributes: {},
        identifier: null,
        platform: null,
      }),
    );
    const account = store.addTarget({
      kind: 'account',
      unit: '单位0',
      name: '公众号',
      url: null,
      classId: 'account',
      attributes: {},
      identifier: null,
      platform: '微信',
    });
    return { store, targets, account };
  };

  it('visits at the scheduled times and records every attempt, every third one failing', async () => {
    flaky = 0;
    const { store, targets, account } = sites(['/flaky/']);
    const rounds: { round: number; failures: number }[] = [];
    const clock = fakeClock();
    const result = await runMonitor({
      store,
      targets: [...targets, account],
      days: 1,
      perDay: 9,
      timeoutMs: 2000,
      ...clock,
      onRound: (r) => rounds.push(r),
    });
    expect(result).toEqual({ rounds: 9, completedRounds: 9, attempts: 9, failures: 3, cancelled: false });
    const recorded = store.listMonitorAttempts(targets[0]!.id).sort((a, b) => a.at.localeCompare(b.at));
    expect(recorded.map((a) => a.at)).toEqual(
      monitorSchedule({ start: new Date(START), days: 1, perDay: 9, key: targets[0]!.id }).map((d) => d.toISOString()),
    );
    expect(recorded.map((a) => (a.ok ? 'ok' : `${a.status} ${a.error}`))).toEqual([
      'ok',
      'ok',
      '500 HTTP 500',
      'ok',
      'ok',
      '500 HTTP 500',
      'ok',
      'ok',
      '500 HTTP 500',
    ]);
    expect(rounds.map((r) => `${r.round}:${r.failures}`)).toEqual(['1:0', '2:0', '3:1', '4:0', '5:0', '6:1', '7:0', '8:0', '9:1']);
    expect(store.listMonitorAttempts(account.id)).toEqual([]);
    store.close();
  });

  it('counts a site still silent at the deadline as a failure, without holding up the others', async () => {
    const { store, targets } = sites(['/moved/', '/hang/']);
    const t0 = Date.now();
    const result = await runMonitor({ store, targets, days: 1, perDay: 2, timeoutMs: 300, ...fakeClock() });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(result).toMatchObject({ attempts: 4, failures: 2 });
    const [moved, hang] = targets.map((t) => store.listMonitorAttempts(t.id));
    expect(moved!.every((a) => a.ok && a.status === 200)).toBe(true);
    expect(hang!.map((a) => [a.ok, a.status, a.error])).toEqual([
      [false, 0, '超过 0.3 秒仍打不开'],
      [false, 0, '超过 0.3 秒仍打不开'],
    ]);
    expect(hang!.every((a) => a.ms >= 250 && a.ms < 2000)).toBe(true);
    store.close();
  });

  it('stops when cancelled: between rounds, during a long wait, and during a visit that hangs', async () => {
    const { store, targets } = sites(['/ok/', '/hang/']);
    const between = new AbortController();
    const r1 = await runMonitor({
      store,
      targets: [targets[0]!],
      days: 1,
      perDay: 20,
      ...fakeClock(),
      signal: between.signal,
      onRound: (r) => r.round === 2 && between.abort(),
    });
    expect(r1).toMatchObject({ rounds: 20, completedRounds: 2, cancelled: true });
    expect(store.listMonitorAttempts(targets[0]!.id)).toHaveLength(2);

    const waiting = new AbortController();
    setTimeout(() => waiting.abort(), 100);
    const t0 = Date.now();
    // Real clock and sleep: the first visit is up to a minute away (the target's shift), the second 12 hours.
    const r2 = await runMonitor({ store, targets: [targets[0]!], days: 1, perDay: 2, signal: waiting.signal });
    expect(r2).toMatchObject({ rounds: 2, cancelled: true });
    expect(r2.completedRounds).toBeLessThan(2);
    expect(Date.now() - t0).toBeLessThan(1500);

    const visiting = new AbortController();
    setTimeout(() => visiting.abort(), 100);
    const r3 = await runMonitor({
      store,
      targets: [targets[1]!],
      days: 1,
      perDay: 2,
      timeoutMs: 5000,
      ...fakeClock(),
      signal: visiting.signal,
    });
    expect(r3).toMatchObject({ completedRounds: 0, attempts: 0, cancelled: true });
    expect(store.listMonitorAttempts(targets[1]!.id)).toEqual([]);
  });

  it('MonitorScheduler runs one schedule per folder in the background, reports status, and stops twice safely', async () => {
    const { store, targets } = sites(['/ok/']);
    const scheduler = MonitorScheduler.forFolder(store.dir);
    expect(MonitorScheduler.forFolder(`${store.dir}/`)).toBe(scheduler);
    const clock = fakeClock();
    // The first visit is within the target's small shift; the second, 12 hours on, is waited for until stopped.
    const sleep: Sleep = (ms, signal) => (ms <= 60_000 ? clock.sleep(ms, signal) : realSleep(10_000, signal));
    const finished = vi.fn();
    const options = { store, targets, days: 1, perDay: 2, now: clock.now, sleep, onFinish: finished };
    expect(scheduler.start(options)).toMatchObject({ running: true, startedAt: START, attempts: 0 });
    const second = monitorSchedule({ start: new Date(START), days: 1, perDay: 2, key: targets[0]!.id })[1]!.toISOString();
    await vi.waitFor(() =>
      expect(scheduler.status()).toEqual({ running: true, startedAt: START, nextAt: second, attempts: 1, failures: 0, error: null }),
    );
    expect(() => scheduler.start(options)).toThrow(KaopingError);
    expect(() => new MonitorScheduler().start(options)).toThrow('该考评正在进行可用性监测');
    const [a, b] = await Promise.all([scheduler.stop(), scheduler.stop()]);
    expect(a).toEqual({ rounds: 2, completedRounds: 1, attempts: 1, failures: 0, cancelled: true });
    expect(b).toBe(a);
    expect(await scheduler.stop()).toBe(a);
    expect(scheduler.status()).toMatchObject({ running: false, nextAt: null, attempts: 1 });
    expect(finished).toHaveBeenCalledTimes(1);
    expect(finished).toHaveBeenCalledWith(a, undefined);
    // The folder is free again.
    expect(scheduler.start(options).running).toBe(true);
    await scheduler.stop();
    store.close();
  });
});
