import { session, WebContentsView, type BaseWindow, type Session, type WebContents } from 'electron';
import { DEVICE_PRESETS, type BrowserStateView, type RectView } from '../../shared/api/browser';
import { KaopingError } from '../../shared/errors';
import { clampZoom, fitPresetToPane, presetAtFullSize, type Device } from '../services/browse/emulation';
import { httpError, netError, type NavError } from '../services/browse/nav-errors';
import { captureFullPage, captureMhtml, captureRegion, captureVisible } from '../services/browse/page-shots';
import { isWebUrl, MOBILE_USER_AGENT } from '../services/browse/policy';
import type { BrowserHost, OnVisit, RawCapture } from '../services/browse/types';
import { untrustedText, untrustedUrl } from '../services/browse/untrusted';
import { withDebugger } from './debugger-cdp';
import { denyAllPermissions } from './harden';
import type { ReviewNetwork } from './review-network';
import { hardenSiteContents } from './site-contents';

/** The page's address and title as the app may show them: site-controlled, so cleaned and bounded. */
const urlOf = (wc: WebContents) => untrustedUrl(wc.getURL()) ?? '';
const titleOf = (wc: WebContents) => untrustedText(wc.getTitle());

/** The partition the sites under review live in: persistent, never the app's own session. */
export const REVIEW_PARTITION = 'persist:kaoping-review';
const MAX_OPEN = 4;

interface Tab {
  session: number;
  view: WebContentsView;
  error: BrowserStateView['error'];
  /**
   * The main document failed (network, certificate, crashed page): the view
   * holds Chromium's own error page (English, with codes), so it stays hidden
   * and the app's Chinese page shows in its place until a page commits again.
   */
  failed: boolean;
  lastUsed: number;
}

/** Chromium's error code as Electron reports it ("ERR_NAME_NOT_RESOLVED" or "net::ERR_CERT_…"), in the reviewer's words. */
function chromiumError(code: string, url: string): NavError | null {
  return netError(`net::${code.replace(/^net::/u, '')}`, untrustedUrl(url) ?? untrustedText(url));
}

/** Rules for the review session: nothing is granted, nothing is downloaded unasked. */
export function hardenReviewSession(s: Session): void {
  denyAllPermissions(s);
  s.on('will-download', (event) => event.preventDefault());
}

/** A reviewed site's view: sandboxed, no preload, no Node, no JS dialogs, in the review partition. */
function newSiteView(): WebContentsView {
  return new WebContentsView({
    webPreferences: {
      partition: REVIEW_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      disableDialogs: true,
    },
  });
}

/**
 * The desktop app's embedded browser: one sandboxed WebContentsView per open
 * target in the persistent review partition, laid over the centre pane of the
 * app window. Pictures and snapshots go through the same capture pipeline as
 * the headless host (page-shots.ts over the view's debugger), so both have the
 * same caps, timeouts, viewport facts and Chinese errors. Only screenshots,
 * URLs and titles leave the view.
 */
export function createViewHost(window: BaseWindow, appContents: WebContents, onVisit: OnVisit, network?: ReviewNetwork): BrowserHost {
  const reviewSession = session.fromPartition(REVIEW_PARTITION);
  const tabs = new Map<number, Tab>();
  let current: Tab | undefined;
  let bounds: RectView | null = null;
  let device: Device = { preset: 'laptop', zoom: 1 };
  /** The reviewer's 适应宽度: the preset's width scaled down into the pane, instead of 100 % with scrolling. */
  let fitToPane = false;

  const state = (): BrowserStateView => {
    const wc = current?.view.webContents;
    return {
      targetId: current?.session ?? null,
      url: wc ? urlOf(wc) : '',
      title: wc ? titleOf(wc) : '',
      loading: wc?.isLoading() ?? false,
      canGoBack: wc?.navigationHistory.canGoBack() ?? false,
      canGoForward: wc?.navigationHistory.canGoForward() ?? false,
      preset: device.preset,
      zoom: device.zoom,
      error: current?.error ?? null,
    };
  };

  const fit = () => (fitToPane ? fitPresetToPane(device, bounds) : presetAtFullSize(device, bounds));

  /** Lays the preset out in the pane: at 100 % with scrolling, or scaled down to fit when asked. */
  const emulate = (tab: Tab) => {
    const wc = tab.view.webContents;
    const { screen, view, scale } = fit();
    const { mobile } = DEVICE_PRESETS[device.preset];
    wc.enableDeviceEmulation({
      screenPosition: mobile ? 'mobile' : 'desktop',
      screenSize: screen,
      viewPosition: { x: 0, y: 0 },
      deviceScaleFactor: 0,
      viewSize: view,
      scale,
    });
    wc.setUserAgent(mobile ? MOBILE_USER_AGENT : reviewSession.getUserAgent());
    wc.setZoomFactor(device.zoom);
  };

  const place = () => {
    for (const tab of tabs.values()) {
      const visible = tab === current && bounds !== null && !tab.failed;
      tab.view.setVisible(visible);
      if (visible && bounds) tab.view.setBounds(bounds);
    }
  };

  const newTab = (sessionNo: number): Tab => {
    const view = newSiteView();
    const tab: Tab = { session: sessionNo, view, error: null, failed: false, lastUsed: Date.now() };
    const wc = view.webContents;
    hardenSiteContents(wc, appContents);
    /** The main document did not arrive: the reviewer sees our page, never Chromium's. */
    const fail = (error: NavError) => {
      tab.error = error;
      tab.failed = true;
      place();
    };
    wc.on('certificate-error', (event, url, error, _cert, callback, isMainFrame) => {
      event.preventDefault();
      callback(false); // shown to the reviewer, never accepted silently
      if (!isMainFrame) return;
      const mapped = chromiumError(error, url);
      fail(
        mapped?.kind === 'certificate'
          ? mapped
          : { kind: 'certificate', message: '网站证书有问题：证书无效，已拒绝打开', url: untrustedUrl(url) ?? '' },
      );
    });
    wc.on('did-start-navigation', (_e, _url, inPlace, isMainFrame) => {
      if (isMainFrame && !inPlace) tab.error = null;
    });
    wc.on('did-fail-load', (_e, code, description, url, isMainFrame) => {
      // A refused tunnel (https through the guard proxy, -111) says nothing more; the proxy knows why.
      const why = code === -111 ? network?.proxy.failureFor(url) : undefined;
      // An aborted load (superseded, or stopped by the reviewer) is no fault of the site.
      const error = isMainFrame ? chromiumError(why ?? description, url) : null;
      if (error) fail(tab.error?.kind === 'certificate' ? tab.error : error);
    });
    wc.on('did-navigate', (_e, url, status) => {
      // A document committed (Chromium's error pages do not count): the view shows it again.
      tab.failed = false;
      // The guard proxy's own answer for a plain-http address it refused or could not reach: our error page, not a site's.
      const why = [403, 502, 504].includes(status) ? network?.proxy.failureFor(url) : undefined;
      const refused = why ? chromiumError(why, url) : null;
      if (refused) return fail(refused);
      if (status >= 400) tab.error = httpError(status, untrustedUrl(url) ?? urlOf(wc));
      place();
    });
    wc.on('render-process-gone', () => fail({ kind: 'network', message: '页面已崩溃，请刷新后重试', url: urlOf(wc) }));
    wc.on('did-finish-load', () => !tab.failed && urlOf(wc) && onVisit(sessionNo, urlOf(wc), titleOf(wc)));
    window.contentView.addChildView(view);
    tabs.set(sessionNo, tab);
    // Too many live pages cost memory: the least recently used one goes.
    if (tabs.size > MAX_OPEN) {
      const oldest = [...tabs.values()].filter((t) => t !== tab).sort((a, b) => a.lastUsed - b.lastUsed)[0];
      if (oldest) {
        window.contentView.removeChildView(oldest.view);
        oldest.view.webContents.close();
        tabs.delete(oldest.session);
      }
    }
    return tab;
  };

  const front = (): WebContents => {
    if (!current) throw new KaopingError('not-open', '还没有打开网页');
    return current.view.webContents;
  };

  const load = async (url: string) => {
    if (!isWebUrl(url)) throw new KaopingError('bad-url', '只能打开 http 或 https 网址');
    if (!current) return state();
    await current.view.webContents.loadURL(url).catch(() => undefined); // failures land in tab.error
    return state();
  };

  const capture = async (mode: 'visible' | 'fullpage' | 'region', region?: RectView): Promise<RawCapture> => {
    const wc = front();
    if (mode === 'region' && !region) throw new KaopingError('no-region', '区域截图需要先框选区域');
    const { css } = fit();
    const meta = { url: urlOf(wc), title: titleOf(wc), viewport: `${css.width}x${css.height}`, capturedAt: new Date() };
    return withDebugger(wc, async (cdp) => {
      if (mode === 'visible') return { ...meta, png: await captureVisible(cdp) };
      if (mode === 'fullpage') return { ...meta, ...(await captureFullPage(cdp, device.zoom)) };
      return { ...meta, png: await captureRegion(cdp, region!, css) };
    });
  };

  return {
    async open(sessionNo, startUrl) {
      let tab = tabs.get(sessionNo);
      const fresh = !tab;
      if (fresh && !isWebUrl(startUrl)) throw new KaopingError('bad-url', '只能打开 http 或 https 网址');
      // The target's own host may be on a private address (an intranet site): it is reachable, the rest of that range is not.
      if (isWebUrl(startUrl)) network?.guard.permit(startUrl);
      tab ??= newTab(sessionNo);
      tab.lastUsed = Date.now();
      current = tab;
      emulate(tab);
      place();
      return fresh ? load(startUrl) : state();
    },
    navigate: (url) => load(url),
    async go(action) {
      const wc = current?.view.webContents;
      if (wc) {
        if (action === 'back') wc.navigationHistory.goBack();
        else if (action === 'forward') wc.navigationHistory.goForward();
        else if (action === 'reload') wc.reload();
        else wc.stop();
      }
      return state();
    },
    async setDevice(preset, zoom) {
      if (!(preset in DEVICE_PRESETS)) throw new KaopingError('bad-device', `未知的设备类型：${String(preset)}`);
      device = { preset, zoom: clampZoom(zoom) };
      if (current) {
        emulate(current);
        current.view.webContents.reload();
      }
      return state();
    },
    state,
    capture,
    async snapshot() {
      const wc = front();
      const meta = { url: urlOf(wc), title: titleOf(wc), capturedAt: new Date() };
      return { ...meta, mhtml: await withDebugger(wc, captureMhtml) };
    },
    async frame() {
      // The page is live in the window; a still is needed only for region selection,
      // drawn in the viewport's CSS pixels like the headless host's.
      if (!current) return null;
      const jpeg = await withDebugger(front(), (cdp) => captureVisible(cdp, 'jpeg'));
      return { jpeg, ...fit().css };
    },
    input: async () => state(),
    setBounds(rect, fit = false) {
      bounds = rect;
      fitToPane = fit;
      if (current && rect) emulate(current);
      place();
    },
    async close() {
      for (const tab of tabs.values()) tab.view.webContents.close();
      tabs.clear();
      current = undefined;
    },
  };
}
