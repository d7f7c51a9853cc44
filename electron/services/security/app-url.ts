/**
 * Which URLs are the app's own pages. IPC is answered only for frames showing
 * one of them, and app windows may navigate only among them. The desktop app
 * serves its page from a custom standard scheme (app://kaoping/), never from
 * file:, so "the app's page" is one exact scheme, host and path. Pure, so the
 * boundary is unit-tested without Electron.
 */

/** The desktop app's scheme and host (electron/main/app-protocol.ts serves them). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kaoping';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True when `candidate` is the page at `appIndexUrl`: same scheme, host, port
 * and path, no credentials; only the query and fragment may differ. Hosts are
 * compared as such, never through `origin` (which is "null" for every URL of
 * a custom scheme, and would let any host pass).
 */
export function isAppUrl(candidate: string, appIndexUrl: string): boolean {
  let url: URL;
  let index: URL;
  try {
    url = new URL(candidate);
    index = new URL(appIndexUrl);
  } catch {
    return false;
  }
  return (
    url.protocol === index.protocol &&
    url.hostname === index.hostname &&
    url.port === index.port &&
    url.pathname === index.pathname &&
    url.username === '' &&
    url.password === ''
  );
}

/** Only http(s) URLs may be opened outside the app, and only when the reviewer asks. */
export function isSafeExternalUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
