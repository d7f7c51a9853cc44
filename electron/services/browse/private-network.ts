/**
 * Keeps the sites under review off the reviewer's own machine and network: a
 * page in the review browser may not load anything from loopback, private,
 * link-local or carrier-grade NAT addresses (the local `kaoping serve`, a
 * router's admin page, a NAS), whether named by IP or by a host name that
 * resolves there. The targets themselves are the exception: an intranet
 * site under review (or a test fixture on 127.0.0.1) is opened on purpose.
 */
import { lookup } from 'node:dns/promises';
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

/** True for addresses of this machine or a private network. */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/gu, '').toLowerCase();
  if (isIP(bare) === 4) {
    const n = v4(bare);
    return V4_PRIVATE.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits));
  }
  if (isIP(bare) !== 6) return false;
  if (bare === '::' || bare === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/u.exec(bare);
  if (mapped) return isPrivateAddress(mapped[1]!);
  // fc00::/7 unique local, fe80::/10 link-local.
  return /^f[cd]/u.test(bare) || /^fe[89ab]/u.test(bare);
}

const CACHE_MS = 60_000;

/**
 * A per-browser guard: `allow(url)` says whether a request may go out.
 * `permit(url)` adds a target's host to the exceptions.
 */
export function createNetworkGuard(resolve: (host: string) => Promise<string[]> = async (host) => (await lookup(host, { all: true })).map((a) => a.address)) {
  const permitted = new Set<string>();
  const verdicts = new Map<string, { privateNet: boolean; until: number }>();
  const privateHost = async (host: string): Promise<boolean> => {
    if (isIP(host.replace(/^\[|\]$/gu, ''))) return isPrivateAddress(host);
    if (host === 'localhost' || host.endsWith('.localhost')) return true;
    const known = verdicts.get(host);
    if (known && known.until > Date.now()) return known.privateNet;
    // A name that does not resolve cannot reach anything: Chromium reports it as unresolved.
    const privateNet = (await resolve(host).catch(() => [] as string[])).some(isPrivateAddress);
    verdicts.set(host, { privateNet, until: Date.now() + CACHE_MS });
    return privateNet;
  };
  return {
    permit(url: string): void {
      try {
        permitted.add(new URL(url).hostname.toLowerCase());
      } catch {
        // not a URL: nothing to permit
      }
    },
    async allow(url: string): Promise<boolean> {
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        return false;
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'ws:' && u.protocol !== 'wss:') return true;
      const host = u.hostname.toLowerCase();
      return permitted.has(host) || !(await privateHost(host));
    },
  };
}

export type NetworkGuard = ReturnType<typeof createNetworkGuard>;
