import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { guardReviewSession } from '../../electron/main/review-network';
import { createViewHost } from '../../electron/main/review-view';
import { startGuardProxy, type GuardProxy } from '../../electron/services/browse/guard-proxy';
import { createNetworkGuard, type NetworkGuard } from '../../electron/services/browse/private-network';
import { app, FakeSession, FakeWebContents, FakeWindow, type WebContentsView } from './mock-electron';

vi.mock('electron', () => import('./mock-electron'));

// The desktop review partition's network glue, through the one electron mock:
// the proxy is the real one (the same as browser mode's, tested with Chromium
// in test/security), the session and app events are Electron's as recorded.

let guard: NetworkGuard;
let proxy: GuardProxy;
const reviewSession = new FakeSession();

beforeAll(async () => {
  guard = createNetworkGuard({
    lookup: async (host) => (host === 'nas.example' ? ['192.168.1.20'] : host === 'www.gov.cn' ? ['203.0.113.10'] : []),
  });
  proxy = await startGuardProxy({ guard });
  await guardReviewSession(reviewSession as never, { guard, proxy });
});
afterAll(() => proxy.close());

const verdict = (url: string) =>
  new Promise<boolean | undefined>((resolve) => reviewSession.webRequest.beforeRequest!({ url }, (r) => resolve(r.cancel)));

/** Emits `login` as Electron does; returns the credentials given, or null when the default (cancel) stays. */
function login(authInfo: { isProxy: boolean; host: string; port: number }): [string, string] | null {
  let answered: [string, string] | null = null;
  let prevented = false;
  app.emit(
    'login',
    { preventDefault: () => (prevented = true) },
    null,
    {},
    { scheme: 'basic', realm: 'kaoping', ...authInfo },
    (u: string, p: string) => (answered = [u, p]),
  );
  return prevented ? answered : null;
}

describe('the desktop review partition’s network', () => {
  it('sends every connection through the guard proxy, loopback included', () => {
    expect(reviewSession.setProxy).toHaveBeenCalledWith({
      mode: 'fixed_servers',
      proxyRules: `http://127.0.0.1:${proxy.port}`,
      proxyBypassRules: '<-loopback>',
    });
  });

  it('cancels requests and WebSockets to loopback and private addresses, except the target’s own host', async () => {
    expect(await verdict('ws://127.0.0.2:8080/socket')).toBe(true);
    expect(await verdict('wss://10.0.0.1/socket')).toBe(true);
    expect(await verdict('http://nas.example/admin')).toBe(true);
    expect(await verdict('http://localhost:3000/')).toBe(true);
    expect(await verdict('https://www.gov.cn/')).toBe(false);
    const window = new FakeWindow();
    const host = createViewHost(window as never, new FakeWebContents() as never, () => undefined, { guard, proxy });
    await host.open(1, 'http://192.168.5.5:8080/');
    expect(await verdict('ws://192.168.5.5:8081/live')).toBe(false);
    expect(await verdict('http://192.168.5.6/')).toBe(true);
  });

  it('answers the proxy’s own challenge with its credential, and no other login prompt', () => {
    expect(login({ isProxy: true, host: '127.0.0.1', port: proxy.port })).toEqual([proxy.credentials.username, proxy.credentials.password]);
    expect(login({ isProxy: false, host: '127.0.0.1', port: proxy.port })).toBeNull();
    expect(login({ isProxy: true, host: '127.0.0.1', port: proxy.port + 1 })).toBeNull();
  });

  it('shows why the proxy refused an address instead of a bare tunnel failure or proxy status', async () => {
    // The proxy refuses 127.0.0.3 and remembers why; the view's failure events then name the reason.
    const auth = `Basic ${Buffer.from(`${proxy.credentials.username}:${proxy.credentials.password}`).toString('base64')}`;
    const res = await new Promise<number>((resolve) => {
      const connect = http.request({
        host: '127.0.0.1',
        port: proxy.port,
        method: 'CONNECT',
        path: '127.0.0.3:443',
        headers: { 'proxy-authorization': auth },
      });
      connect.on('connect', (answer, socket) => {
        socket.destroy();
        resolve(answer.statusCode ?? 0);
      });
      connect.end();
    });
    expect(res).toBe(403);
    const window = new FakeWindow();
    const host = createViewHost(window as never, new FakeWebContents() as never, () => undefined, { guard, proxy });
    await host.open(2, 'https://www.gov.cn/');
    const wc = (window.children[0] as WebContentsView).webContents;
    wc.emit('did-fail-load', {}, -111, 'ERR_TUNNEL_CONNECTION_FAILED', 'https://127.0.0.3/', true);
    expect(host.state().error).toMatchObject({ kind: 'network', message: expect.stringMatching(/本机或内网地址.*ERR_BLOCKED_BY_CLIENT/u) });
    wc.emit('did-start-navigation', {}, 'https://www.gov.cn/missing', false, true);
    wc.emit('did-navigate', {}, 'https://www.gov.cn/missing', 404);
    expect(host.state().error).toMatchObject({ kind: 'http', message: '网站返回 HTTP 404（页面不存在）' });
  });
});
