import http from 'node:http';
import https from 'node:https';
import iconv from 'iconv-lite';
import { describeTlsFault, type TlsFault } from './tls-faults';

/** Limits every request to a site under review obeys: sites may be slow, huge or hostile. */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

/** 15 s, 5 MiB and 5 redirects per request. */
export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

/** Why no (complete) HTTP answer came. */
export interface FetchFailure {
  kind: 'timeout' | 'dns' | 'tls' | 'refused' | 'redirects' | 'aborted' | 'other';
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

/** Keep-alive agents shared by every check; the callers' host limiters bound concurrency. */
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 }),
  https: new https.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 }),
};

const USER_AGENT = 'Kaoping/0.1 (government website assessment)';
/** Small bodies are drained so the keep-alive socket can be reused; larger ones cost more than a new connection. */
const DRAIN_LIMIT = 64 * 1024;
const EMPTY = Buffer.alloc(0);

/** Names why a request got no answer (DNS, refused, a TLS fault …), for every request to a site under review. */
export function failureOf(error: NodeJS.ErrnoException): FetchFailure {
  const tls = describeTlsFault(error);
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return { kind: 'dns', message: error.message };
  if (error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET' || error.code === 'EPIPE') return { kind: 'refused', message: error.message };
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

function once(method: 'GET' | 'HEAD', url: URL, limits: FetchLimits, options: FetchOptions, deadline: number): Promise<Answer & { reused: boolean }> {
  return new Promise((resolve) => {
    if (options.signal?.aborted) {
      resolve({ status: 0, headers: {}, body: EMPTY, truncated: false, failure: { kind: 'aborted', message: '已取消' }, reused: false });
      return;
    }
    const secure = url.protocol === 'https:';
    let settled = false;
    // What the deadline reports: nothing yet, or the status and the bytes read so far.
    let onDeadline = (): Answer => ({ status: 0, headers: {}, body: EMPTY, truncated: false, failure: { kind: 'timeout', message: `超过 ${limits.timeoutMs / 1000} 秒未响应` } });
    const finish = (r: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ ...r, reused: req.reusedSocket });
    };
    const req = (secure ? https : http).request(url, { method, agent: secure ? agents.https : agents.http, headers: { 'user-agent': USER_AGENT, accept: '*/*' } }, (res) => {
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
      onDeadline = () => ({ status, headers: res.headers, body: read(), truncated: true, failure: { kind: 'timeout', message: `超过 ${limits.timeoutMs / 1000} 秒未读完` } });
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
      res.on('error', (e: NodeJS.ErrnoException) => finish({ status, headers: res.headers, body: read(), truncated: true, failure: failureOf(e) }));
    });
    const onAbort = () => {
      finish({ status: 0, headers: {}, body: EMPTY, truncated: false, failure: { kind: 'aborted', message: '已取消' } });
      req.destroy();
    };
    // One deadline for the whole exchange, redirects included: a server that drips bytes is cut off too.
    const timer = setTimeout(() => {
      finish(onDeadline());
      req.destroy();
    }, Math.max(0, deadline - Date.now()));
    req.on('error', (e: NodeJS.ErrnoException) => finish({ status: 0, headers: {}, body: EMPTY, truncated: false, failure: failureOf(e) }));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    req.end();
  });
}

/**
 * GET or HEAD with redirects followed up to the limit, bounded in time (all
 * hops together) and bytes, and cancellable. A kept-alive socket the server had already
 * closed is retried once on a new connection.
 */
export async function fetchBounded(url: string, method: 'GET' | 'HEAD' = 'GET', limits: FetchLimits = DEFAULT_LIMITS, options: FetchOptions = {}): Promise<FetchResult> {
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { url, finalUrl: url, status: 0, headers: {}, body: EMPTY, truncated: false, failure: { kind: 'other', message: '网址无效' } };
  }
  const deadline = Date.now() + limits.timeoutMs;
  for (let hop = 0; hop <= limits.maxRedirects; hop++) {
    let r = await once(method, current, limits, options, deadline);
    if (r.reused && r.failure?.kind === 'refused') r = await once(method, current, limits, options, deadline);
    const { reused: _reused, ...answer } = r;
    const location = r.headers.location;
    if (r.status >= 300 && r.status < 400 && location) {
      try {
        current = new URL(location, current);
      } catch {
        return { url, finalUrl: current.toString(), ...answer, failure: { kind: 'other', message: `重定向地址无效：${location.slice(0, 200)}` } };
      }
      // file:, ftp:, javascript: … are never followed, and said to be what they are (not "too many redirects").
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        return { url, finalUrl: current.toString(), ...answer, failure: { kind: 'other', message: `重定向到不支持的地址（${current.protocol}），未跟随：${location.slice(0, 200)}` } };
      }
      continue;
    }
    return { url, finalUrl: current.toString(), ...answer };
  }
  return { url, finalUrl: current.toString(), status: 0, headers: {}, body: EMPTY, truncated: false, failure: { kind: 'redirects', message: `重定向超过 ${limits.maxRedirects} 次` } };
}

/** Page text from its bytes: charset from the header, else a meta tag, else UTF-8 if valid, else GB18030. */
export function decodeHtml(body: Buffer, contentType = ''): string {
  const fromHeader = /charset=["']?([\w-]+)/iu.exec(contentType)?.[1];
  const head = body.subarray(0, 2048).toString('latin1');
  const fromMeta = /<meta[^>]+charset=["']?([\w-]+)/iu.exec(head)?.[1];
  const label = (fromHeader ?? fromMeta)?.toLowerCase();
  if (label && label !== 'utf-8' && label !== 'utf8' && iconv.encodingExists(label)) return iconv.decode(body, /^(gb2312|gbk|x-gbk)$/u.test(label) ? 'gb18030' : label);
  const utf8 = body.toString('utf8');
  return !label && utf8.includes('\ufffd') ? iconv.decode(body, 'gb18030') : utf8;
}
