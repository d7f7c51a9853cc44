import http from 'node:http';
import https from 'node:https';
import iconv from 'iconv-lite';
import { describeTlsFault } from './tls-faults';

/** Limits every request to a site under review obeys: sites may be slow, huge or hostile. */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };

export interface FetchResult {
  url: string;
  finalUrl: string;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  truncated: boolean;
  /** Set when no HTTP answer came: 'timeout', 'dns', 'tls', 'refused', 'redirects', 'other'. */
  failure?: { kind: 'timeout' | 'dns' | 'tls' | 'refused' | 'redirects' | 'other'; message: string };
}

const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) };

function classify(error: NodeJS.ErrnoException): NonNullable<FetchResult['failure']>['kind'] {
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return 'dns';
  if (error.code === 'ECONNREFUSED' || error.code === 'ECONNRESET') return 'refused';
  if (describeTlsFault(error)) return 'tls';
  return 'other';
}

function once(method: 'GET' | 'HEAD', url: URL, limits: FetchLimits): Promise<Omit<FetchResult, 'url' | 'finalUrl'>> {
  return new Promise((resolve) => {
    const lib = url.protocol === 'https:' ? https : http;
    let settled = false;
    const finish = (r: Omit<FetchResult, 'url' | 'finalUrl'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = lib.request(url, { method, agent: url.protocol === 'https:' ? agents.https : agents.http, headers: { 'user-agent': 'Kaoping/0.1 (government website assessment)', accept: '*/*' } }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) {
          chunks.push(chunk.subarray(0, chunk.length - (size - limits.maxBytes)));
          finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), truncated: true });
          req.destroy();
        } else chunks.push(chunk);
      });
      res.on('end', () => finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), truncated: false }));
      res.on('error', (e: NodeJS.ErrnoException) => finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), truncated: true, failure: { kind: classify(e), message: e.message } }));
    });
    // One deadline for the whole exchange: a server that drips bytes is cut off too.
    const timer = setTimeout(() => {
      finish({ status: 0, headers: {}, body: Buffer.alloc(0), truncated: false, failure: { kind: 'timeout', message: `超过 ${limits.timeoutMs / 1000} 秒未完成` } });
      req.destroy();
    }, limits.timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => finish({ status: 0, headers: {}, body: Buffer.alloc(0), truncated: false, failure: { kind: classify(e), message: describeTlsFault(e)?.message ?? e.message } }));
    req.end();
  });
}

/** GET or HEAD with redirects followed up to the limit, every step bounded in time and bytes. */
export async function fetchBounded(url: string, method: 'GET' | 'HEAD' = 'GET', limits: FetchLimits = DEFAULT_LIMITS): Promise<FetchResult> {
  let current = new URL(url);
  for (let hop = 0; hop <= limits.maxRedirects; hop++) {
    const r = await once(method, current, limits);
    const location = r.headers.location;
    if (r.status >= 300 && r.status < 400 && location) {
      current = new URL(location, current);
      if (current.protocol !== 'http:' && current.protocol !== 'https:') break;
      continue;
    }
    return { url, finalUrl: current.toString(), ...r };
  }
  return { url, finalUrl: current.toString(), status: 0, headers: {}, body: Buffer.alloc(0), truncated: false, failure: { kind: 'redirects', message: `重定向超过 ${limits.maxRedirects} 次` } };
}

/** Page text from its bytes: charset from the header, else a meta tag, else UTF-8 if valid, else GB18030. */
export function decodeHtml(body: Buffer, contentType = ''): string {
  const fromHeader = /charset=([\w-]+)/iu.exec(contentType)?.[1];
  const head = body.subarray(0, 2048).toString('latin1');
  const fromMeta = /<meta[^>]+charset=["']?([\w-]+)/iu.exec(head)?.[1];
  const label = (fromHeader ?? fromMeta)?.toLowerCase();
  if (label && label !== 'utf-8' && label !== 'utf8' && iconv.encodingExists(label)) return iconv.decode(body, /^(gb2312|gbk)$/u.test(label) ? 'gb18030' : label);
  const utf8 = body.toString('utf8');
  return !label && utf8.includes('\ufffd') ? iconv.decode(body, 'gb18030') : utf8;
}
