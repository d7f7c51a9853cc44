import { lookup as systemLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';

/**
 * A name resolver for tests: names in `map` (exact, or "*.suffix") resolve to
 * the given address; every other name fails as an offline machine's resolver
 * does (ENOTFOUND), or goes to the system resolver when `others` is 'system'.
 * Passed to the checks as `limits.lookup`.
 */
export function mapLookup(map: Record<string, string>, others: 'fail' | 'system' = 'fail'): LookupFunction {
  const find = (host: string) => map[host] ?? Object.entries(map).find(([k]) => k.startsWith('*.') && host.endsWith(k.slice(1)))?.[1];
  return (host, options, callback) => {
    const address = find(host);
    if (address === undefined) {
      if (others === 'system') return systemLookup(host, options, callback as never);
      const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', hostname: host });
      return process.nextTick(() =>
        options.all ? (callback as (e: Error | null, a: LookupAddress[]) => void)(error, []) : callback(error, '', 4),
      );
    }
    const family = address.includes(':') ? 6 : 4;
    process.nextTick(() =>
      options.all
        ? (callback as (e: Error | null, a: LookupAddress[]) => void)(null, [{ address, family }])
        : callback(null, address, family),
    );
  };
}
