import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { APP_CSP } from '../../../shared/api/csp';
import { dispatch, type Handlers } from '../api/dispatch';
import { resolveInside, sendFile } from './static-files';

const MAX_BODY = 8 * 1024 * 1024;

export interface BridgeOptions {
  handlers: Handlers;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  /** Files the UI may fetch by token-checked GET: evidence images of assessments. */
  fileRoute?: (urlPath: string) => string | undefined;
  onInternalError?: (error: unknown) => void;
}

export interface RunningBridge {
  url: string;
  port: number;
  token: string;
  server: Server;
  close: () => Promise<void>;
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The request body, or 'too-large' once it passes MAX_BODY (the rest is then drained unread, so the client gets our answer, not a reset). */
function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
      req.resume();
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > MAX_BODY) {
        over = true;
        chunks.length = 0;
        resolve('too-large');
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * Browser mode: the renderer and the API contract over loopback HTTP. Only
 * 127.0.0.1 is bound; API calls need the per-run token (Authorization: Bearer),
 * and a Host header other than our own address is refused, which defeats DNS
 * rebinding from pages the reviewer has open elsewhere.
 */
export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  let port = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      options.onInternalError?.(error);
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'internal', message: '内部错误', details: [] } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(403).end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return json(res, 405, { ok: false, error: { code: 'method', message: '仅支持 POST', details: [] } });
      const auth = req.headers.authorization ?? '';
      if (!auth.startsWith('Bearer ') || !tokensEqual(auth.slice(7), token)) {
        return json(res, 401, { ok: false, error: { code: 'unauthorized', message: '访问令牌无效', details: [] } });
      }
      const body = await readBody(req);
      if (body === 'too-large') {
        res.setHeader('connection', 'close');
        return json(res, 413, {
          ok: false,
          error: { code: 'too-large', message: `请求过大：超过 ${MAX_BODY / 1024 / 1024} MB 的上限`, details: [] },
        });
      }
      let input: unknown;
      try {
        input = body ? JSON.parse(body) : {};
      } catch {
        return json(res, 400, { ok: false, error: { code: 'bad-json', message: '请求不是有效的 JSON', details: [] } });
      }
      let method: string;
      try {
        method = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        return json(res, 400, { ok: false, error: { code: 'bad-method', message: '调用名称中有无效的 % 转义', details: [] } });
      }
      return json(res, 200, await dispatch(options.handlers, method, input, options.onInternalError));
    }
    if (url.pathname.startsWith('/files/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
      if (!tokensEqual(url.searchParams.get('token') ?? '', token)) return void res.writeHead(401).end();
      const file = options.fileRoute?.(url.pathname.slice('/files/'.length));
      if (!file) return void res.writeHead(404).end();
      return sendFile(res, file, { 'cache-control': 'private, max-age=3600', 'x-content-type-options': 'nosniff' });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    const file = resolveInside(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return void res.writeHead(404).end();
    await sendFile(res, file, {
      'content-security-policy': APP_CSP,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
