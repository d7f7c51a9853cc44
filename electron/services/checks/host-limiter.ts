interface HostState {
  active: number;
  /** Earliest time the next request may start (delay between starts, Retry-After pauses). */
  nextStart: number;
  /** Waiting starts, first in first out; `head` avoids shifting a long array. */
  queue: (() => void)[];
  head: number;
  delayMs: number;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Politeness per host: at most `concurrency` requests in flight to one host, at
 * least `delayMs` between the starts of two requests to it, and a whole host
 * paused when it asks for it (429/503 with Retry-After). Every operation is
 * O(1), so tens of thousands of queued checks cost nothing extra.
 */
export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly concurrency = 6,
    private readonly delayMs = 0,
  ) {}

  /** Runs `work` when the host has room; the slot is released however `work` ends. */
  async run<T>(host: string, work: () => Promise<T>): Promise<T> {
    const state = this.stateOf(host);
    await new Promise<void>((resolve) => {
      state.queue.push(resolve);
      this.pump(state);
    });
    try {
      return await work();
    } finally {
      state.active--;
      this.pump(state);
    }
  }

  /** A longer gap between starts for one host (a robots.txt Crawl-delay). */
  setDelay(host: string, delayMs: number): void {
    const state = this.stateOf(host);
    state.delayMs = Math.max(this.delayMs, delayMs);
  }

  /** Starts nothing on `host` before `untilMs` (epoch milliseconds). */
  pause(host: string, untilMs: number): void {
    const state = this.stateOf(host);
    state.nextStart = Math.max(state.nextStart, untilMs);
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, nextStart: 0, queue: [], head: 0, delayMs: this.delayMs, timer: undefined };
      this.hosts.set(host, state);
    }
    return state;
  }

  private pump(state: HostState): void {
    while (state.active < this.concurrency && state.head < state.queue.length) {
      const wait = state.nextStart - Date.now();
      if (wait > 0) {
        if (!state.timer) {
          state.timer = setTimeout(() => {
            state.timer = undefined;
            this.pump(state);
          }, wait);
        }
        return;
      }
      const start = state.queue[state.head]!;
      state.queue[state.head++] = noop;
      if (state.head > 1024 && state.head * 2 > state.queue.length) {
        state.queue = state.queue.slice(state.head);
        state.head = 0;
      }
      state.active++;
      if (state.delayMs > 0) state.nextStart = Date.now() + state.delayMs;
      start();
    }
  }
}

const noop = () => undefined;
