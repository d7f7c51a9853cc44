import http from 'node:http';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROXY_ERROR_HEADER, startGuardProxy, type GuardProxy } from '../../electron/services/browse/guard-proxy';
import { createNetworkGuard } from '../../electron/services/browse/private-network';
import { startLocalService, type LocalService } from './local-services';

// The review browser's proxy on its own, driven the way Chromium drives it
// (absolute-form GET, CONNECT) and the way another local process could.

let target: LocalService;
let internal: LocalService;
const proxies: GuardProxy[] = [];

beforeAll(async () => {
  target = await startLocalService('127.0.0.1', (req, res) => {
    if (req.url === '/forged') res.setHeader(PROXY_ERROR_HEADER, 'ERR_BLOCKED_BY_CLIENT');
    if (req.url === '/slow') {
      // The first part now, the rest only when the test asks: shows the proxy streams.
      res.write('first-part;');
      release = () => res.end('rest');
      return;
    }
    res.end(`target ${req.url}`);
  });
  internal = await startLocalService('127.0.0.2');
});
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});
afterAll(() => {
  target.close();
  internal.close();
});

let release = () => undefined as void;

async function startProxy(options: Parameters<typeof createNetworkGuard>[0] = {}, extra: { maxConnections?: number } = {}) {
  const guard = createNetworkGuard(options);
  guard.permit(`${target.origin}/`);
  const proxy = await startGuardProxy({ guard, ...extra });
  proxies.push(proxy);
  return { guard, proxy };
}

const basic = (p: GuardProxy) => `Basic ${Buffer.from(`${p.credentials.username}:${p.credentials.password}`).toString('base64')}`;

/** A GET through the proxy, as Chromium sends it for http: URLs. */
function get(proxy: GuardProxy, url: string, auth = true): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: proxy.port, path: url, headers: auth ? { 'proxy-authorization': basic(proxy) } : {} },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject).end();
  });
}

/** A CONNECT through the proxy; on 200, sends one HTTP request through the tunnel and returns its answer. */
function connect(proxy: GuardProxy, authority: string, auth = true): Promise<{ status: number; through?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port: proxy.port,
      method: 'CONNECT',
      path: authority,
      headers: auth ? { 'proxy-authorization': basic(proxy) } : {},
    });
    req.on('connect', (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        resolve({ status: res.statusCode ?? 0 });
        return;
      }
      let through = '';
      socket.setEncoding('utf8').on('data', (c: string) => (through += c));
      socket.on('end', () => resolve({ status: 200, through }));
      socket.write(`GET /tunnel HTTP/1.1\r\nHost: ${authority}\r\nConnection: close\r\n\r\n`);
    });
    req.on('error', reject).end();
  });
}

describe('guard proxy', () => {
  it('serves only the browser holding its per-launch credential: other local processes get 407', async () => {
    const { proxy } = await startProxy();
    const before = target.connections;
    expect((await get(proxy, `${target.origin}/`, false)).status).toBe(407);
    expect((await connect(proxy, `127.0.0.1:${target.port}`, false)).status).toBe(407);
    expect(target.connections).toBe(before);
    expect(proxy.credentials.password).toMatch(/^[0-9a-f]{48}$/u);
    // An origin-form request (a page in another browser pointing at the proxy's port) is not a proxy request.
    const direct = await fetch(`http://127.0.0.1:${proxy.port}/`, { headers: { 'proxy-authorization': basic(proxy) } });
    expect(direct.status).toBe(400);
  });

  it('forwards to a target on loopback, over plain HTTP and through a tunnel', async () => {
    const { proxy } = await startProxy();
    expect(await get(proxy, `${target.origin}/page?q=1`)).toMatchObject({ status: 200, body: 'target /page?q=1' });
    const tunnel = await connect(proxy, `127.0.0.1:${target.port}`);
    expect(tunnel.status).toBe(200);
    expect(tunnel.through).toMatch(/^HTTP\/1\.1 200[\s\S]*target \/tunnel$/u);
  });

  it('refuses loopback and private addresses other than the targets, before any connection is made', async () => {
    const { proxy } = await startProxy();
    const blocked = await get(proxy, `${internal.origin}/admin`);
    expect(blocked.status).toBe(403);
    expect(blocked.headers[PROXY_ERROR_HEADER]).toBe('ERR_BLOCKED_BY_CLIENT');
    expect(blocked.body).toMatch(/网址指向本机或内网地址/u);
    expect((await connect(proxy, `127.0.0.2:${internal.port}`)).status).toBe(403);
    expect((await connect(proxy, `localhost:${internal.port}`)).status).toBe(403);
    expect((await connect(proxy, `[::1]:${internal.port}`)).status).toBe(403);
    // 127.0.0.2 as an IPv4-mapped IPv6 address, spelled as a URL spells it.
    expect((await connect(proxy, `[::ffff:7f00:2]:${internal.port}`)).status).toBe(403);
    expect((await get(proxy, `http://[::ffff:127.0.0.2]:${internal.port}/`)).status).toBe(403);
    expect(proxy.failureFor(`wss://127.0.0.2:${internal.port}/socket`)).toBe('ERR_BLOCKED_BY_CLIENT');
    // Not itself either, even when loopback is a target's host.
    expect((await connect(proxy, `127.0.0.1:${proxy.port}`)).status).toBe(403);
    expect(internal.connections).toBe(0);
  });

  it('connects to the address it checked: a second DNS answer pointing at 127.0.0.2 is refused', async () => {
    let calls = 0;
    // The attacker's name server: a public address for the check, this machine for whoever asks next.
    const lookup = async (host: string) => (host === 'rebind.test' ? (calls++ === 0 ? ['198.51.100.7'] : ['127.0.0.2']) : []);
    const { guard, proxy } = await startProxy({ lookup, cacheMs: 0 });
    // The check alone (what request interception did) passes on the first answer …
    expect(await guard.allow(`http://rebind.test:${internal.port}/`)).toBe(true);
    // … but the connection resolves once more, checks that answer, and never reaches the service.
    expect((await connect(proxy, `rebind.test:${internal.port}`)).status).toBe(403);
    expect((await get(proxy, `http://rebind.test:${internal.port}/secret`)).status).toBe(403);
    expect(calls).toBe(3);
    expect(internal.connections).toBe(0);
  });

  it('uses one answer for the check and the connection while it is cached', async () => {
    let calls = 0;
    const lookup = async () => (calls++ === 0 ? ['127.0.0.1'] : ['127.0.0.2']);
    const { guard, proxy } = await startProxy({ lookup });
    guard.permit('http://twice.test/');
    expect(await guard.allow(`http://twice.test:${target.port}/`)).toBe(true);
    expect(await get(proxy, `http://twice.test:${target.port}/cached`)).toMatchObject({ status: 200, body: 'target /cached' });
    expect(calls).toBe(1);
  });

  it('names why a server could not be reached, and a site cannot forge the proxy’s own answer', async () => {
    const { proxy } = await startProxy();
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(port));
      });
    });
    const refused = await get(proxy, `http://127.0.0.1:${closed}/`);
    expect(refused).toMatchObject({ status: 502, headers: { [PROXY_ERROR_HEADER]: 'ERR_CONNECTION_REFUSED' } });
    expect(refused.body).toMatch(/服务器拒绝连接/u);
    expect((await connect(proxy, `127.0.0.1:${closed}`)).status).toBe(502);
    expect(proxy.failureFor(`https://127.0.0.1:${closed}/`)).toBe('ERR_CONNECTION_REFUSED');
    const forged = await get(proxy, `${target.origin}/forged`);
    expect(forged.status).toBe(200);
    expect(forged.headers[PROXY_ERROR_HEADER]).toBeUndefined();
  });

  it('streams answers instead of buffering them, and caps its connections', async () => {
    const { proxy } = await startProxy({}, { maxConnections: 2 });
    const firstPart = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: proxy.port, path: `${target.origin}/slow`, headers: { 'proxy-authorization': basic(proxy) } },
        (res) => {
          res.setEncoding('utf8').once('data', (c: string) => {
            resolve(c);
            release();
            res.resume();
          });
        },
      );
      req.on('error', reject).end();
    });
    // The server had not finished its answer when the first part arrived.
    expect(firstPart).toBe('first-part;');

    const open = await Promise.all(
      [0, 1].map(
        () =>
          new Promise<net.Socket>((resolve) => {
            const s = net.connect(proxy.port, '127.0.0.1', () => resolve(s));
          }),
      ),
    );
    const third = net.connect(proxy.port, '127.0.0.1');
    third.on('error', () => undefined);
    await new Promise<void>((resolve) => third.once('close', () => resolve()));
    expect(third.bytesRead).toBe(0);
    open.forEach((s) => s.destroy());
  });
});
