import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';

/**
 * The process's soft limit on open files, read from /proc on Linux; null where
 * it cannot be read (macOS, Windows).
 */
export function openFileLimit(): number | null {
  try {
    const m = /^Max open files\s+(\d+)/mu.exec(readFileSync('/proc/self/limits', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Sockets the checks may hold open at once: half of what the open-file limit
 * leaves after the app's own files, at most 256. macOS starts processes with
 * 256 files; where the limit is unknown that is assumed.
 */
export function defaultSocketCap(limit = openFileLimit() ?? 256): number {
  return Math.max(8, Math.min(256, Math.floor((limit - 64) / 2)));
}

/**
 * A process-wide cap on requests in flight to sites under review, whichever
 * check makes them: a site with links to 2,000 hosts must not open 2,000
 * sockets at once and run the process out of file descriptors. Sockets are
 * counted as they open and close, so kept-alive idle ones are closed first
 * when the count reaches the cap. After a resource failure (EMFILE …) the
 * cap shrinks, so the retried request finds room.
 */
export class SocketGate {
  private active = 0;
  private open = 0;
  private readonly waiting: (() => void)[] = [];
  private head = 0;
  private readonly tracked = new WeakSet<Socket>();
  private readonly idle: (() => void)[] = [];

  constructor(private cap: number) {}

  /** How many requests may be in flight now. */
  get limit(): number {
    return this.cap;
  }

  /** Sockets open now (active and idle). */
  get openSockets(): number {
    return this.open;
  }

  /** Waits for room; the returned function gives it back (call it exactly once). */
  async acquire(): Promise<() => void> {
    // A woken waiter's slot is counted by pump(), so a later caller cannot overtake it.
    if (this.active < this.cap && this.head >= this.waiting.length) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.open >= this.cap) this.closeIdle();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.pump();
    };
  }

  /** Counts a socket a request got (new or reused); each is counted once until it closes. */
  track(socket: Socket): void {
    if (this.tracked.has(socket)) return;
    this.tracked.add(socket);
    this.open++;
    socket.once('close', () => this.open--);
  }

  /** Registers a way to close idle kept-alive sockets (an agent's free sockets). */
  onCrowded(closeIdle: () => void): void {
    this.idle.push(closeIdle);
  }

  /** After EMFILE/ENFILE/ENOMEM: fewer requests at once from now on. */
  shrink(): void {
    this.cap = Math.max(4, Math.floor(Math.min(this.cap, this.active) * 0.75));
    this.closeIdle();
  }

  private closeIdle(): void {
    for (const close of this.idle) close();
  }

  private pump(): void {
    while (this.active < this.cap && this.head < this.waiting.length) {
      const next = this.waiting[this.head]!;
      this.waiting[this.head++] = noop;
      if (this.head > 1024 && this.head * 2 > this.waiting.length) {
        this.waiting.splice(0, this.head);
        this.head = 0;
      }
      this.active++;
      next();
    }
  }
}

const noop = () => undefined;

/** The one gate every request to a site under review passes. */
export const socketGate = new SocketGate(defaultSocketCap());
