import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { NewMonitorAttempt, Target } from '../../../../shared/domain/types';
import { KaopingError } from '../../../../shared/errors';
import type { AssessmentStore } from '../../store/types';
import { DEFAULT_LIMITS, fetchBounded, type FetchResult } from '../fetch-bounded';
import { monitorSchedule, scheduleLength } from './schedule';

/** Waits `ms`, or less when the signal aborts; never rejects. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The rule's deadline: "超过（含）15秒网站仍打不开". */
export const DEFAULT_MONITOR_TIMEOUT_MS = 15_000;
// Long waits are taken in slices: timers overflow past 24.8 days, and a laptop that slept should catch up.
const SLICE_MS = 3_600_000;

/** A monitoring run: where to record, whom to visit, how often, and injectable time for tests. */
export interface MonitorOptions {
  store: AssessmentStore;
  /** Websites with a URL are visited; other targets are ignored. */
  targets: readonly Target[];
  days: number;
  perDay: number;
  timeoutMs?: number;
  now?: () => Date;
  sleep?: Sleep;
  signal?: AbortSignal;
  onAttempt?: (attempt: NewMonitorAttempt, target: Target) => void;
  /** After every site of a round has answered or timed out. */
  onRound?: (round: { round: number; rounds: number; sites: number; failures: number }) => void;
  /** The time of the next visit, before each wait; null when the run ends. */
  onNext?: (at: Date | null) => void;
}

/** How a run ended: rounds planned and completed, attempts recorded, and whether it was cancelled. */
export interface MonitorRunResult {
  rounds: number;
  completedRounds: number;
  attempts: number;
  failures: number;
  cancelled: boolean;
}

/** The default Sleep: a timer that the signal cuts short. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
  });

function reasonOf(r: FetchResult, timeoutMs: number): string {
  if (!r.failure) return `HTTP ${r.status}`;
  const { kind, message } = r.failure;
  if (kind === 'timeout') return `超过 ${timeoutMs / 1000} 秒仍打不开`;
  if (kind === 'dns') return `域名无法解析（${message}）`;
  if (kind === 'refused') return `连接被拒绝或中断（${message}）`;
  return kind === 'other' ? `无法访问（${message}）` : message;
}

/** One visit: a success is a final status below 400 within the deadline, redirects included; the signal drops the connection. */
export async function visitOnce(
  url: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Pick<NewMonitorAttempt, 'ok' | 'status' | 'ms' | 'error'>> {
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  // fetchBounded's deadline is per hop; the rule's is for the whole visit.
  const deadline = new Promise<FetchResult>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          url,
          finalUrl: url,
          status: 0,
          headers: {},
          body: Buffer.alloc(0),
          truncated: false,
          failure: { kind: 'timeout', message: '' },
        }),
      timeoutMs,
    );
  });
  const r = await Promise.race([fetchBounded(url, 'GET', { ...DEFAULT_LIMITS, timeoutMs }, { signal }), deadline]).finally(() =>
    clearTimeout(timer),
  );
  const ok = !r.failure && r.status > 0 && r.status < 400;
  return { ok, status: r.status, ms: Math.round(performance.now() - t0), error: ok ? '' : reasonOf(r, timeoutMs) };
}

async function sleepUntil(at: Date, now: () => Date, sleep: Sleep, signal?: AbortSignal): Promise<void> {
  for (let wait = at.getTime() - now().getTime(); wait > 0 && !signal?.aborted; wait = at.getTime() - now().getTime())
    await sleep(Math.min(wait, SLICE_MS), signal);
}

/**
 * Availability monitoring: visits every website's home page at its scheduled
 * times (monitorSchedule, shifted per site), round by round, and records every
 * attempt. Cancelling through the signal ends the run at once; visits still in
 * flight are then dropped, not recorded.
 */
export async function runMonitor(options: MonitorOptions): Promise<MonitorRunResult> {
  const { store, days, perDay, signal } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_MONITOR_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? realSleep;
  const sites = options.targets.filter((t) => t.kind === 'website' && t.url);
  const start = now();
  const plan = sites.map((target) => ({ target, times: monitorSchedule({ start, days, perDay, key: target.id }) }));
  const rounds = scheduleLength(days, perDay);
  const aborted = new Promise<void>((resolve) =>
    signal?.aborted ? resolve() : signal?.addEventListener('abort', () => resolve(), { once: true }),
  );
  const result: MonitorRunResult = { rounds, completedRounds: 0, attempts: 0, failures: 0, cancelled: false };
  let over = false;
  try {
    for (let round = 0; round < rounds && sites.length && !signal?.aborted; round++) {
      const slots = plan.map((p) => ({ target: p.target, at: p.times[round]! })).sort((a, b) => a.at.getTime() - b.at.getTime());
      const visits: Promise<void>[] = [];
      let failures = 0;
      for (const { target, at } of slots) {
        options.onNext?.(at);
        await sleepUntil(at, now, sleep, signal);
        if (signal?.aborted) break;
        const startedAt = now().toISOString();
        visits.push(
          visitOnce(target.url!, timeoutMs, signal).then((visit) => {
            if (over || signal?.aborted) return;
            const attempt: NewMonitorAttempt = { targetId: target.id, at: startedAt, ...visit };
            store.addMonitorAttempts([attempt]);
            result.attempts++;
            if (!visit.ok) {
              result.failures++;
              failures++;
            }
            options.onAttempt?.(attempt, target);
          }),
        );
      }
      await Promise.race([Promise.all(visits), aborted]);
      if (signal?.aborted) break;
      result.completedRounds++;
      options.onRound?.({ round: round + 1, rounds, sites: slots.length, failures });
    }
  } finally {
    over = true;
    options.onNext?.(null);
  }
  return { ...result, cancelled: signal?.aborted ?? false };
}

/** What the app shows of a background run. */
export interface MonitorSchedulerStatus {
  running: boolean;
  startedAt: string | null;
  nextAt: string | null;
  /** Of the current (or last) run. */
  attempts: number;
  failures: number;
  /** Why the last run stopped early, when it failed. */
  error: string | null;
}

const busyFolders = new Set<string>();

/**
 * The app's background monitoring of one assessment folder. The caller owns
 * the store it passes and closes it in `onFinish`.
 */
export class MonitorScheduler {
  private static readonly byFolder = new Map<string, MonitorScheduler>();
  private controller: AbortController | null = null;
  private done: Promise<MonitorRunResult | null> = Promise.resolve(null);
  private state: MonitorSchedulerStatus = { running: false, startedAt: null, nextAt: null, attempts: 0, failures: 0, error: null };

  /** The one scheduler of a folder, so every window and call sees the same run. */
  static forFolder(dir: string): MonitorScheduler {
    const key = path.resolve(dir);
    const existing = MonitorScheduler.byFolder.get(key);
    if (existing) return existing;
    const created = new MonitorScheduler();
    MonitorScheduler.byFolder.set(key, created);
    return created;
  }

  /** Starts a run in the background; refuses while this scheduler or any other runs on the same folder. */
  start(options: MonitorOptions & { onFinish?: (result: MonitorRunResult | null, error: unknown) => void }): MonitorSchedulerStatus {
    const folder = path.resolve(options.store.dir);
    if (this.controller || busyFolders.has(folder)) throw new KaopingError('monitor-running', '该考评正在进行可用性监测，请先停止当前监测');
    const controller = new AbortController();
    this.controller = controller;
    busyFolders.add(folder);
    this.state = {
      running: true,
      startedAt: (options.now ?? (() => new Date()))().toISOString(),
      nextAt: null,
      attempts: 0,
      failures: 0,
      error: null,
    };
    const run = runMonitor({
      ...options,
      signal: options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal,
      onNext: (at) => {
        this.state.nextAt = at?.toISOString() ?? null;
        options.onNext?.(at);
      },
      onAttempt: (attempt, target) => {
        this.state.attempts++;
        if (!attempt.ok) this.state.failures++;
        options.onAttempt?.(attempt, target);
      },
    });
    this.done = run
      .then(
        (result) => ({ result, error: undefined as unknown }),
        (error: unknown) => ({ result: null, error }),
      )
      .then(({ result, error }) => {
        this.state = {
          ...this.state,
          running: false,
          nextAt: null,
          error: error === undefined ? null : error instanceof Error ? error.message : String(error),
        };
        this.controller = null;
        busyFolders.delete(folder);
        options.onFinish?.(result, error);
        return result;
      });
    return this.status();
  }

  /** Stops the run and resolves when it has ended; calling it again, or with nothing running, is harmless. */
  stop(): Promise<MonitorRunResult | null> {
    this.controller?.abort();
    return this.done;
  }

  status(): MonitorSchedulerStatus {
    return { ...this.state };
  }
}
