import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, hardenWebContents } from '../../electron/main/harden';
import { hardenReviewSession } from '../../electron/main/review-view';
import { hardenSiteContents } from '../../electron/main/site-contents';
import { APP_INDEX_URL } from '../../electron/services/security/app-url';
import { USER_ACTIVATION_MS } from '../../electron/services/browse/user-gesture';
import { emitPreventable, FakeSession, FakeWebContents, shell } from './mock-electron';

vi.mock('electron', () => import('./mock-electron'));

describe('the review session', () => {
  it('refuses every permission request and check, and every download', () => {
    const s = new FakeSession();
    hardenReviewSession(s as never);
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen']) {
      s.permissionRequestHandler!(null, permission, (g) => granted.push(g));
    }
    expect(granted).toEqual([false, false, false, false, false]);
    expect(s.permissionCheckHandler!()).toBe(false);
    expect(s.devicePermissionHandler!()).toBe(false);
    expect(emitPreventable(s, 'will-download', {}, {})).toBe(true);
  });
});

describe('a reviewed site’s webContents', () => {
  let site: FakeWebContents;
  let appPage: FakeWebContents;
  beforeEach(() => {
    vi.useFakeTimers();
    site = new FakeWebContents();
    appPage = new FakeWebContents();
    hardenSiteContents(site as never, appPage as never);
  });
  afterEach(() => vi.useRealTimers());

  it('refuses window.open without a user gesture: no new window, nothing loaded', () => {
    expect(site.windowOpenHandler!({ url: 'https://ads.example/popup' })).toEqual({ action: 'deny' });
    expect(site.loadURL).not.toHaveBeenCalled();
  });

  it('opens a popup in the same view right after the reviewer clicks, and not once the activation has expired', () => {
    site.emit('input-event', {}, { type: 'mouseDown' });
    expect(site.windowOpenHandler!({ url: 'https://www.gov.cn/zhengce/' })).toEqual({ action: 'deny' });
    expect(site.loadURL).toHaveBeenCalledWith('https://www.gov.cn/zhengce/');
    vi.advanceTimersByTime(USER_ACTIVATION_MS + 1);
    site.windowOpenHandler!({ url: 'https://ads.example/later' });
    expect(site.loadURL).toHaveBeenCalledTimes(1);
  });

  it('does not count mouse movement as a gesture', () => {
    site.emit('input-event', {}, { type: 'mouseMove' });
    site.windowOpenHandler!({ url: 'https://ads.example/hover' });
    expect(site.loadURL).not.toHaveBeenCalled();
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://kaoping/index.html',
    'kaoping-file://files/a/evidence/x.png',
    'data:text/html,x',
  ])('never loads %s, even after a click', (url) => {
    site.emit('input-event', {}, { type: 'keyDown' });
    expect(site.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    expect(site.loadURL).not.toHaveBeenCalled();
  });

  it('navigates and follows redirects to web pages only', () => {
    expect(emitPreventable(site, 'will-navigate', 'https://www.gov.cn/zhengce/')).toBe(false);
    expect(emitPreventable(site, 'will-redirect', 'http://www.nanling.gov.cn/')).toBe(false);
    for (const url of [
      'file:///etc/passwd',
      'app://kaoping/index.html',
      'kaoping-file://files/a/evidence/x.png',
      'javascript:alert(1)',
      'chrome://settings',
    ]) {
      expect(emitPreventable(site, 'will-navigate', url)).toBe(true);
      expect(emitPreventable(site, 'will-redirect', url)).toBe(true);
    }
  });

  it('never attaches a <webview> and never lets beforeunload keep the reviewer on a page', () => {
    expect(emitPreventable(site, 'will-attach-webview', {}, {})).toBe(true);
    expect(emitPreventable(site, 'will-prevent-unload')).toBe(true);
  });

  it('hands the app’s Alt shortcuts to the app page instead of the site', () => {
    expect(emitPreventable(site, 'before-input-event', { type: 'keyDown', alt: true, control: false, key: 'S' })).toBe(true);
    expect(appPage.focus).toHaveBeenCalled();
    expect(appPage.sendInputEvent).toHaveBeenCalledWith({ type: 'keyDown', keyCode: 'S', modifiers: ['alt'] });
    expect(emitPreventable(site, 'before-input-event', { type: 'keyDown', alt: true, control: false, key: 'q' })).toBe(false);
    expect(emitPreventable(site, 'before-input-event', { type: 'keyDown', alt: false, control: false, key: 's' })).toBe(false);
  });
});

describe('the app’s own webContents', () => {
  let page: FakeWebContents;
  beforeEach(() => {
    page = new FakeWebContents();
    hardenWebContents(page as never, APP_INDEX_URL);
    shell.openExternal.mockClear();
  });

  it('navigates only to its own page', () => {
    expect(emitPreventable(page, 'will-navigate', `${APP_INDEX_URL}#/review`)).toBe(false);
    for (const url of ['https://www.gov.cn/', 'app://evil/index.html', 'file:///index.html']) {
      expect(emitPreventable(page, 'will-navigate', url)).toBe(true);
      expect(emitPreventable(page, 'will-redirect', url)).toBe(true);
    }
  });

  it('opens no window; http(s) links go to the system browser, nothing else does', () => {
    expect(page.windowOpenHandler!({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.gov.cn/');
    for (const url of ['file:///C:/Windows/system32/calc.exe', 'smb://host/share', 'ms-msdt:/id']) page.windowOpenHandler!({ url });
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(emitPreventable(page, 'will-attach-webview', {}, {})).toBe(true);
  });

  it('denies permissions in the default session too', () => {
    const s = new FakeSession();
    denyAllPermissions(s as never);
    let granted = true;
    s.permissionRequestHandler!(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
  });
});
