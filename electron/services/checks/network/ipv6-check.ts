import { promises as dns } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { KaopingError } from '../../../../shared/errors';
import { failureOf, type FetchLimits, type FetchResult } from '../fetch-bounded';
import { socketGate } from '../socket-gate';
import type { CheckNote, Observation } from '../types';
import { bareHost, type NetworkCheckResult } from './https-check';

/** One HTTP answer (or why none came), as fetchBounded reports a hop. */
export type ExchangeResult = Omit<FetchResult, 'url' | 'finalUrl'>;

/** What requestOnce sends beyond a plain GET. */
export interface ExchangeOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: Buffer;
  /** Connect to this address instead of resolving the host; the Host header and SNI stay the site's. */
  address?: string;
  /** Accept any certificate: the IPv6 probe asks whether the site answers; the HTTPS check judges certificates. */
  insecure?: boolean;
}

/**
 * One HTTP exchange, bounded like a fetchBounded hop (one deadline for the
 * whole exchange, body cut at maxBytes), for what fetchBounded cannot send: a
 * POST body, extra headers, or a connection pinned to one address. Redirects
 * are the caller's business.
 */
export async function requestOnce(url: URL, options: ExchangeOptions, limits: FetchLimits): Promise<ExchangeResult> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return {
      status: 0,
      headers: {},
      body: Buffer.alloc(0),
      truncated: false,
      failure: { kind: 'other', message: `不是网址：${url.protocol}` },
    };
  const release = await socketGate.acquire();
  try {
    return await exchange(url, options, limits);
  } finally {
    release();
  }
}

function exchange(url: URL, options: ExchangeOptions, limits: FetchLimits): Promise<ExchangeResult> {
  const pinned = options.address;
  const family = pinned ? isIP(pinned) : 0;
  // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), for one otherwise.
  const lookup: LookupFunction | undefined = pinned
    ? (_host, opts, done) => (opts.all ? done(null, [{ address: pinned, family }]) : done(null, pinned, family))
    : limits.lookup;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: ExchangeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
      req.destroy();
    };
    const headers = {
      'user-agent': 'Kaoping/0.1 (government website assessment)',
      accept: '*/*',
      ...options.headers,
      ...(options.body ? { 'content-length': String(options.body.length) } : {}),
    };
    const req = (url.protocol === 'https:' ? https : http).request(
      url,
      { method: options.method ?? 'GET', agent: false, headers, lookup, rejectUnauthorized: !options.insecure },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const answer = (truncated: boolean, failure?: ExchangeResult['failure']) => ({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          truncated,
          ...(failure ? { failure } : {}),
        });
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          chunks.push(size > limits.maxBytes ? chunk.subarray(0, chunk.length - (size - limits.maxBytes)) : chunk);
          if (size > limits.maxBytes) finish(answer(true));
        });
        res.on('end', () => finish(answer(false)));
        res.on('error', (e: NodeJS.ErrnoException) => finish(answer(true, failureOf(e))));
      },
    );
    const timer = setTimeout(
      () =>
        finish({
          status: 0,
          headers: {},
          body: Buffer.alloc(0),
          truncated: false,
          failure: { kind: 'timeout', message: `超过 ${limits.timeoutMs / 1000} 秒未完成` },
        }),
      limits.timeoutMs,
    );
    req.on('error', (e: NodeJS.ErrnoException) =>
      finish({ status: 0, headers: {}, body: Buffer.alloc(0), truncated: false, failure: failureOf(e) }),
    );
    req.on('socket', (socket) => socketGate.track(socket));
    req.end(options.body);
  });
}

/** Bounds of the IPv6 check, and an injectable AAAA resolver (tests map a name to ::1). */
export interface Ipv6CheckOptions {
  /** AAAA lookup; dns.promises.resolve6 by default. */
  resolve6?: (host: string) => Promise<string[]>;
  /** Deadline for the lookup and for each request. */
  timeoutMs: number;
  maxBytes?: number;
}

const LOOPBACK_NAME = /^(localhost|.+\.localhost|localhost\.localdomain)$/iu;
/**
 * The name exists and has no AAAA record. NXDOMAIN (ENOTFOUND) is not that:
 * the home page was reached under the name, so a resolver that does not know
 * it (hosts file, an intranet DNS, no network) says nothing about the site.
 */
const NO_RECORD = new Set(['ENODATA', 'NODATA']);

/** AAAA addresses of a host; [] when it has none, an error text when the lookup itself failed. */
async function aaaa(host: string, options: Ipv6CheckOptions): Promise<string[] | string> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<string>(
    (resolve) => (timer = setTimeout(() => resolve(`AAAA 解析超过 ${options.timeoutMs / 1000} 秒`), options.timeoutMs)),
  );
  try {
    return await Promise.race([(options.resolve6 ?? dns.resolve6)(host), deadline]);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return NO_RECORD.has(code) ? [] : `AAAA 解析失败（${code || (e as Error).message}）`;
  } finally {
    clearTimeout(timer);
  }
}

/** GET over IPv6 only: every hop, redirects included, goes to an AAAA address of its host. */
async function getOverIpv6(home: URL, address: string, options: Ipv6CheckOptions, limits: FetchLimits): Promise<ExchangeResult> {
  let current = home;
  let pinned = address;
  for (let hop = 0; hop <= limits.maxRedirects; hop++) {
    const r = await requestOnce(current, { address: pinned, insecure: true }, limits);
    const location = r.headers.location;
    if (!(r.status >= 300 && r.status < 400 && location)) return r;
    const next = new URL(location, current);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') return r;
    const host = bareHost(next);
    if (host !== bareHost(current)) {
      const found = isIP(host) === 6 ? [host] : isIP(host) ? `跳转到 IPv4 地址 ${host}` : await aaaa(host, options);
      if (typeof found === 'string' || !found[0])
        return {
          status: 0,
          headers: {},
          body: Buffer.alloc(0),
          truncated: false,
          failure: { kind: 'dns', message: typeof found === 'string' ? found : `跳转到的 ${host} 没有 AAAA 记录` },
        };
      pinned = found[0];
    }
    current = next;
  }
  return {
    status: 0,
    headers: {},
    body: Buffer.alloc(0),
    truncated: false,
    failure: { kind: 'redirects', message: `重定向超过 ${limits.maxRedirects} 次` },
  };
}

/**
 * IPv6 readiness of the home page: AAAA records for its host, then a real GET
 * of the page over IPv6 (the site's Host header and SNI, bounded in time and
 * bytes). No record, no answer, or an answer of 400 and above is the `ipv6`
 * observation. Sites addressed by IP or on this machine are skipped.
 */
export async function checkIpv6(homeUrl: string, options: Ipv6CheckOptions): Promise<NetworkCheckResult> {
  const home = new URL(homeUrl);
  if (home.protocol !== 'http:' && home.protocol !== 'https:') throw new KaopingError('not-web-url', `不是 http 或 https 网址：${homeUrl}`);
  const host = bareHost(home);
  if (isIP(host) || LOOPBACK_NAME.test(host))
    return { observations: [], notes: [{ check: 'ipv6', ok: true, text: '以 IP 地址或本机地址访问，跳过 IPv6 检查' }] };
  const notes: CheckNote[] = [];
  const fail = (reason: string, summary: string, address?: string): NetworkCheckResult => {
    notes.push({ check: 'ipv6', ok: false, text: reason });
    const observation: Observation = {
      detect: 'ipv6',
      count: 1,
      summary,
      items: [{ url: homeUrl, reason, ...(address ? { text: address } : {}) }],
    };
    return { observations: [observation], notes };
  };
  const addresses = await aaaa(host, options);
  // A lookup that failed or hung is this machine's view of DNS, not the site's IPv6 readiness.
  if (typeof addresses === 'string')
    return {
      observations: [],
      notes: [
        {
          check: 'ipv6',
          ok: false,
          detect: 'ipv6',
          text: `${host} 的 ${addresses}，IPv6 未核实（请在能正常解析域名的网络中重新检查）`,
          items: [{ url: homeUrl, reason: addresses }],
        },
      ],
    };
  if (!addresses.length) return fail(`${host} 没有 AAAA 记录（IPv6 地址）`, `未完成 IPv6 改造：域名 ${host} 没有 AAAA 记录`);
  notes.push({ check: 'ipv6', ok: true, text: `AAAA 记录：${addresses.join('、')}` });
  const limits: FetchLimits = { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes ?? 1024 * 1024, maxRedirects: 5 };
  const reasons: string[] = [];
  // A browser falls back to the next address; so do we, for the first few.
  for (const address of addresses.slice(0, 3)) {
    const r = await getOverIpv6(home, address, options, limits);
    if (!r.failure && r.status < 400) {
      notes.push(...reasons.map((text) => ({ check: 'ipv6', ok: false, text })), {
        check: 'ipv6',
        ok: true,
        text: `经 IPv6（${address}）访问首页：HTTP ${r.status}`,
      });
      return { observations: [], notes };
    }
    reasons.push(
      r.failure ? `经 IPv6（${address}）访问首页失败：${r.failure.message}` : `经 IPv6（${address}）访问首页返回 HTTP ${r.status}`,
    );
  }
  notes.push(...reasons.slice(0, -1).map((text) => ({ check: 'ipv6', ok: false, text })));
  const reason = reasons.at(-1)!;
  return fail(reason, `未完成 IPv6 改造：${reason}`, addresses[0]);
}
