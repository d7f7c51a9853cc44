import { KaopingError } from '../../../../shared/errors';

/** How availability monitoring spreads its visits (the rule: a week, 20 or more a day). */
export interface ScheduleOptions {
  start: Date;
  /** May be fractional (a short trial run). */
  days: number;
  perDay: number;
  /** Whose schedule it is (a target id): shifts every visit by the same small amount so sites are not all hit at once. */
  key?: string | number;
}

const DAY_MS = 86_400_000;
/** The shift stays within a fifth of the interval, and never more than a minute. */
const MAX_JITTER_MS = 60_000;

/** Visits in a schedule: days × perDay, rounded, at least one. */
export function scheduleLength(days: number, perDay: number): number {
  return Math.max(1, Math.round(days * perDay));
}

/** A stable fraction in [0, 1) for a key (FNV-1a), so a target's shift is the same on every run. */
function stableFraction(key: string | number): number {
  let hash = 0x811c9dc5;
  for (const ch of String(key)) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 2 ** 32;
}

/** The shift of a key's visits for a given interval between visits. */
export function jitterMs(key: string | number | undefined, intervalMs: number): number {
  return key === undefined ? 0 : Math.floor(stableFraction(key) * Math.min(intervalMs / 5, MAX_JITTER_MS));
}

/**
 * The times of the visits: evenly spaced every 86400/perDay seconds from
 * `start`, all shifted by the key's jitter. Pure: the same options give the
 * same times.
 */
export function monitorSchedule(options: ScheduleOptions): Date[] {
  const { start, days, perDay, key } = options;
  if (!(days > 0) || !(perDay > 0) || !Number.isFinite(days * perDay))
    throw new KaopingError('monitor-schedule', `监测天数（${days}）和每天次数（${perDay}）都必须是正数`);
  const interval = DAY_MS / perDay;
  const shift = jitterMs(key, interval);
  return Array.from({ length: scheduleLength(days, perDay) }, (_, i) => new Date(start.getTime() + Math.round(i * interval) + shift));
}
