import type { WebContents } from 'electron';
import { isWebUrl } from '../services/browse/policy';
import { createGestureGate } from '../services/browse/user-gesture';

const SHORTCUT_KEYS = new Set(['s', 'f', 'r', 'm', 'j', 'k', 'n', 'p', 'y', 'x', 'd', 'l', 'h']);

/**
 * Rules for a reviewed site's webContents. A popup (window.open, target=_blank)
 * opens in the same view, and only right after the reviewer clicked or typed
 * (a user gesture); the view navigates and redirects to http(s) pages only
 * (never to file:, app:// or the evidence scheme); <webview> never attaches; a beforeunload prompt cannot
 * keep the reviewer on a page (JS dialogs are off in the view's preferences);
 * the app's shortcuts pressed while the site has focus reach the app's page.
 */
export function hardenSiteContents(contents: WebContents, appContents: WebContents): void {
  const gesture = createGestureGate();
  contents.on('input-event', (_event, input) => gesture.noteInput(input.type));
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebUrl(url) && gesture.hasUserGesture()) void contents.loadURL(url);
    return { action: 'deny' };
  });
  for (const event of ['will-navigate', 'will-redirect'] as const) {
    contents.on(event as 'will-navigate', (e, url) => {
      if (!isWebUrl(url)) e.preventDefault();
    });
  }
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-prevent-unload', (event) => event.preventDefault());
  contents.on('before-input-event', (event, input) => {
    if (input.type === 'keyDown' && input.alt && !input.control && SHORTCUT_KEYS.has(input.key.toLowerCase())) {
      event.preventDefault();
      appContents.focus();
      appContents.sendInputEvent({ type: 'keyDown', keyCode: input.key, modifiers: ['alt'] });
    }
  });
}
