import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import iconv from 'iconv-lite';
import { socketGate } from './socket-gate';
import { describeTlsFault, type TlsFault } from './tls-faults';

/** Limits every request to a site under review obeys: sites may be slow, huge or hostile. */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Name resolution (the system's by default): tests map names to loopback or make every name fail. */
  lookup?: LookupFunction;
}

/** 15 s, 5 MiB and 5 redirects per request. */
export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

/**
 * Why no (complete) HTTP answer came. 'unreachable' is a network that has no
 * route to the host; 'resource' is this machine running out of files, sockets
 * or memory: the checker's own fault, never the site's.
 */
export interface FetchFailure {
  kind: 'timeout' | 'dns' | 'tls' | 'refused' | 'unreachable' | 'resource' | 'redirects' | 'aborted' | 'other';
  message: string;
  /** The named TLS fault when `kind` is 'tls'. */
  tls?: TlsFault;
}

/** How one bounded request ended; never thrown, always returned. */
export interface FetchResult {
  url: string;
  finalUrl: string;
  /** 0 when no answer came at all. */
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  truncated: boolean;
  /**
   * Set when no complete answer came. A timeout after the headers keeps the
   * status and the bytes read so far (a page that never closes its connection).
   */
  failure?: FetchFailure;
}

/** Cancellation and what to read of one request. */
export interface FetchOptions {
  signal?: AbortSignal;
  /**
   * Whether to read the body of a final (non-redirect) answer; when it says no,
   * the request resolves as soon as the status is known and the body is not
   * downloaded (link checks, non-HTML pages met by the crawler).
   */
  wantBody?: (status: number, headers: http.IncomingHttpHeaders) => boolean;
}

/**
 * Keep-alive agents shared by every check. The callers' host limiters bound
 * requests per host, the socket gate the total; idle sockets are closed when
 * the gate is crowded.
 */
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 16 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 16 }),
};
socketGate.onCrowded(() => {
  for (const agent of [agents.http, agents.https])
    for (const list of Object.values(agent.freeSockets)) for (const socket of list ?? []) socket.destroy();
});

/** Error codes of this machine running out of something: the checker's fault, not the site's. */
const RESOURCE_CODES = new Set(['EMFILE', 'ENFILE', 'ENOMEM', 'ENOBUFS']);
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
/** Tries of one request that ran into a resource limit, with the pause before each retry. */
const RESOURCE_RETRY_MS = [200, 800, 2_000];

const USER_AGENT = 'Kaoping/0.1 (government website assessment)';
/** Small bodies are drained so the keep-alive socket can be reused; larger ones cost more than a new connection. */
const DRAIN_LIMIT = 64 * 1024;
const EMPTY = Buffer.alloc(0);

/** Names why a request got no answer (DNS, refused, a TLS fault …), for every request to a site under review. */
export function failureOf(error: NodeJS.ErrnoException): FetchFailure {
  const code = error.code ?? '';
  if (RESOURCE_CODES.has(code) || (code === 'EAI_SYSTEM' && /EMFILE|ENFILE/u.test(error.message)))
    return { kind: 'resource', message: `检查程序资源不足（${code}：${error.message}）` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NODATA' || code === 'EAI_NONAME')
    return { kind: 'dns', message: error.message };
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EPIPE') return { kind: 'refused', message: error.message };
  if (UNREACHABLE_CODES.has(code)) return { kind: 'unreachable', message: error.message };
  if (code === 'ETIMEDOUT') return { kind: 'timeout', message: error.message };
  const tls = describeTlsFault(error);
  if (tls) return { kind: 'tls', message: tls.message, tls };
  return { kind: 'other', message: error.message };
}

type Answer = Omit<FetchResult, 'url' | 'finalUrl'>;

/** Throws away a body the caller does not want, keeping the socket when that is cheap. */
function discard(res: http.IncomingMessage, req: http.ClientRequest, method: string): void {
  const length = Number(res.headers['content-length']);
  if (method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304 || (Number.isFinite(length) && length <= DRAIN_LIMIT)) {
    res.resume();
    // A server that announces a short body and never sends it must not pin the socket.
    const guard = setTimeout(() => req.destroy(), 5_000);
    res.once('close', () => clearTimeout(guard));
  } else req.destroy();
}

function exchange(
  method: 'GET' | 'HEAD',
  url: URL,
  limits: FetchLimits,
  options: FetchOptions,
  deadline: number,
): Promise<Answer & { reused: boolean }> {
  return new Promise((resolve) => {
    if (options.signal?.aborted) {
      resolve({ status: 0, headers: {}, body: EMPTY, truncated: false, failure: { kind: 'aborted', message: '已取消' }, reused: false });
      return;
    }
    const secure = url.protocol === 'https:';
    let settled = false;
    // What the deadline reports: nothing yet, or the status and the bytes read so far.
    let onDeadline = (): Answer => ({
      status: 0,
      headers: {},
      body: EMPTY,
      truncated: false,
      failure: { kind: 'timeout', message: `超过 ${limits.timeoutMs / 1000} 秒未响应` },
    });
    const finish = (r: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ ...r, reused: req.reusedSocket });
    };
    const req = (secure ? https : http).request(
      url,
      {
        method,
        agent: secure ? agents.https : agents.http,
        headers: { 'user-agent': USER_AGENT, accept: '*/*' },
        ...(limits.lookup ? { lookup: limits.lookup } : {}),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const isRedirect = status >= 300 && status < 400 && res.headers.location !== undefined;
        if (isRedirect || method === 'HEAD' || !(options.wantBody?.(status, res.headers) ?? true)) {
          discard(res, req, method);
          finish({ status, headers: res.headers, body: EMPTY, truncated: false });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const read = () => (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
        onDeadline = () => ({
          status,
          headers: res.headers,
          body: read(),
          truncated: true,
          failure: { kind: 'timeout', message: `超过 ${limits.timeoutMs / 1000} 秒未读完` },
        });
        res.on('data', (chunk: Buffer) => {
          if (settled) return;
          const room = limits.maxBytes - size;
          if (chunk.length < room) {
            chunks.push(chunk);
            size += chunk.length;
            return;
          }
          chunks.push(chunk.subarray(0, room));
          size += room;
          finish({ status, headers: res.headers, body: read(), truncated: true });
          req.destroy();
        });
        res.on('end', () => finish({ status, headers: res.headers, body: read(), truncated: false }));
        res.on('error', (e: NodeJS.ErrnoException) =>
          finish({ status, headers: res.headers, body: read(), truncated: true, failure: failureOf(e) }),
        );
      },
    );
    const onAbort = () => {
      finish({ status: 0, headers: {}, body: EMPTY, truncated: false, failure: { kind: 'aborted', message: '已取消' } });
      req.destroy();
    };
    // One deadline for the whole exchange, redirects included: a server that drips bytes is cut off too.
    const timer = setTimeout(
      () => {
        finish(onDeadline());
        req.destroy();
      },
      Math.max(0, deadline - Date.now()),
    );
    req.on('error', (e: NodeJS.ErrnoException) => finish({ status: 0, headers: {}, body: EMPTY, truncated: false, failure: failureOf(e) }));
    req.on('socket', (socket) => socketGate.track(socket));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    req.end();
  });
}

/**
 * One exchange. When this machine runs
 * out of files or memory (EMFILE …) the gate shrinks and the request is tried
 * again after a pause; if it still fails, the 'resource' failure says so.
 */
async function once(
  method: 'GET' | 'HEAD',
  url: URL,
  limits: FetchLimits,
  options: FetchOptions,
  deadline: number,
): Promise<Answer & { reused: boolean }> {
  for (let attempt = 0; ; attempt++) {
    const r = await exchange(method, url, limits, options, deadline);
    const pause = RESOURCE_RETRY_MS[attempt];
    if (r.failure?.kind !== 'resource' || pause === undefined || Date.now() + pause >= deadline || options.signal?.aborted) return r;
    socketGate.shrink();
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/**
 * GET or HEAD with redirects followed up to the limit, bounded in time (all
 * hops together) and bytes, and cancellable. A kept-alive socket the server had already
 * closed is retried once on a new connection.
 */
export async function fetchBounded(
  url: string,
  method: 'GET' | 'HEAD' = 'GET',
  limits: FetchLimits = DEFAULT_LIMITS,
  options: FetchOptions = {},
): Promise<FetchResult> {
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { url, finalUrl: url, status: 0, headers: {}, body: EMPTY, truncated: false, failure: { kind: 'other', message: '网址无效' } };
  }
  // The deadline starts once the process-wide gate lets the request go.
  const release = await socketGate.acquire();
  try {
    return await follow(url, current, method, limits, options, Date.now() + limits.timeoutMs);
  } finally {
    release();
  }
}

async function follow(
  url: string,
  start: URL,
  method: 'GET' | 'HEAD',
  limits: FetchLimits,
  options: FetchOptions,
  deadline: number,
): Promise<FetchResult> {
  let current = start;
  for (let hop = 0; hop <= limits.maxRedirects; hop++) {
    let r = await once(method, current, limits, options, deadline);
    if (r.reused && r.failure?.kind === 'refused') r = await once(method, current, limits, options, deadline);
    const { reused: _reused, ...answer } = r;
    const location = r.headers.location;
    if (r.status >= 300 && r.status < 400 && location) {
      try {
        current = new URL(location, current);
      } catch {
        return {
          url,
          finalUrl: current.toString(),
          ...answer,
          failure: { kind: 'other', message: `重定向地址无效：${location.slice(0, 200)}` },
        };
      }
      // file:, ftp:, javascript: … are never followed, and said to be what they are (not "too many redirects").
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        return {
          url,
          finalUrl: current.toString(),
          ...answer,
          failure: { kind: 'other', message: `重定向到不支持的地址（${current.protocol}），未跟随：${location.slice(0, 200)}` },
        };
      }
      continue;
    }
    return { url, finalUrl: current.toString(), ...answer };
  }
  return {
    url,
    finalUrl: current.toString(),
    status: 0,
    headers: {},
    body: EMPTY,
    truncated: false,
    failure: { kind: 'redirects', message: `重定向超过 ${limits.maxRedirects} 次` },
  };
}

/** Page text from its bytes: charset from the header, else a meta tag, else UTF-8 if valid, else GB18030. */
export function decodeHtml(body: Buffer, contentType = ''): string {
  const fromHeader = /charset=["']?([\w-]+)/iu.exec(contentType)?.[1];
  const head = body.subarray(0, 2048).toString('latin1');
  const fromMeta = /<meta[^>]+charset=["']?([\w-]+)/iu.exec(head)?.[1];
  const label = (fromHeader ?? fromMeta)?.toLowerCase();
  if (label && label !== 'utf-8' && label !== 'utf8' && iconv.encodingExists(label))
    return iconv.decode(body, /^(gb2312|gbk|x-gbk)$/u.test(label) ? 'gb18030' : label);
  const utf8 = body.toString('utf8');
  return !label && utf8.includes('\ufffd') ? iconv.decode(body, 'gb18030') : utf8;
}
