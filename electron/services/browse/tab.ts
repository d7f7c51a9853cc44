/**
 * One target's page in the headless host: its state as the reviewer sees it
 * (kept current from navigation events, so reading it never waits), bounded
 * navigation whose failures land in `error`, popups folded back into the
 * same page, and dialogs dismissed so a site's alert() cannot hang it.
 */
import { EventEmitter } from 'node:events';
import { TimeoutError, type BrowserContext, type CDPSession, type HTTPRequest, type Page, type WaitForOptions } from 'puppeteer-core';
import { delay } from './deadline';
import type { Device } from './emulation';
import { denyOrigin } from './lockdown';
import { httpError, netError, timeoutError, type NavError } from './nav-errors';
import { SessionHistory } from './session-history';
import { untrustedUrl } from './untrusted';
import { PROXY_ERROR_HEADER, type GuardProxy } from './guard-proxy';
import { answerProxyChallenges } from './proxy-auth';

export interface TabDeps {
  context: BrowserContext;
  navTimeoutMs: number;
  /** A main-frame document finished loading (not an error page). */
  onVisit: (url: string, title: string) => void;
  /**
   * The guard proxy all of Chromium's traffic goes through (guard-proxy.ts):
   * its credential is given to each page, and its reasons explain failures.
   */
  proxy?: Pick<GuardProxy, 'credentials' | 'failureFor'>;
}

/** How long a click may take to turn into a navigation, and how long we then wait for it before answering. */
const START_WINDOW_MS = 400;
const SETTLE_MS = 10_000;
const IDLE_AFTER_LOAD_MS = 1_000;

export class Tab {
  url = '';
  title = '';
  loading = false;
  canGoBack = false;
  canGoForward = false;
  error: NavError | null = null;
  /** The preset and zoom last applied to this page. */
  device: Device | null = null;
  lastUsed = Date.now();
  /** A main document (not a redirect) answered for the navigation in flight. */
  private answered = false;
  private readonly history = new SessionHistory();
  private readonly signals = new EventEmitter();
  private readonly origins = new Set<string>();

  private constructor(
    readonly page: Page,
    readonly cdp: CDPSession,
    private readonly mainFrameId: string,
    private readonly deps: TabDeps,
  ) {}

  static async create(deps: TabDeps): Promise<Tab> {
    const page = await deps.context.newPage();
    page.setDefaultNavigationTimeout(deps.navTimeoutMs);
    page.setDefaultTimeout(deps.navTimeoutMs);
    // A session of our own for the Page domain: loading events, history, layout metrics, MHTML.
    const cdp = await page.createCDPSession();
    // The proxy asks every request for its per-launch credential; this session answers for the page.
    if (deps.proxy) await answerProxyChallenges(cdp, deps.proxy.credentials);
    await cdp.send('Page.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const tab = new Tab(page, cdp, frameTree.frame.id, deps);
    tab.listen();
    return tab;
  }

  private isMain(req: HTTPRequest): boolean {
    return req.isNavigationRequest() && req.frame() === this.page.mainFrame();
  }

  private listen(): void {
    const { page, cdp } = this;
    cdp.on('Page.frameStartedLoading', (e) => {
      if (e.frameId !== this.mainFrameId) return;
      this.loading = true;
      this.signals.emit('started');
    });
    cdp.on('Page.frameStoppedLoading', (e) => {
      if (e.frameId !== this.mainFrameId) return;
      this.loading = false;
      this.signals.emit('idle');
      void this.sync();
    });
    page.on('request', (req) => {
      if (!this.isMain(req) || req.redirectChain().length > 0) return;
      this.error = null;
      this.answered = false;
      this.url = untrustedUrl(req.url()) ?? this.url;
    });
    page.on('response', (res) => {
      const status = res.status();
      if (!this.isMain(res.request()) || (status >= 300 && status < 400)) return;
      this.answered = true;
      const url = untrustedUrl(res.url()) ?? this.url;
      // The guard proxy's own answer (the header never passes through from a site): a blocked or unreachable address.
      const proxyCode = this.deps.proxy ? res.headers()[PROXY_ERROR_HEADER] : undefined;
      if (proxyCode) this.error = netError(`net::${proxyCode}`, url);
      else if (status >= 400) this.error = httpError(status, url);
    });
    page.on('requestfailed', (req) => {
      if (!this.isMain(req)) return;
      const url = untrustedUrl(req.url()) ?? this.url;
      let errorText = req.failure()?.errorText ?? '';
      // A refused tunnel (https) says nothing more; the proxy knows why.
      const why = errorText.includes('ERR_TUNNEL_CONNECTION_FAILED') ? this.deps.proxy?.failureFor(req.url()) : undefined;
      if (why) errorText = `net::${why}`;
      const error = netError(errorText, url);
      if (error) this.error = error;
    });
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = untrustedUrl(frame.url());
      if (!url) return; // an error page: the address stays the one that failed
      this.url = url;
      const origin = new URL(url).origin;
      if (!this.origins.has(origin)) {
        this.origins.add(origin);
        void denyOrigin(this.deps.context, url);
      }
    });
    page.on('load', () => void this.visited());
    page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => undefined));
    page.on('popup', (popup) => void this.adopt(popup));
    page.on('error', () => {
      this.error = { kind: 'network', message: '页面已崩溃，请刷新后重试', url: this.url };
      this.loading = false;
      this.signals.emit('idle');
    });
  }

  private async visited(): Promise<void> {
    await this.sync();
    const onErrorPage = untrustedUrl(this.page.url()) === null;
    if (!onErrorPage && this.url && (!this.error || this.error.kind === 'http')) this.deps.onVisit(this.url, this.title);
  }

  /**
   * Re-reads the session history (the browser process's record: URLs, titles,
   * back/forward). Right after a navigation commits the page may briefly
   * refuse the call, so it is retried a few times.
   */
  async sync(): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const { currentIndex, entries } = await this.cdp.send('Page.getNavigationHistory');
        this.history.update(currentIndex, entries);
        this.canGoBack = this.history.step(-1) !== null;
        this.canGoForward = this.history.step(1) !== null;
        // The committed entry, as Chrome's address bar shows it once a load settles or is stopped.
        if (this.history.current) ({ url: this.url, title: this.title } = this.history.current);
        return;
      } catch {
        await delay(100);
      }
    }
  }

  /** Loads a URL; never throws, failures land in `error`. */
  async navigate(url: string): Promise<void> {
    await this.run(url, (options) => this.page.goto(url, options));
  }

  async go(action: 'back' | 'forward' | 'reload' | 'stop'): Promise<void> {
    if (action === 'stop') {
      await this.cdp.send('Page.stopLoading').catch(() => undefined);
      return this.sync();
    }
    if (action === 'reload') {
      if (this.url) await this.run(this.url, (options) => this.page.reload(options));
      return;
    }
    await this.sync();
    const entry = this.history.step(action === 'back' ? -1 : 1);
    if (!entry) return;
    await this.run(entry.url, (options) =>
      Promise.all([this.page.waitForNavigation(options), this.cdp.send('Page.navigateToHistoryEntry', { entryId: entry.id })]),
    );
  }

  private async run(url: string, navigation: (options: WaitForOptions) => Promise<unknown>): Promise<void> {
    const ms = this.deps.navTimeoutMs;
    try {
      await navigation({ waitUntil: 'load', timeout: ms });
    } catch (error) {
      if (error instanceof TimeoutError) {
        // A document that arrived but whose images or scripts never finished is
        // still the page the reviewer should see; nothing at all is a fault.
        await this.cdp.send('Page.stopLoading').catch(() => undefined);
        if (!this.answered) this.error = timeoutError(url, ms);
      } else {
        this.error ??= netError(error instanceof Error ? error.message : '', url);
      }
    }
    // Chromium reports the end of loading just after the load event; answer with it settled.
    if (this.loading) await this.waitFor('idle', IDLE_AFTER_LOAD_MS);
    await this.sync();
  }

  /**
   * After a click or key: if the page starts a navigation at once, wait (a
   * bounded while) for it, so the answer shows the new page.
   */
  async settle(): Promise<void> {
    if (this.loading || (await this.waitFor('started', START_WINDOW_MS))) {
      if (this.loading) await this.waitFor('idle', SETTLE_MS);
    }
    await this.sync();
  }

  private waitFor(signal: 'started' | 'idle', ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.signals.off(signal, done);
        resolve(false);
      }, ms);
      this.signals.once(signal, done);
    });
  }

  /**
   * window.open and target=_blank: the new window is closed and its address
   * opened here, as in the desktop view. Its URL may only be known once it
   * starts loading.
   */
  private async adopt(popup: Page | null): Promise<void> {
    if (!popup) return;
    let url = untrustedUrl(popup.url());
    if (!url) {
      const target = popup.target();
      const loaded = await this.page
        .browser()
        .waitForTarget((t) => t === target && untrustedUrl(t.url()) !== null, { timeout: 5_000 })
        .catch(() => null);
      url = loaded ? untrustedUrl(loaded.url()) : null;
    }
    await popup.close().catch(() => undefined);
    if (url) await this.navigate(url);
  }

  async close(): Promise<void> {
    this.signals.removeAllListeners();
    await this.page.close().catch(() => undefined);
  }
}
