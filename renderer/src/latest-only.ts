/** What one load ended with, and whether it is still the newest load started. */
export type LoadOutcome<T> = { current: boolean } & ({ ok: true; value: T } | { ok: false; error: unknown });

/**
 * Applies only the newest of overlapping loads: when a reviewer switches
 * targets quickly, a slow answer for the previous target must never replace
 * the answer for the one now shown.
 */
export class LatestOnly {
  private newest = 0;

  async run<T>(load: () => Promise<T>): Promise<LoadOutcome<T>> {
    const ticket = ++this.newest;
    try {
      const value = await load();
      return { current: ticket === this.newest, ok: true, value };
    } catch (error) {
      return { current: ticket === this.newest, ok: false, error };
    }
  }
}
