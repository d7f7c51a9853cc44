/**
 * What both embedded-browser hosts (the desktop view and headless Chromium)
 * agree on: which URLs a reviewer may open, how a phone is presented, and how
 * tall a full-page capture may grow.
 */

import { untrustedUrl } from './untrusted';

/** Only web pages: no file:, data:, javascript: or the app's own schemes. */
export function isWebUrl(url: string): boolean {
  return untrustedUrl(url) !== null;
}

/** The phone preset's user agent: sites pick their mobile pages by it. */
export const MOBILE_USER_AGENT =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';

/** Full-page captures stop here (CSS px): endless pages would exhaust memory; the caption says when cut. */
export const FULLPAGE_MAX_HEIGHT = 16_000;
