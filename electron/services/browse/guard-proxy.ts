/**
 * The review browser's only way out: a small forward proxy in this process
 * that Chromium is told to use for everything, loopback included
 * (`--proxy-bypass-list=<-loopback>`). Plain HTTP arrives as absolute-form
 * requests; https, wss and ws (Chromium tunnels WebSockets through a proxy)
 * arrive as CONNECT. For each, the host is resolved once by the address
 * policy (private-network.ts) and the connection goes to exactly the
 * addresses that were checked: there is no second DNS answer for a rebinding
 * attacker to change, and no request type that escapes the check.
 *
 * Only the browser it serves may use it: every request must carry a random
 * per-launch credential (Proxy-Authorization), which the host hands to
 * Chromium through DevTools (puppeteer `page.authenticate`) or Electron's
 * `login` event. Bounded: a connection cap, connect and idle timeouts, and
 * bodies streamed, never buffered.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net, { type AddressInfo, type LookupFunction, type Socket } from 'node:net';
import { KaopingError } from '../../../shared/errors';
import { describeNetError } from './nav-errors';
import { isPrivateAddress, type NetworkGuard } from './private-network';

export interface GuardProxyOptions {
  guard: NetworkGuard;
  /** Giving up on a server that does not accept the connection; default 15 s. */
  connectTimeoutMs?: number;
  /** A connection with no traffic either way is closed after this; default 5 min. */
  idleTimeoutMs?: number;
  /** Connections from the browser at one time; default 256. */
  maxConnections?: number;
}

export interface GuardProxy {
  port: number;
  /** The flags that send all of Chromium's traffic, loopback included, through this proxy. */
  chromiumArgs: string[];
  credentials: { username: string; password: string };
  /**
   * Why the proxy last refused or failed a connection to this URL's host and
   * port (a Chromium error code such as ERR_CONNECTION_REFUSED), within the
   * last minute. Chromium reports a failed tunnel only as
   * ERR_TUNNEL_CONNECTION_FAILED; the host asks here for the real reason.
   */
  failureFor(url: string): string | undefined;
  close(): Promise<void>;
}

/** Marks the proxy's own error answers; stripped from every server's response, so no site can forge it. */
export const PROXY_ERROR_HEADER = 'x-kaoping-net-error';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-authenticate',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  PROXY_ERROR_HEADER,
]);
const FAILURE_MEMORY_MS = 60_000;

/** Only the checked addresses, whatever name the socket asks for. */
function pinnedLookup(addresses: string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: net.isIP(address) }));
  return (_host, options, callback) => {
    if (options.all) (callback as (e: null, a: typeof entries) => void)(null, entries);
    else callback(null, entries[0]!.address, entries[0]!.family);
  };
}

/** A connection or an answer that took too long, coded like the system's own timeout. */
const timedOut = () => new KaopingError('ETIMEDOUT', '连接服务器超时');

/** Node's socket error as Chromium's error code. */
function errorCode(error: unknown): string {
  const e = error as { code?: string; errors?: { code?: string }[] };
  const code = e.code ?? e.errors?.[0]?.code;
  if (code === 'ECONNREFUSED') return 'ERR_CONNECTION_REFUSED';
  if (code === 'ETIMEDOUT') return 'ERR_CONNECTION_TIMED_OUT';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'ERR_ADDRESS_UNREACHABLE';
  if (code === 'ECONNRESET') return 'ERR_CONNECTION_RESET';
  return 'ERR_CONNECTION_FAILED';
}

/** Splits CONNECT's `host:port` (IPv6 in brackets). */
function authority(target: string): { host: string; port: number } | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]/\s]+):(\d{1,5})$/iu.exec(target);
  const port = Number(m?.[2]);
  return m && port > 0 && port < 65_536 ? { host: m[1]!.replace(/^\[|\]$/gu, '').toLowerCase(), port } : null;
}

function errorPage(code: string): string {
  return `<!doctype html><meta charset="utf-8"><title>此页面未能打开</title><h1>此页面未能打开</h1><p>${describeNetError(code)}（${code}）</p>`;
}

/** Starts the proxy on a random loopback port. */
export async function startGuardProxy(options: GuardProxyOptions): Promise<GuardProxy> {
  const { guard } = options;
  const connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 300_000;
  const credentials = { username: 'kaoping', password: randomBytes(24).toString('hex') };
  const expected = Buffer.from(`Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`);
  const failures = new Map<string, { code: string; at: number }>();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32, maxTotalSockets: 256, maxFreeSockets: 32 });
  let ownPort = 0;

  const authorized = (req: IncomingMessage): boolean => {
    const given = Buffer.from(req.headers['proxy-authorization'] ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const remember = (host: string, port: number, code: string) => {
    failures.delete(`${host}:${port}`);
    failures.set(`${host}:${port}`, { code, at: Date.now() });
    if (failures.size > 256) failures.delete(failures.keys().next().value!);
  };
  /** The addresses to connect to, or the error code; failures are remembered for failureFor. */
  const route = async (host: string, port: number): Promise<{ lookup: LookupFunction } | { code: string }> => {
    const verdict = await guard.resolve(host);
    // The proxy itself is never a destination: no request loops back through it.
    const code = !verdict.ok ? verdict.code : port === ownPort && verdict.addresses.some(isPrivateAddress) ? 'ERR_BLOCKED_BY_CLIENT' : null;
    if (!code) return { lookup: pinnedLookup(verdict.ok ? verdict.addresses : []) };
    remember(host, port, code);
    return { code };
  };

  const fail = (res: ServerResponse, code: string) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const status = code === 'ERR_BLOCKED_BY_CLIENT' ? 403 : code === 'ERR_CONNECTION_TIMED_OUT' ? 504 : 502;
    res
      .writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', [PROXY_ERROR_HEADER]: code })
      .end(errorPage(code));
  };

  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    if (!authorized(req)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="kaoping"', 'content-length': '0' }).end();
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      url = new URL('invalid:');
    }
    // Chromium sends only absolute http: URLs here (https goes through CONNECT); anything else is not ours.
    if (url.protocol !== 'http:') {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('代理只转发 http 请求');
      return;
    }
    const host = url.hostname.replace(/^\[|\]$/gu, '').toLowerCase();
    const port = Number(url.port || 80);
    const target = await route(host, port);
    if ('code' in target) return fail(res, target.code);
    const connection = (req.headers.connection ?? '').toLowerCase().split(/\s*,\s*/u);
    const headers: string[] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i]!.toLowerCase();
      if (!HOP_BY_HOP.has(name) && !connection.includes(name)) headers.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    }
    const upstream = http.request({
      host,
      port,
      method: req.method,
      path: url.pathname + url.search,
      headers,
      agent,
      lookup: target.lookup,
      setHost: false,
      timeout: idleTimeoutMs,
    });
    upstream.on('socket', (socket) => {
      if (!socket.connecting) return; // a kept-alive connection to an address checked before
      const timer = setTimeout(() => upstream.destroy(timedOut()), connectTimeoutMs);
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    upstream.on('timeout', () => upstream.destroy(timedOut()));
    upstream.on('error', (error) => {
      if (!res.headersSent) remember(host, port, errorCode(error));
      fail(res, errorCode(error));
    });
    upstream.on('response', (answer) => {
      const out: string[] = [];
      for (let i = 0; i < answer.rawHeaders.length; i += 2) {
        if (!HOP_BY_HOP.has(answer.rawHeaders[i]!.toLowerCase())) out.push(answer.rawHeaders[i]!, answer.rawHeaders[i + 1]!);
      }
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, out);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    // The browser gave up (navigated away, closed the tab): so does the server connection.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  };

  const tunnel = async (req: IncomingMessage, client: Socket, head: Buffer) => {
    client.on('error', () => undefined);
    if (!authorized(req)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="kaoping"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const to = authority(req.url ?? '');
    if (!to) {
      client.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const target = await route(to.host, to.port);
    if ('code' in target) {
      client.end(`HTTP/1.1 ${target.code === 'ERR_BLOCKED_BY_CLIENT' ? '403 Forbidden' : '502 Bad Gateway'}\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    if (client.destroyed) return;
    let connected = false;
    const server = net.connect({ host: to.host, port: to.port, lookup: target.lookup, autoSelectFamily: true });
    server.setTimeout(connectTimeoutMs, () => server.destroy(timedOut()));
    server.once('error', (error) => {
      if (connected) {
        client.destroy();
        return;
      }
      remember(to.host, to.port, errorCode(error));
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
    });
    server.once('connect', () => {
      connected = true;
      server.setTimeout(idleTimeoutMs, () => server.destroy());
      client.setTimeout(idleTimeoutMs, () => client.destroy());
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) server.write(head);
      server.pipe(client);
      client.pipe(server);
    });
    client.once('close', () => server.destroy());
    server.once('close', () => client.destroy());
  };

  const proxy = http.createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    forward(req, res).catch(() => fail(res, 'ERR_CONNECTION_FAILED'));
  });
  proxy.maxConnections = options.maxConnections ?? 256;
  // Tunnels leave the HTTP server's bookkeeping once established; all are ended on close.
  const sockets = new Set<Socket>();
  proxy.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    tunnel(req, socket, head).catch(() => socket.destroy());
  });
  // WebSockets reach a proxy as CONNECT; an upgrade on a plain request is not something Chromium sends.
  proxy.on('upgrade', (_req: IncomingMessage, socket: Socket) => socket.end('HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\n\r\n'));
  proxy.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(0, '127.0.0.1', () => resolve());
  });
  ownPort = (proxy.address() as AddressInfo).port;

  return {
    port: ownPort,
    chromiumArgs: [`--proxy-server=http://127.0.0.1:${ownPort}`, '--proxy-bypass-list=<-loopback>'],
    credentials,
    failureFor(url) {
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        return undefined;
      }
      const port = Number(u.port || (u.protocol === 'https:' || u.protocol === 'wss:' ? 443 : 80));
      const seen = failures.get(`${u.hostname.replace(/^\[|\]$/gu, '').toLowerCase()}:${port}`);
      return seen && Date.now() - seen.at < FAILURE_MEMORY_MS ? seen.code : undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        proxy.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
