import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createViewHost, REVIEW_PARTITION } from '../../electron/main/review-view';
import { launchChromium } from '../../electron/services/browse/chromium-launch';
import { FULLPAGE_MAX_HEIGHT } from '../../electron/services/browse/policy';
import { decodePng } from '../unit/evidence/pixels';
import { FakeWebContents, FakeWindow, type WebContentsView } from './mock-electron';

vi.mock('electron', () => import('./mock-electron'));

// The desktop host's capture glue over a real page: the view's debugger (the
// electron mock) forwards each DevTools command to a headless Chromium page,
// so the same page-shots pipeline runs as in the app, with its caps and errors.
let browser: Browser;
let page: Page;
let cdp: CDPSession;
const profile = mkdtempSync(path.join(os.tmpdir(), 'kaoping-profile-'));

beforeAll(async () => {
  browser = await launchChromium({ userDataDir: profile });
  page = await browser.newPage();
  await page.setViewport({ width: 1366, height: 768 });
  cdp = await page.createCDPSession();
});

afterAll(async () => {
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

async function openHost(height: number) {
  await page.setContent(`<body style="margin:0;height:${height}px;background:linear-gradient(#fff,#00f)"><h1>南岭县人民政府</h1></body>`);
  const window = new FakeWindow();
  const host = createViewHost(window as never, new FakeWebContents() as never, () => undefined);
  await host.open(7, 'http://127.0.0.1:9/');
  const view = window.children[0] as WebContentsView;
  const dbg = view.webContents.debugger;
  dbg.backend = (method, params) => (cdp.send as (m: string, p?: object) => Promise<unknown>)(method, params);
  return { host, view, dbg };
}

describe('the desktop view’s captures', () => {
  it('opens each site in a sandboxed view of the review partition with JS dialogs off', async () => {
    const { view } = await openHost(100);
    expect(view.webContents.webPreferences).toMatchObject({
      partition: REVIEW_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      disableDialogs: true,
    });
    expect(view.webContents.loadURL).toHaveBeenCalledWith('http://127.0.0.1:9/');
  });

  it('records the phone preset’s viewport at the zoom, as the headless host does', async () => {
    const { host } = await openHost(100);
    await host.setDevice('mobile', 2);
    expect((await host.capture('visible')).viewport).toBe('195x422');
  });

  it('takes a full page through the debugger, records the emulated viewport, and detaches', async () => {
    const { host, dbg } = await openHost(3000);
    const shot = await host.capture('fullpage');
    expect(shot.viewport).toBe('1366x768');
    expect(shot.truncated).toBe(false);
    const png = await decodePng(shot.png);
    expect([png.width, png.height]).toEqual([1366, 3000]);
    expect(dbg.isAttached()).toBe(false);
    expect(dbg.attaches).toBe(1);
  });

  it('cuts a page taller than the cap and says so', async () => {
    const { host, dbg } = await openHost(FULLPAGE_MAX_HEIGHT + 4000);
    const shot = await host.capture('fullpage');
    expect(shot.truncated).toBe(true);
    expect((await decodePng(shot.png)).height).toBe(FULLPAGE_MAX_HEIGHT);
    expect(dbg.isAttached()).toBe(false);
  });

  it('takes the visible area, a region and an MHTML snapshot the same way', async () => {
    const { host, dbg } = await openHost(2000);
    expect((await decodePng((await host.capture('visible')).png)).width).toBe(1366);
    const region = await decodePng((await host.capture('region', { x: 10, y: 20, width: 300, height: 100 })).png);
    expect([region.width, region.height]).toEqual([300, 100]);
    await expect(host.capture('region', { x: 5000, y: 10, width: 50, height: 50 })).rejects.toThrow('所选区域不在页面可见范围内');
    const snap = await host.snapshot();
    expect(snap.mhtml.toString('utf8')).toContain('MIME-Version');
    expect(await host.frame()).toMatchObject({ width: 1366, height: 768 });
    expect(dbg.isAttached()).toBe(false);
  });

  it('reports a failed capture in Chinese and still detaches', async () => {
    const { host, dbg } = await openHost(100);
    dbg.backend = async () => {
      throw new Error('Target closed');
    };
    await expect(host.capture('fullpage')).rejects.toMatchObject({
      name: 'KaopingError',
      message: expect.stringMatching(/^截图或快照未完成/u),
    });
    expect(dbg.isAttached()).toBe(false);
    dbg.backend = async () => ({});
    await expect(host.snapshot()).rejects.toThrow('浏览器没有返回网页快照');
    expect(dbg.isAttached()).toBe(false);
  });

  it('shows a fixed-width site at 100 % in a narrow pane: unshrunk, scrolling both ways, recorded as it is seen', async () => {
    // The view's emulation goes to a page of its own through DevTools, as Electron applies it.
    const own = await browser.newPage();
    const ownCdp = await own.createCDPSession();
    try {
      await own.setContent(
        '<body style="margin:0"><div style="width:1200px;height:3000px;font-size:20px">南岭县人民政府门户网站</div></body>',
      );
      const appWindow = new FakeWindow();
      const host = createViewHost(appWindow as never, new FakeWebContents() as never, () => undefined);
      await host.open(8, 'http://127.0.0.1:9/');
      const wc = (appWindow.children[0] as WebContentsView).webContents;
      wc.debugger.backend = (method, params) => (ownCdp.send as (m: string, p?: object) => Promise<unknown>)(method, params);
      let applied: Promise<unknown> = Promise.resolve();
      wc.enableDeviceEmulation.mockImplementation(
        (p: { viewSize: { width: number; height: number }; scale: number; screenSize: { width: number; height: number } }) => {
          applied = ownCdp.send('Emulation.setDeviceMetricsOverride', {
            width: p.viewSize.width,
            height: p.viewSize.height,
            deviceScaleFactor: 1,
            mobile: false,
            scale: p.scale,
            screenWidth: p.screenSize.width,
            screenHeight: p.screenSize.height,
          });
        },
      );
      host.setBounds({ x: 300, y: 120, width: 930, height: 600 });
      await applied;
      const seen = await own.evaluate(() => {
        window.scrollTo(200, 500);
        return { width: innerWidth, height: innerHeight, scale: visualViewport!.scale, scrollX, scrollY, screen: screen.width };
      });
      expect(seen).toEqual({ width: 930, height: 600, scale: 1, scrollX: 200, scrollY: 500, screen: 1366 });
      const shot = await host.capture('visible');
      expect(shot.viewport).toBe('930x600');
      expect([(await decodePng(shot.png)).width, (await decodePng(shot.png)).height]).toEqual([930, 600]);
    } finally {
      await own.close();
    }
  });

  it('refuses non-web addresses and captures before any page is open, in Chinese', async () => {
    const host = createViewHost(new FakeWindow() as never, new FakeWebContents() as never, () => undefined);
    await expect(host.capture('visible')).rejects.toThrow('还没有打开网页');
    await expect(host.open(1, 'file:///etc/passwd')).rejects.toThrow('只能打开 http 或 https 网址');
    await expect(host.setDevice('tv' as never, 1)).rejects.toThrow('未知的设备类型：tv');
  });
});
