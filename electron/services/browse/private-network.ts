/**
 * Keeps the sites under review off the reviewer's own machine and network: a
 * page in the review browser may not reach loopback, private, link-local or
 * carrier-grade NAT addresses (the local `kaoping serve`, a router's admin
 * page, a NAS), whether named by IP or by a host name that resolves there.
 * The targets themselves are the exception: an intranet site under review (or
 * a test fixture on 127.0.0.1) is opened on purpose.
 *
 * This file is the one address policy. The guard proxy (guard-proxy.ts)
 * enforces it on every connection of the review browser and connects only to
 * the addresses it checked here; the desktop view's request filter asks it
 * first for a tidy error page.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';

const V4_PRIVATE: [number, number][] = [
  [0x00000000, 8], // 0.0.0.0/8
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10
  [0x7f000000, 8], // 127/8
  [0xa9fe0000, 16], // 169.254/16
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0xe0000000, 3], // multicast and reserved
];

function v4(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** The eight 16-bit groups of an IPv6 address (a dotted IPv4 tail included), or null. */
function hextets(ip: string): number[] | null {
  let text = ip;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/u.exec(text)?.[1];
  if (tail) {
    const n = v4(tail);
    text = `${text.slice(0, -tail.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const groups = rest === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.length === 8 ? groups.map((g) => parseInt(g, 16)) : null;
}

/**
 * True for addresses of this machine or a private network, in any spelling:
 * `[::ffff:7f00:1]` (how URLs write ::ffff:127.0.0.1) is 127.0.0.1.
 */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip
    .replace(/^\[|\]$/gu, '')
    .replace(/%.*$/u, '')
    .toLowerCase();
  if (isIP(bare) === 4) {
    const n = v4(bare);
    return V4_PRIVATE.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits));
  }
  if (isIP(bare) !== 6) return false;
  const g = hextets(bare);
  if (!g) return true; // an IPv6 address we cannot read is not let through
  const embedded = `${g[6]! >>> 8}.${g[6]! & 0xff}.${g[7]! >>> 8}.${g[7]! & 0xff}`;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 7) && g[7]! <= 1) return true; // :: and ::1
  // IPv4-mapped, IPv4-compatible and NAT64 (64:ff9b::/96) addresses carry an IPv4 address: judge that one.
  if (zeros(0, 5) && (g[5] === 0xffff || g[5] === 0)) return isPrivateAddress(embedded);
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return isPrivateAddress(embedded);
  // fc00::/7 unique local, fe80::/10 link-local, fec0::/10 old site-local, ff00::/8 multicast.
  return (g[0]! & 0xfe00) === 0xfc00 || (g[0]! & 0xffc0) === 0xfe80 || (g[0]! & 0xffc0) === 0xfec0 || (g[0]! & 0xff00) === 0xff00;
}

/** Where a host may be reached, or the Chromium error code saying why not. */
export type Resolution = { ok: true; addresses: string[] } | { ok: false; code: 'ERR_BLOCKED_BY_CLIENT' | 'ERR_NAME_NOT_RESOLVED' };

/** Resolves a host name to all its addresses (IPv4 and IPv6). */
export type Lookup = (host: string) => Promise<string[]>;

const systemLookup: Lookup = async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

export interface NetworkGuardOptions {
  /** Default: the system resolver (getaddrinfo, as Chromium uses). */
  lookup?: Lookup;
  /** How long one answer is used; default 30 s. 0: every check resolves afresh. */
  cacheMs?: number;
  /** A resolver that does not answer in this time counts as "does not resolve"; default 10 s. */
  lookupTimeoutMs?: number;
}

/**
 * A per-browser guard. `permit(url)` adds a target's host to the exceptions;
 * `resolve(host)` gives the addresses a connection may use — the very ones
 * that were checked, so a second, different DNS answer (rebinding) can never
 * slip in between the check and the connection.
 */
export function createNetworkGuard(options: NetworkGuardOptions = {}) {
  const lookup = options.lookup ?? systemLookup;
  const cacheMs = options.cacheMs ?? 30_000;
  const lookupTimeoutMs = options.lookupTimeoutMs ?? 10_000;
  const permitted = new Set<string>();
  const answers = new Map<string, { addresses: Promise<string[]>; until: number }>();

  const addressesOf = (host: string): Promise<string[]> => {
    const known = answers.get(host);
    if (known && known.until > Date.now()) return known.addresses;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string[]>((resolve) => (timer = setTimeout(() => resolve([]), lookupTimeoutMs)));
    const addresses = Promise.race([lookup(host).catch(() => [] as string[]), timeout]).finally(() => clearTimeout(timer));
    if (cacheMs > 0) {
      answers.set(host, { addresses, until: Date.now() + cacheMs });
      // Bounded: a page naming thousands of hosts cannot grow the cache without end.
      if (answers.size > 1_000) answers.delete(answers.keys().next().value!);
    }
    return addresses;
  };

  const resolve = async (rawHost: string): Promise<Resolution> => {
    const host = rawHost
      .replace(/^\[|\]$/gu, '')
      .toLowerCase()
      .replace(/\.$/u, '');
    const allowed = permitted.has(host);
    if (isIP(host))
      return allowed || !isPrivateAddress(host) ? { ok: true, addresses: [host] } : { ok: false, code: 'ERR_BLOCKED_BY_CLIENT' };
    if (!allowed && (host === 'localhost' || host.endsWith('.localhost'))) return { ok: false, code: 'ERR_BLOCKED_BY_CLIENT' };
    const addresses = await addressesOf(host);
    if (addresses.length === 0) return { ok: false, code: 'ERR_NAME_NOT_RESOLVED' };
    // One private address in the answer is enough: the connection could pick it.
    if (!allowed && addresses.some(isPrivateAddress)) return { ok: false, code: 'ERR_BLOCKED_BY_CLIENT' };
    return { ok: true, addresses };
  };

  return {
    permit(url: string): void {
      try {
        permitted.add(new URL(url).hostname.replace(/^\[|\]$/gu, '').toLowerCase());
      } catch {
        // not a URL: nothing to permit
      }
    },
    resolve,
    /**
     * Whether a request to this URL may go out: false only for a blocked
     * address (non-network schemes always may; a name that does not resolve
     * reaches nothing and is reported as such further on).
     */
    async allow(url: string): Promise<boolean> {
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        return false;
      }
      if (!['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) return true;
      const verdict = await resolve(u.hostname);
      return verdict.ok || verdict.code !== 'ERR_BLOCKED_BY_CLIENT';
    },
  };
}

export type NetworkGuard = ReturnType<typeof createNetworkGuard>;
