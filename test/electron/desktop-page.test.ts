import { describe, expect, it, vi } from 'vitest';
import { createViewHost } from '../../electron/main/review-view';
import { emitPreventable, FakeWebContents, FakeWindow, type WebContentsView } from './mock-electron';

vi.mock('electron', () => import('./mock-electron'));

// The desktop app's site view as the reviewer sees it: the page at 100 % with
// scrolling (not shrunk to the pane), and when a page does not load, the app's
// own Chinese page in its place, never Chromium's English one.

/** The centre pane at 1366×768 once the side panes are laid out (as in browser mode). */
const PANE = { x: 300, y: 120, width: 930, height: 600 };

async function openSite(url = 'http://www.nanling.gov.cn/') {
  const window = new FakeWindow();
  const visits: string[] = [];
  const host = createViewHost(window as never, new FakeWebContents() as never, (_t, u) => visits.push(u));
  await host.open(7, url);
  host.setBounds(PANE);
  const view = window.children[0] as WebContentsView;
  const wc = view.webContents;
  const emulation = () =>
    wc.enableDeviceEmulation.mock.calls.at(-1)![0] as {
      screenSize: object;
      viewSize: { width: number; height: number };
      scale: number;
      screenPosition: string;
    };
  const shown = () => view.setVisible.mock.calls.at(-1)![0] as boolean;
  return { host, view, wc, emulation, shown, visits };
}

describe('the desktop view lays the page out at 100 %', () => {
  it('shows the laptop preset unscaled in a narrower pane, one CSS pixel to one pixel, the page scrolling', async () => {
    const { host, wc, emulation, view } = await openSite();
    expect(emulation()).toMatchObject({
      screenPosition: 'desktop',
      screenSize: { width: 1366, height: 768 },
      viewSize: { width: 930, height: 600 },
      scale: 1,
    });
    expect(wc.setZoomFactor).toHaveBeenLastCalledWith(1);
    expect(view.setBounds).toHaveBeenLastCalledWith(PANE);
    // The desktop preset is not shrunk either (it was drawn at 48 % in a 930 px pane).
    await host.setDevice('desktop', 1);
    expect(emulation()).toMatchObject({ screenSize: { width: 1920, height: 1080 }, viewSize: { width: 930, height: 600 }, scale: 1 });
  });

  it('keeps a phone at its own width, and magnifies with the zoom without shrinking', async () => {
    const { host, emulation, wc } = await openSite();
    await host.setDevice('mobile', 1);
    expect(emulation()).toMatchObject({ screenPosition: 'mobile', viewSize: { width: 390, height: 600 }, scale: 1 });
    await host.setDevice('laptop', 1.5);
    expect(emulation()).toMatchObject({ viewSize: { width: 930, height: 600 }, scale: 1 });
    expect(wc.setZoomFactor).toHaveBeenLastCalledWith(1.5);
  });

  it('scales the preset down to the pane only when the reviewer asks to fit it (适应宽度)', async () => {
    const { host, emulation } = await openSite();
    host.setBounds(PANE, true);
    expect(emulation()).toMatchObject({ viewSize: { width: 1366, height: Math.round((600 * 1366) / 930) }, scale: 930 / 1366 });
    host.setBounds(PANE, false);
    expect(emulation()).toMatchObject({ viewSize: { width: 930, height: 600 }, scale: 1 });
  });
});

describe('a page that does not load in the desktop view', () => {
  it('hides Chromium’s error page at once and says why in Chinese', async () => {
    const { host, wc, shown, visits } = await openSite('http://nosuch.nanling.gov.cn/');
    expect(shown()).toBe(true);
    wc.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'http://nosuch.nanling.gov.cn/', true);
    expect(shown()).toBe(false);
    expect(host.state().error).toEqual({
      kind: 'network',
      message: '无法打开页面：域名无法解析（ERR_NAME_NOT_RESOLVED）',
      url: 'http://nosuch.nanling.gov.cn/',
    });
    // Chromium's error page finishing is no visit; the pane keeps the view away while it is there.
    wc.emit('did-finish-load');
    expect(visits).toEqual([]);
    host.setBounds(PANE);
    expect(shown()).toBe(false);
  });

  it('names a port the browser refuses, instead of showing ERR_UNSAFE_PORT', async () => {
    const { host, wc } = await openSite('http://www.nanling.gov.cn:6000/');
    wc.emit('did-fail-load', {}, -312, 'ERR_UNSAFE_PORT', 'http://www.nanling.gov.cn:6000/', true);
    expect(host.state().error?.message).toBe('无法打开页面：该端口被浏览器列为不安全端口，浏览器拒绝访问（ERR_UNSAFE_PORT）');
  });

  it('refuses a bad certificate, keeps it apart from network faults, and never trusts it', async () => {
    const { host, wc, shown } = await openSite('https://www.nanling.gov.cn/');
    const trusted: boolean[] = [];
    const prevented = emitPreventable(
      wc,
      'certificate-error',
      'https://www.nanling.gov.cn/',
      'net::ERR_CERT_AUTHORITY_INVALID',
      {},
      (ok: boolean) => trusted.push(ok),
      true,
    );
    expect(prevented).toBe(true);
    expect(trusted).toEqual([false]);
    // The load then fails with the same code: the certificate fault stays what the reviewer sees.
    wc.emit('did-fail-load', {}, -202, 'ERR_CERT_AUTHORITY_INVALID', 'https://www.nanling.gov.cn/', true);
    expect(host.state().error).toEqual({
      kind: 'certificate',
      message: '网站证书有问题：证书不是由受信任的机构签发（可能是自签名证书）（ERR_CERT_AUTHORITY_INVALID），已拒绝打开',
      url: 'https://www.nanling.gov.cn/',
    });
    expect(shown()).toBe(false);
  });

  it('ignores aborted loads and failures of frames inside the page', async () => {
    const { host, wc, shown } = await openSite();
    wc.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'http://www.nanling.gov.cn/', true);
    wc.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'http://ads.example/frame.html', false);
    expect(host.state().error).toBeNull();
    expect(shown()).toBe(true);
  });

  it('shows the view again only once a page has loaded in place of the error', async () => {
    const { host, wc, shown, visits } = await openSite();
    wc.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', 'http://www.nanling.gov.cn/', true);
    expect(host.state().error?.message).toBe('无法打开页面：服务器拒绝连接（ERR_CONNECTION_REFUSED）');
    // 重试: the error is cleared as the new load starts, but Chromium's page is still in the view.
    await host.go('reload');
    wc.emit('did-start-navigation', {}, 'http://www.nanling.gov.cn/', false, true);
    expect(host.state().error).toBeNull();
    expect(shown()).toBe(false);
    wc.emit('did-navigate', {}, 'http://www.nanling.gov.cn/', 200, 'OK');
    expect(shown()).toBe(true);
    wc.url = 'http://www.nanling.gov.cn/';
    wc.emit('did-finish-load');
    expect(visits).toEqual(['http://www.nanling.gov.cn/']);
  });

  it('shows the site’s own page for an HTTP error, with the status in Chinese', async () => {
    const { host, wc, shown } = await openSite();
    wc.emit('did-start-navigation', {}, 'http://www.nanling.gov.cn/old/', false, true);
    wc.emit('did-navigate', {}, 'http://www.nanling.gov.cn/old/', 404, 'Not Found');
    expect(host.state().error).toEqual({ kind: 'http', message: '网站返回 HTTP 404（页面不存在）', url: 'http://www.nanling.gov.cn/old/' });
    expect(shown()).toBe(true);
  });

  it('puts our page over a crashed page', async () => {
    const { host, wc, shown } = await openSite();
    wc.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(host.state().error?.message).toBe('页面已崩溃，请刷新后重试');
    expect(shown()).toBe(false);
  });
});
