import { session, WebContentsView, type BaseWindow, type Session, type WebContents } from 'electron';
import { DEVICE_PRESETS, type BrowserStateView, type DevicePreset, type RectView } from '../../shared/api/browser';
import type { BrowserHost, OnVisit, RawCapture } from '../services/browse/types';
import { isWebUrl, MOBILE_USER_AGENT, FULLPAGE_MAX_HEIGHT } from '../services/browse/policy';
import { untrustedText, untrustedUrl } from '../services/browse/untrusted';
import { denyAllPermissions } from './harden';

/** The page's address and title as the app may show them: site-controlled, so cleaned and bounded. */
const urlOf = (wc: WebContents) => untrustedUrl(wc.getURL()) ?? '';
const titleOf = (wc: WebContents) => untrustedText(wc.getTitle());

/** The partition the sites under review live in: persistent, never the app's own session. */
export const REVIEW_PARTITION = 'persist:kaoping-review';
const MAX_OPEN = 4;
const SHORTCUT_KEYS = new Set(['s', 'f', 'r', 'm', 'j', 'k', 'n', 'p', 'y', 'x', 'd']);

interface Tab {
  session: number;
  view: WebContentsView;
  error: BrowserStateView['error'];
  lastUsed: number;
}

/** Rules for the review session: nothing is granted, nothing is downloaded unasked. */
export function hardenReviewSession(s: Session): void {
  denyAllPermissions(s);
  s.on('will-download', (event) => event.preventDefault());
}

/**
 * Rules for a site's webContents: popups open in the same view, <webview> never
 * attaches, and the app's own shortcuts pressed while the site has focus reach
 * the app's page instead of the site.
 */
function hardenSiteContents(contents: WebContents, appContents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebUrl(url)) void contents.loadURL(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('before-input-event', (event, input) => {
    if (input.type === 'keyDown' && input.alt && !input.control && SHORTCUT_KEYS.has(input.key.toLowerCase())) {
      event.preventDefault();
      appContents.focus();
      appContents.sendInputEvent({ type: 'keyDown', keyCode: input.key, modifiers: ['alt'] });
    }
  });
}

/**
 * The desktop app's embedded browser: one sandboxed WebContentsView per open
 * target (no preload, no Node) in the persistent review partition, laid over the
 * centre pane of the app window. Only screenshots, URLs and titles leave it.
 */
export function createViewHost(window: BaseWindow, appContents: WebContents, onVisit: OnVisit): BrowserHost {
  const reviewSession = session.fromPartition(REVIEW_PARTITION);
  const tabs = new Map<number, Tab>();
  let current: Tab | undefined;
  let bounds: RectView | null = null;
  let preset: DevicePreset = 'laptop';
  let zoom = 1;

  const state = (): BrowserStateView => {
    const wc = current?.view.webContents;
    return {
      targetId: current?.session ?? null,
      url: wc ? urlOf(wc) : '',
      title: wc ? titleOf(wc) : '',
      loading: wc?.isLoading() ?? false,
      canGoBack: wc?.navigationHistory.canGoBack() ?? false,
      canGoForward: wc?.navigationHistory.canGoForward() ?? false,
      preset,
      zoom,
      error: current?.error ?? null,
    };
  };

  /** Fits the preset's viewport into the pane: a 1920 px page is shown scaled down, not cut. */
  const emulate = (tab: Tab) => {
    const wc = tab.view.webContents;
    const p = DEVICE_PRESETS[preset];
    const width = bounds?.width ?? p.width;
    wc.enableDeviceEmulation({ screenPosition: p.mobile ? 'mobile' : 'desktop', screenSize: { width: p.width, height: p.height }, viewPosition: { x: 0, y: 0 }, deviceScaleFactor: 0, viewSize: { width: p.width, height: Math.round(((bounds?.height ?? p.height) * p.width) / width) }, scale: Math.min(1, width / p.width) });
    wc.setUserAgent(p.mobile ? MOBILE_USER_AGENT : reviewSession.getUserAgent());
    wc.setZoomFactor(zoom);
  };

  const place = () => {
    for (const tab of tabs.values()) {
      const visible = tab === current && bounds !== null;
      tab.view.setVisible(visible);
      if (visible) tab.view.setBounds(bounds!);
    }
  };

  const newTab = (sessionNo: number): Tab => {
    const view = new WebContentsView({ webPreferences: { partition: REVIEW_PARTITION, sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, spellcheck: false } });
    const tab: Tab = { session: sessionNo, view, error: null, lastUsed: Date.now() };
    const wc = view.webContents;
    hardenSiteContents(wc, appContents);
    wc.on('certificate-error', (event, url, error, _cert, callback, isMainFrame) => {
      event.preventDefault();
      callback(false); // shown to the reviewer, never accepted silently
      if (isMainFrame) tab.error = { kind: 'certificate', message: error, url };
    });
    wc.on('did-start-navigation', (_e, _url, _inPlace, isMainFrame) => {
      if (isMainFrame) tab.error = null;
    });
    wc.on('did-fail-load', (_e, code, description, url, isMainFrame) => {
      if (isMainFrame && code !== -3 && !tab.error) tab.error = { kind: 'network', message: `无法打开页面：${description}`, url };
    });
    wc.on('did-navigate', (_e, url, status) => {
      if (status >= 400) tab.error = { kind: 'http', message: `网站返回 HTTP ${status}`, url };
    });
    wc.on('did-finish-load', () => urlOf(wc) && onVisit(sessionNo, urlOf(wc), titleOf(wc)));
    window.contentView.addChildView(view);
    tabs.set(sessionNo, tab);
    // Too many live pages cost memory: the least recently used one goes.
    if (tabs.size > MAX_OPEN) {
      const oldest = [...tabs.values()].filter((t) => t !== tab).sort((a, b) => a.lastUsed - b.lastUsed)[0]!;
      window.contentView.removeChildView(oldest.view);
      oldest.view.webContents.close();
      tabs.delete(oldest.session);
    }
    return tab;
  };

  const load = async (url: string) => {
    if (!current) return state();
    if (!isWebUrl(url)) throw new Error('只能打开 http 或 https 网址');
    await current.view.webContents.loadURL(url).catch(() => undefined); // failures land in tab.error
    return state();
  };

  const pageImage = async (rect?: RectView) => {
    if (!current) throw new Error('还没有打开网页');
    return current.view.webContents.capturePage(rect);
  };

  const capture = async (mode: 'visible' | 'fullpage' | 'region', region?: RectView): Promise<RawCapture> => {
    const wc = current!.view.webContents;
    const meta = { url: urlOf(wc), title: titleOf(wc), capturedAt: new Date() };
    if (mode !== 'fullpage') {
      const image = await pageImage(mode === 'region' ? region : undefined);
      const size = image.getSize();
      return { ...meta, png: image.toPNG(), viewport: `${bounds?.width ?? size.width}x${bounds?.height ?? size.height}` };
    }
    const dbg = wc.debugger;
    dbg.attach('1.3');
    try {
      const metrics = (await withTimeout(dbg.sendCommand('Page.getLayoutMetrics'), 10_000)) as { cssContentSize: { width: number; height: number } };
      const height = Math.min(Math.ceil(metrics.cssContentSize.height), FULLPAGE_MAX_HEIGHT);
      const truncated = Math.ceil(metrics.cssContentSize.height) > FULLPAGE_MAX_HEIGHT;
      const width = Math.ceil(metrics.cssContentSize.width);
      const shot = (await withTimeout(dbg.sendCommand('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width, height, scale: 1 } }), 30_000)) as { data: string };
      return { ...meta, png: Buffer.from(shot.data, 'base64'), viewport: `${width}x${height}`, truncated };
    } finally {
      dbg.detach();
    }
  };

  return {
    async open(sessionNo, startUrl) {
      let tab = tabs.get(sessionNo);
      const fresh = !tab;
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
    async setDevice(p, z) {
      preset = p;
      zoom = z;
      if (current) {
        emulate(current);
        current.view.webContents.reload();
      }
      return state();
    },
    state,
    capture,
    async snapshot() {
      const wc = current!.view.webContents;
      const dbg = wc.debugger;
      dbg.attach('1.3');
      try {
        const { data } = (await withTimeout(dbg.sendCommand('Page.captureSnapshot', { format: 'mhtml' }), 30_000)) as { data: string };
        return { mhtml: Buffer.from(data, 'utf8'), url: urlOf(wc), title: titleOf(wc), capturedAt: new Date() };
      } finally {
        dbg.detach();
      }
    },
    async frame() {
      // The page is live in the window; a still is needed only for region selection.
      const image = await pageImage();
      const size = image.getSize();
      return { jpeg: image.toJPEG(70), width: size.width, height: size.height };
    },
    input: async () => state(),
    setBounds(rect) {
      bounds = rect;
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

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`截图超过 ${ms / 1000} 秒未完成`)), ms))]);
}
