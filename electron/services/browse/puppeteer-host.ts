/**
 * The embedded browser on puppeteer-core and a system Chromium: browser mode
 * (`kaoping serve`), the CLI and tests. Same contract as the desktop app's
 * WebContentsView host. The site lives only in Chromium; what comes back is
 * screenshots, MHTML, and the URL and title strings.
 */
import type { Browser } from 'puppeteer-core';
import { DEVICE_PRESETS, type DevicePreset } from '../../../shared/api/browser';
import { KaopingError } from '../../../shared/errors';
import { launchChromium, sandboxNotice, type LaunchOptions } from './chromium-launch';
import { cdpOfSession } from './cdp';
import { startGuardProxy, type GuardProxy } from './guard-proxy';
import { createNetworkGuard, type NetworkGuardOptions } from './private-network';
import { applyDevice, clampZoom, cssViewport, desktopUserAgent, type Device } from './emulation';
import { denyDownloads, denyPermissions } from './lockdown';
import { captureFullPage, captureMhtml, captureRegion, captureVisible } from './page-shots';
import { dispatchInput } from './page-input';
import { isWebUrl } from './policy';
import { Tab } from './tab';
import type { BrowserHost, BrowserState, OnVisit, RawCapture } from './types';

export interface PuppeteerHostOptions {
  /**
   * Chromium's profile folder: cookies and logins survive restarts like the
   * desktop app's persistent partition, and it is never the app's own profile.
   */
  profileDir: string;
  onVisit: OnVisit;
  /**
   * Starts the browser (default: the system Chromium via launchChromium). It
   * must pass `args` on: they route every connection through the guard proxy.
   */
  launch?: (options: LaunchOptions & { args: readonly string[] }) => Promise<Browser>;
  /** The address policy's resolver and cache (tests put a resolver of their own here). */
  network?: NetworkGuardOptions;
  /** Navigation bound; default 30 s. */
  navigationTimeoutMs?: number;
  /** Live pages kept; the least recently used beyond this is closed. Default 4. */
  maxOpenPages?: number;
}

interface Running {
  browser: Browser;
  proxy: GuardProxy;
  userAgent: string;
}

const notUrl = () => new KaopingError('bad-url', '只能打开 http 或 https 网址');

/**
 * Creates the headless host. Chromium starts on first use; each target gets
 * its own page (at most `maxOpenPages` live), opened at `startUrl` the first
 * time and left where the reviewer was afterwards.
 */
export function createPuppeteerHost(options: PuppeteerHostOptions): BrowserHost {
  const navTimeoutMs = options.navigationTimeoutMs ?? 30_000;
  const maxOpen = Math.max(1, options.maxOpenPages ?? 4);
  const tabs = new Map<number, Promise<Tab>>();
  let current: { id: number; tab: Tab } | undefined;
  let device: Device = { preset: 'laptop', zoom: 1 };
  let running: Promise<Running> | undefined;
  let live: Browser | undefined;
  const guard = createNetworkGuard(options.network);
  const notice = sandboxNotice();

  const forget = () => {
    running = undefined;
    live = undefined;
    tabs.clear();
    current = undefined;
  };
  const launch = async (): Promise<Running> => {
    // Every connection of the browser goes through the guard proxy, started before it and closed after it.
    const proxy = await startGuardProxy({ guard });
    let browser: Browser;
    try {
      browser = await (options.launch ?? launchChromium)({ userDataDir: options.profileDir, args: proxy.chromiumArgs });
    } catch (error) {
      await proxy.close();
      throw error;
    }
    live = browser;
    // A crashed Chromium is started afresh on the next call.
    browser.once('disconnected', () => {
      void proxy.close();
      if (live === browser) forget();
    });
    try {
      await denyPermissions(browser.defaultBrowserContext());
      await denyDownloads(browser);
    } catch (error) {
      // Never browse a hostile site in a browser whose permissions are not locked.
      await browser.close().catch(() => undefined);
      throw error;
    }
    return { browser, proxy, userAgent: desktopUserAgent(await browser.userAgent()) };
  };
  const start = (): Promise<Running> => {
    running ??= launch().catch((error: unknown) => {
      running = undefined;
      throw error;
    });
    return running;
  };

  const state = (): BrowserState => {
    const tab = current?.tab;
    return {
      targetId: current?.id ?? null,
      url: tab?.url ?? '',
      title: tab?.title ?? '',
      loading: tab?.loading ?? false,
      canGoBack: tab?.canGoBack ?? false,
      canGoForward: tab?.canGoForward ?? false,
      preset: device.preset,
      zoom: device.zoom,
      error: tab?.error ? { ...tab.error } : null,
      notice,
    };
  };

  /** The page on screen: brought to the front, since Chromium starves hidden pages of frames. */
  const front = async (): Promise<Tab> => {
    if (!current) throw new KaopingError('not-open', '还没有打开网页');
    await current.tab.page.bringToFront();
    return current.tab;
  };

  const fitDevice = async (tab: Tab, userAgent: string) => {
    const want = tab.device;
    if (want && want.preset === device.preset && want.zoom === device.zoom) return;
    tab.device = { ...device };
    // Switching to or from the phone reloads the page; a failure there shows up in the tab's error.
    await applyDevice(tab.page, device, userAgent, cdpOfSession(tab.cdp)).catch(() => undefined);
  };

  const evict = async () => {
    const opened = await Promise.all([...tabs.entries()].map(async ([id, p]) => ({ id, tab: await p.catch(() => null) })));
    const others = opened.filter((l) => l.id !== current?.id).sort((a, b) => (a.tab?.lastUsed ?? 0) - (b.tab?.lastUsed ?? 0));
    for (const { id, tab } of others.slice(0, Math.max(0, tabs.size - maxOpen))) {
      tabs.delete(id);
      await tab?.close();
    }
  };

  const withCurrent = async (work: (tab: Tab) => Promise<void>): Promise<BrowserState> => {
    if (current) await work(current.tab);
    return state();
  };

  return {
    async open(targetId, startUrl) {
      if (!tabs.has(targetId) && !isWebUrl(startUrl)) throw notUrl();
      // The target's own host may be on a private address (an intranet site, a test fixture): it is reachable, the rest of that range is not.
      if (isWebUrl(startUrl)) guard.permit(startUrl);
      const { browser, proxy, userAgent } = await start();
      let pending = tabs.get(targetId);
      const fresh = !pending;
      if (!pending) {
        pending = Tab.create({
          context: browser.defaultBrowserContext(),
          navTimeoutMs,
          proxy,
          onVisit: (url, title) => options.onVisit(targetId, url, title),
        });
        tabs.set(targetId, pending);
        pending.catch(() => tabs.delete(targetId));
      }
      const tab = await pending;
      tab.lastUsed = Date.now();
      current = { id: targetId, tab };
      await evict();
      await tab.page.bringToFront();
      await fitDevice(tab, userAgent);
      if (fresh) await tab.navigate(startUrl);
      else await tab.sync();
      return state();
    },

    async navigate(url) {
      if (!isWebUrl(url)) throw notUrl();
      return withCurrent((tab) => tab.navigate(url));
    },

    go: (action) => withCurrent((tab) => tab.go(action)),

    async setDevice(preset: DevicePreset, zoom: number) {
      if (!Object.hasOwn(DEVICE_PRESETS, preset)) throw new KaopingError('bad-device', `未知的设备类型：${String(preset)}`);
      device = { preset, zoom: clampZoom(zoom) };
      if (!current) return state();
      const { userAgent } = await start();
      return withCurrent(async (tab) => {
        await fitDevice(tab, userAgent);
        await tab.sync();
      });
    },

    state,

    async capture(mode, region): Promise<RawCapture> {
      const tab = await front();
      await tab.sync();
      const viewport = cssViewport(device);
      const meta = { url: tab.url, title: tab.title, viewport: `${viewport.width}x${viewport.height}`, capturedAt: new Date() };
      const cdp = cdpOfSession(tab.cdp);
      if (mode === 'visible') return { ...meta, png: await captureVisible(cdp) };
      if (mode === 'fullpage') return { ...meta, ...(await captureFullPage(cdp, device.zoom)) };
      if (!region) throw new KaopingError('no-region', '区域截图需要先框选区域');
      return { ...meta, png: await captureRegion(cdp, region, viewport) };
    },

    async snapshot() {
      const tab = await front();
      await tab.sync();
      const meta = { url: tab.url, title: tab.title, capturedAt: new Date() };
      return { ...meta, mhtml: await captureMhtml(cdpOfSession(tab.cdp)) };
    },

    async frame() {
      if (!current) return null;
      const tab = await front();
      const jpeg = await captureVisible(cdpOfSession(tab.cdp), 'jpeg');
      // The UI asks for a frame after each state poll: a good moment to pick up titles set by scripts.
      await tab.sync();
      return { jpeg, ...cssViewport(device) };
    },

    async input(event) {
      const tab = await front();
      await dispatchInput(tab.page, tab.cdp, event, cssViewport(device));
      // Clicks and keys (Enter in a search box) may start a navigation worth waiting for; scrolling and typing do not.
      if (event.type === 'click' || event.type === 'key') await tab.settle();
      else await tab.sync();
      return state();
    },

    setBounds() {
      // The headless page is drawn by the app as a picture; it has no place in a window.
    },

    async close() {
      const was = running;
      forget();
      const r = await was?.catch(() => null);
      await r?.browser.close().catch(() => undefined);
      await r?.proxy.close();
    },
  };
}
