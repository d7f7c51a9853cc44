/**
 * What a site under review may not do in our Chromium: ask for any permission
 * (camera, location, notifications …) or save files. The site is hostile by
 * assumption; a prompt nobody can answer would also hang headless pages.
 */
import type { Browser, BrowserContext } from 'puppeteer-core';

/**
 * Permission names Chromium knows (Permissions API descriptors). Unknown names
 * are skipped by the browser with an error, so the list can run ahead of the
 * installed version without harm.
 */
const PERMISSIONS = [
  'geolocation',
  'notifications',
  'camera',
  'microphone',
  'midi',
  'background-sync',
  'periodic-background-sync',
  'clipboard-read',
  'clipboard-write',
  'payment-handler',
  'persistent-storage',
  'idle-detection',
  'screen-wake-lock',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'local-fonts',
  'display-capture',
  'nfc',
  'accelerometer',
  'gyroscope',
  'magnetometer',
  'ambient-light-sensor',
  'background-fetch',
  'speaker-selection',
  'captured-surface-control',
  'keyboard-lock',
  'pointer-lock',
  'web-app-installation',
  'local-network-access',
];

/** Denies every permission for every origin in the context (CDP Browser.setPermission without an origin). */
export async function denyPermissions(context: BrowserContext): Promise<void> {
  await Promise.allSettled(PERMISSIONS.map((name) => context.setPermission('*', { permission: { name }, state: 'denied' })));
}

/**
 * Turns downloads off in the default context (Browser.setDownloadBehavior
 * deny). Chromium drops the setting when the DevTools session that made it
 * detaches, so the session is left attached for the browser's lifetime.
 * Contexts we create take `DENY_DOWNLOADS` in their options instead.
 */
export async function denyDownloads(browser: Browser): Promise<void> {
  const session = await browser.target().createCDPSession();
  await session.send('Browser.setDownloadBehavior', { behavior: 'deny' });
}

/** Context options that refuse downloads (createBrowserContext). */
export const DENY_DOWNLOADS = { downloadBehavior: { policy: 'deny' as const } };

/**
 * Per-origin override on top of the blanket denial: grants nothing, so every
 * permission the origin asks for is refused even if a later Chromium adds
 * permissions the list above does not name.
 */
export async function denyOrigin(context: BrowserContext, url: string): Promise<void> {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return;
  }
  if (origin === 'null') return;
  // overridePermissions is the documented way to say "none" for an origin.
  await context.overridePermissions(origin, []).catch(() => undefined);
}
