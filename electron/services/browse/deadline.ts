import { KaopingError } from '../../../shared/errors';

/**
 * Settles with `work`, or rejects with a KaopingError carrying `message` after
 * `ms`. A hung renderer must not hang the reviewer's request with it; the
 * timer is cleared either way so it never keeps the process alive.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new KaopingError('timeout', message)), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves after `ms` (short settling pauses, never as a substitute for an event). */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
