import { shell, type Session, type WebContents } from 'electron';
import { isAppUrl, isSafeExternalUrl } from '../services/security/app-url';

/** Every permission request (camera, notifications, geolocation …) is refused. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Applied to every webContents the app creates: navigation away from the app's
 * own page is blocked, new windows are denied (a reviewer-initiated external link
 * opens in the system browser), and <webview> is never attached.
 */
export function hardenWebContents(contents: WebContents, appIndexUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appIndexUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appIndexUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
