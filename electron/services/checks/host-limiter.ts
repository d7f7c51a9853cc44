/**
 * Politeness per host: at most `concurrency` requests in flight to one host, and
 * at least `delayMs` between the starts of two requests to it.
 */
export class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly lastStart = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(
    private readonly concurrency = 6,
    private readonly delayMs = 0,
  ) {}

  async run<T>(host: string, work: () => Promise<T>): Promise<T> {
    while ((this.active.get(host) ?? 0) >= this.concurrency) {
      await new Promise<void>((resolve) => this.waiting.set(host, [...(this.waiting.get(host) ?? []), resolve]));
    }
    this.active.set(host, (this.active.get(host) ?? 0) + 1);
    const wait = (this.lastStart.get(host) ?? 0) + this.delayMs - Date.now();
    this.lastStart.set(host, Math.max(Date.now(), Date.now() + wait));
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    try {
      return await work();
    } finally {
      this.active.set(host, (this.active.get(host) ?? 1) - 1);
      this.waiting.get(host)?.shift()?.();
    }
  }
}
