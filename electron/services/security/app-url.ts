/**
 * Which URLs are the app's own pages. IPC is answered only for frames showing
 * one of them, and app windows may navigate only among them. Pure, so the
 * boundary is unit-tested without Electron.
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
  if (url.protocol !== index.protocol) return false;
  if (url.protocol === 'file:') return url.pathname === index.pathname;
  return url.origin === index.origin && url.pathname === index.pathname;
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
