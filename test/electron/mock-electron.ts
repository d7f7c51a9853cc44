/**
 * The one stand-in for the `electron` module in tests of electron/main (as
 * electron/fiddle tests its main process): each test file says
 * `vi.mock('electron', () => import('./mock-electron'))`. It records what the
 * glue registers (IPC handlers, protocol handlers, session and webContents
 * handlers) so tests can call them as Electron would, and it never needs the
 * Electron binary, which this machine cannot download.
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

type Handler = (...args: never[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler) {
    this.handlers.set(channel, handler);
  },
};

export const protocol = {
  privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
    this.privileged = schemes;
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
    this.handlers.set(scheme, handler);
  },
};

/** net.fetch for file: URLs, as the protocol handlers use it. */
export const net = {
  async fetch(url: string): Promise<Response> {
    try {
      return new Response(await readFile(fileURLToPath(url)), { status: 200 });
    } catch {
      return new Response(null, { status: 404 });
    }
  },
};

export const shell = { openExternal: vi.fn(async () => undefined) };

type BeforeRequest = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

export class FakeSession extends EventEmitter {
  permissionRequestHandler?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  permissionCheckHandler?: () => boolean;
  devicePermissionHandler?: () => boolean;
  setPermissionRequestHandler(h: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermissionHandler']) {
    this.devicePermissionHandler = h;
  }
  getUserAgent() {
    return 'Mozilla/5.0 Electron';
  }
  readonly setProxy = vi.fn(async (_config: Record<string, unknown>) => undefined);
  readonly webRequest: { beforeRequest?: BeforeRequest; onBeforeRequest(listener: BeforeRequest): void } = {
    onBeforeRequest(listener) {
      this.beforeRequest = listener;
    },
  };
}

const partitions = new Map<string, FakeSession>();
export const session = {
  defaultSession: new FakeSession(),
  fromPartition(name: string): FakeSession {
    if (!partitions.has(name)) partitions.set(name, new FakeSession());
    return partitions.get(name)!;
  },
};

/** webContents.debugger: commands go to `backend`, which a test points at a real page's CDP session. */
export class FakeDebugger {
  attached = false;
  attaches = 0;
  backend: (method: string, params?: Record<string, unknown>) => Promise<unknown> = async () => ({});
  attach() {
    if (this.attached) throw new Error('Debugger is already attached to the target');
    this.attached = true;
    this.attaches++;
  }
  detach() {
    this.attached = false;
  }
  isAttached() {
    return this.attached;
  }
  sendCommand(method: string, params?: Record<string, unknown>) {
    if (!this.attached) return Promise.reject(new Error('Debugger is not attached'));
    return this.backend(method, params);
  }
}

export class FakeWebContents extends EventEmitter {
  url = '';
  title = '';
  windowOpenHandler?: (details: { url: string }) => { action: 'allow' | 'deny' };
  readonly debugger = new FakeDebugger();
  readonly loadURL = vi.fn(async (url: string) => {
    this.url = url;
  });
  readonly sendInputEvent = vi.fn();
  readonly focus = vi.fn();
  readonly close = vi.fn();
  readonly reload = vi.fn();
  readonly stop = vi.fn();
  readonly enableDeviceEmulation = vi.fn();
  readonly setUserAgent = vi.fn();
  readonly setZoomFactor = vi.fn();
  readonly navigationHistory = { canGoBack: () => false, canGoForward: () => false, goBack: vi.fn(), goForward: vi.fn() };
  constructor(readonly webPreferences: Record<string, unknown> = {}) {
    super();
  }
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']) {
    this.windowOpenHandler = handler;
  }
  getURL() {
    return this.url;
  }
  getTitle() {
    return this.title;
  }
  isLoading() {
    return false;
  }
}

/** Emits an Electron-style event whose preventDefault is recorded. */
export function emitPreventable(target: EventEmitter, name: string, ...args: unknown[]): boolean {
  let prevented = false;
  target.emit(name, { preventDefault: () => (prevented = true) }, ...args);
  return prevented;
}

export class WebContentsView {
  readonly webContents: FakeWebContents;
  readonly setVisible = vi.fn();
  readonly setBounds = vi.fn();
  constructor(options: { webPreferences?: Record<string, unknown> } = {}) {
    this.webContents = new FakeWebContents(options.webPreferences);
  }
}

export class FakeWindow {
  readonly children: WebContentsView[] = [];
  readonly contentView = {
    addChildView: (view: WebContentsView) => this.children.push(view),
    removeChildView: (view: WebContentsView) => this.children.splice(this.children.indexOf(view), 1),
  };
}

/** `app`: an emitter, so tests can send it events such as `login` as Electron would. */
export const app = Object.assign(new EventEmitter(), { isPackaged: false, getVersion: () => '0.0.0-test', quit: vi.fn() });
export const dialog = { showErrorBox: vi.fn() };
export const Menu = { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) };
export class BrowserWindow {}
