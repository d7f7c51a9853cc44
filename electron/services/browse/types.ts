/**
 * The embedded browser the reviewer works in, as the handlers see it. Two hosts
 * implement it: Electron's WebContentsView (electron/main, the desktop app) and
 * puppeteer-core on a system Chromium (browser mode, the CLI, tests). The site
 * under review lives only inside that browser: what crosses to Node and the
 * app's renderer is screenshots, URLs and titles, never the page itself.
 */
import type { BrowserStateView, DevicePreset, InputEventView, RectView } from '../../../shared/api/browser';

export type BrowserState = BrowserStateView;
export type Rect = RectView;
export type InputEvent = InputEventView;

/** A screenshot as taken, before the caption strip is burned in. */
export interface RawCapture {
  png: Buffer;
  url: string;
  title: string;
  /** CSS pixels of the viewport, e.g. "1366x768". */
  viewport: string;
  capturedAt: Date;
  /** A full-page picture stopped at FULLPAGE_MAX_HEIGHT: the caption says so. */
  truncated?: boolean;
}

export interface RawSnapshot {
  mhtml: Buffer;
  url: string;
  title: string;
  capturedAt: Date;
}

/** Called after each completed top-level navigation (the visit history of a target). */
export type OnVisit = (targetId: number, url: string, title: string) => void;

export interface BrowserHost {
  /**
   * Shows the session of one target, opening `startUrl` when the target has no
   * page yet (an already open target keeps where the reviewer was).
   */
  open(targetId: number, startUrl: string): Promise<BrowserState>;
  /** Loads a URL typed in the address bar (http/https only). */
  navigate(url: string): Promise<BrowserState>;
  go(action: 'back' | 'forward' | 'reload' | 'stop'): Promise<BrowserState>;
  /** Viewport preset (desktop 1920, laptop 1366, mobile 390) and zoom (0.25–3). */
  setDevice(preset: DevicePreset, zoom: number): Promise<BrowserState>;
  state(): BrowserState;
  /** Visible area, whole page (height capped), or a region of the visible area in CSS pixels. */
  capture(mode: 'visible' | 'fullpage' | 'region', region?: Rect): Promise<RawCapture>;
  /** An MHTML snapshot of the current page. */
  snapshot(): Promise<RawSnapshot>;
  /**
   * Browser mode draws the page as an image: the visible area as JPEG. Null
   * where the page is shown live (the desktop app's view).
   */
  frame(): Promise<{ jpeg: Buffer; width: number; height: number } | null>;
  /** Browser mode: the reviewer's clicks, scrolls and keys on the drawn page. */
  input(event: InputEvent): Promise<BrowserState>;
  /**
   * Desktop: where the view sits in the window (CSS pixels of the app page); hidden when null.
   * `fit`: the page scaled down to the pane's width (适应宽度) instead of 100 % with scrolling.
   */
  setBounds(rect: Rect | null, fit?: boolean): void;
  close(): Promise<void>;
}
