/**
 * Screenshots for automated checks' suggestions: the page with the element
 * the check points at outlined in red. Each shot runs in a throwaway context
 * (no cookies in, none out), is bounded in time, and finds and marks the
 * element through the DevTools DOM domain, so no script of ours runs in the
 * page and nothing of the page's comes back but the picture.
 */
import { TimeoutError, type Browser, type CDPSession } from 'puppeteer-core';
import { DEVICE_PRESETS } from '../../../shared/api/browser';
import { KaopingError } from '../../../shared/errors';
import type { EvidenceItem } from '../checks/types';
import { withTimeout } from '../browse/deadline';
import { DENY_DOWNLOADS, denyPermissions } from '../browse/lockdown';
import { PROXY_ERROR_HEADER } from '../browse/guard-proxy';
import { answerProxyChallenges } from '../browse/proxy-auth';
import { httpError, netError, timeoutError } from '../browse/nav-errors';
import { isWebUrl } from '../browse/policy';

export interface HighlightRequest {
  url: string;
  /** CSS selector of the element to outline. */
  selector?: string;
  /** Or: the first element whose text contains this. */
  text?: string;
  timeoutMs: number;
  /** The guard proxy's credential, when the browser was started behind it (guard-proxy.ts). */
  credentials?: { username: string; password: string };
}

/** A viewport PNG, or null with the reason the page could not be shown. */
export type HighlightShot = { png: Buffer; found: boolean; reason: string | null } | { png: null; found: false; reason: string };

// Straddling the border edge, so full-width rows keep their ends visible inside the viewport.
const OUTLINE = 'outline: 6px solid #e00000 !important; outline-offset: -3px !important;';

/** An XPath string literal for any text (XPath 1.0 has no escapes, so mixed quotes need concat()). */
export function xpathLiteral(text: string): string {
  if (!text.includes('"')) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return `concat(${text
    .split('"')
    .map((part) => `"${part}"`)
    .join(`, '"', `)})`;
}

/** The DOM node id of the element to mark, or 0. Selector syntax errors count as not found. */
async function findNode(cdp: CDPSession, request: HighlightRequest): Promise<number> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  if (request.selector) {
    const { nodeId } = await cdp
      .send('DOM.querySelector', { nodeId: root.nodeId, selector: request.selector })
      .catch(() => ({ nodeId: 0 }));
    if (nodeId) return nodeId;
  }
  const text = request.text?.trim();
  if (!text) return 0;
  const { searchId, resultCount } = await cdp.send('DOM.performSearch', {
    query: `//body//text()[contains(., ${xpathLiteral(text)})][not(ancestor::script or ancestor::style)]/..`,
  });
  try {
    if (resultCount === 0) return 0;
    const { nodeIds } = await cdp.send('DOM.getSearchResults', { searchId, fromIndex: 0, toIndex: 1 });
    return nodeIds[0] ?? 0;
  } finally {
    await cdp.send('DOM.discardSearchResults', { searchId }).catch(() => undefined);
  }
}

/** Outlines the node (an inline !important style beats the page's own rules) and scrolls it into view. */
async function mark(cdp: CDPSession, nodeId: number): Promise<void> {
  const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
  // [name, value, name, value …]
  const at = attributes.findIndex((a, i) => i % 2 === 0 && a === 'style');
  const style = at >= 0 ? (attributes[at + 1] ?? '') : '';
  await cdp.send('DOM.setAttributeValue', { nodeId, name: 'style', value: `${style};${OUTLINE}` });
  await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId }).catch(() => undefined);
}

/**
 * Opens `url` in a fresh incognito-like context at the laptop preset,
 * outlines the first element matching `selector` (or containing `text`) and
 * returns a PNG of the viewport. Returns png null with a reason when the page
 * does not load in time or at all; never throws for the site's faults.
 */
export async function screenshotWithHighlight(browser: Browser, request: HighlightRequest): Promise<HighlightShot> {
  if (!isWebUrl(request.url)) return { png: null, found: false, reason: '只能打开 http 或 https 网址' };
  const started = Date.now();
  const left = () => Math.max(1_000, request.timeoutMs - (Date.now() - started));
  const context = await browser.createBrowserContext(DENY_DOWNLOADS);
  try {
    await denyPermissions(context);
    const page = await context.newPage();
    try {
      const cdp = await page.createCDPSession();
      if (request.credentials) await answerProxyChallenges(cdp, request.credentials);
      page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
      page.on('popup', (popup) => void popup?.close().catch(() => undefined));
      const { width, height } = DEVICE_PRESETS.laptop;
      await page.setViewport({ width, height });
      let status = 0;
      try {
        const response = await page.goto(request.url, { waitUntil: 'load', timeout: request.timeoutMs });
        status = response?.status() ?? 0;
        // The guard proxy refused the address or could not reach it: no page to show.
        const refused = request.credentials ? response?.headers()[PROXY_ERROR_HEADER] : undefined;
        if (refused) return { png: null, found: false, reason: netError(`net::${refused}`, request.url)?.message ?? '页面未能打开' };
      } catch (error) {
        const message = error instanceof Error ? error.message : '';
        const reason = error instanceof TimeoutError ? timeoutError(request.url, request.timeoutMs) : netError(message, request.url);
        return { png: null, found: false, reason: reason?.message ?? '页面未能打开' };
      }
      const shoot = async (): Promise<HighlightShot> => {
        const nodeId = request.selector || request.text ? await findNode(cdp, request) : 0;
        if (nodeId) await mark(cdp, nodeId);
        const png = await page.screenshot({ type: 'png', captureBeyondViewport: false });
        const reason =
          status >= 400
            ? httpError(status, request.url).message
            : nodeId || !(request.selector || request.text)
              ? null
              : '页面上没有找到要标出的内容';
        return { png: Buffer.from(png.buffer, png.byteOffset, png.byteLength), found: nodeId !== 0, reason };
      };
      return await withTimeout(shoot(), left(), '截图超时');
    } finally {
      await page.close().catch(() => undefined);
    }
  } catch (error) {
    // Our own timeouts speak Chinese already; anything else is the browser's wording, kept for diagnosis.
    const reason =
      error instanceof KaopingError ? error.message : `截图失败（${error instanceof Error ? error.message.slice(0, 200) : '未知原因'}）`;
    return { png: null, found: false, reason };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * Shots for a suggestion's evidence items, at most `maxShots` (each distinct
 * page and element once), one after another so a check never opens more
 * than one extra page at a time.
 */
export async function batchHighlights(
  items: readonly EvidenceItem[],
  options: { browser: Browser; maxShots: number; timeoutMs?: number; credentials?: HighlightRequest['credentials'] },
): Promise<{ item: EvidenceItem; shot: HighlightShot }[]> {
  const seen = new Set<string>();
  const chosen = items.filter((item) => {
    const key = `${item.url}\u0000${item.selector ?? ''}\u0000${item.text ?? ''}`;
    if (!isWebUrl(item.url) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const results: { item: EvidenceItem; shot: HighlightShot }[] = [];
  for (const item of chosen.slice(0, Math.max(0, options.maxShots))) {
    const shot = await screenshotWithHighlight(options.browser, {
      url: item.url,
      selector: item.selector,
      text: item.text,
      timeoutMs: options.timeoutMs ?? 15_000,
      credentials: options.credentials,
    });
    results.push({ item, shot });
  }
  return results;
}
