/**
 * Pictures and snapshots of a page, all bounded in time and size, for both
 * hosts: everything goes through a CdpSend (cdp.ts), so the headless Chromium
 * and the desktop app's view share the caps, timeouts and Chinese errors.
 * Only image bytes and MHTML text come back, never anything the page could
 * shape into an object.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { KaopingError } from '../../../shared/errors';
import type { CdpSend } from './cdp';
import { withTimeout } from './deadline';
import { FULLPAGE_MAX_HEIGHT } from './policy';
import type { Rect } from './types';

const SHOT_TIMEOUT_MS = 30_000;
/** Widest full-page capture (CSS px): a page that scrolls sideways forever is cut too. */
export const FULLPAGE_MAX_WIDTH = 8_000;
export const MHTML_MAX_BYTES = 100 * 1024 * 1024;

function positive(n: unknown, fallback: number): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : fallback;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** Page.captureScreenshot, bounded; the picture's bytes. */
async function screenshot(cdp: CdpSend, params: Record<string, unknown>): Promise<Buffer> {
  const answer = await withTimeout(
    cdp.send('Page.captureScreenshot', params),
    SHOT_TIMEOUT_MS,
    `截图超过 ${SHOT_TIMEOUT_MS / 1000} 秒未完成`,
  );
  const data = field(answer, 'data');
  if (typeof data !== 'string' || data === '') throw new KaopingError('capture-failed', '浏览器没有返回截图');
  return Buffer.from(data, 'base64');
}

/** Scroll position and page size in CSS pixels, as the browser lays the page out. */
export async function layoutMetrics(cdp: CdpSend): Promise<{ pageX: number; pageY: number; contentWidth: number; contentHeight: number }> {
  const m = await withTimeout(cdp.send('Page.getLayoutMetrics'), SHOT_TIMEOUT_MS, '读取页面尺寸超时');
  const visual = field(m, 'cssVisualViewport');
  const content = field(m, 'cssContentSize');
  return {
    pageX: Math.max(0, Number(field(visual, 'pageX')) || 0),
    pageY: Math.max(0, Number(field(visual, 'pageY')) || 0),
    contentWidth: positive(field(content, 'width'), 1),
    contentHeight: positive(field(content, 'height'), 1),
  };
}

/** The visible area as PNG (or JPEG for browser mode's live picture). */
export function captureVisible(cdp: CdpSend, format: 'png' | 'jpeg' = 'png'): Promise<Buffer> {
  return screenshot(
    cdp,
    format === 'png'
      ? { format, captureBeyondViewport: false, fromSurface: true }
      : { format, quality: 70, optimizeForSpeed: true, captureBeyondViewport: false, fromSurface: true },
  );
}

/**
 * The whole page (captureBeyondViewport). The picture is capped at
 * FULLPAGE_MAX_HEIGHT pixels tall — at zoom z that is FULLPAGE_MAX_HEIGHT / z
 * CSS pixels of page, rounded up — and FULLPAGE_MAX_WIDTH CSS pixels wide, so
 * memory stays bounded whatever the zoom; `truncated` says when the page went
 * on below.
 */
export async function captureFullPage(cdp: CdpSend, zoom: number): Promise<{ png: Buffer; truncated: boolean }> {
  const { contentWidth, contentHeight } = await layoutMetrics(cdp);
  const cap = Math.ceil(FULLPAGE_MAX_HEIGHT / zoom);
  const height = Math.min(Math.ceil(contentHeight), cap);
  const width = Math.min(Math.ceil(contentWidth), FULLPAGE_MAX_WIDTH);
  const png = await screenshot(cdp, {
    format: 'png',
    captureBeyondViewport: true,
    fromSurface: true,
    clip: { x: 0, y: 0, width, height, scale: 1 },
  });
  return { png, truncated: Math.ceil(contentHeight) > cap };
}

/**
 * A rectangle of the visible area, given in the viewport's CSS pixels as the
 * reviewer drew it on the picture: cut from a picture of the visible area, so
 * it is exactly what was on screen whatever the scroll position, zoom or a
 * phone's page scale.
 */
export async function captureRegion(cdp: CdpSend, rect: Rect, viewport: { width: number; height: number }): Promise<Buffer> {
  const x = Math.max(0, Math.floor(rect.x));
  const y = Math.max(0, Math.floor(rect.y));
  const width = Math.min(Math.round(rect.width), viewport.width - x);
  const height = Math.min(Math.round(rect.height), viewport.height - y);
  if (![rect.x, rect.y, rect.width, rect.height].every(Number.isFinite) || width < 1 || height < 1) {
    throw new KaopingError('bad-region', `所选区域不在页面可见范围内（可见范围 ${viewport.width}×${viewport.height}）`);
  }
  const visible = await loadImage(await captureVisible(cdp));
  const scale = visible.width / viewport.width;
  const out = createCanvas(Math.round(width * scale), Math.round(height * scale));
  out.getContext('2d').drawImage(visible, Math.round(x * scale), Math.round(y * scale), out.width, out.height, 0, 0, out.width, out.height);
  return out.encode('png');
}

/** The page as one MHTML file (Page.captureSnapshot): text, styles and images as the browser holds them. */
export async function captureMhtml(cdp: CdpSend): Promise<Buffer> {
  const answer = await withTimeout(
    cdp.send('Page.captureSnapshot', { format: 'mhtml' }),
    SHOT_TIMEOUT_MS,
    `网页快照超过 ${SHOT_TIMEOUT_MS / 1000} 秒未完成`,
  );
  const data = field(answer, 'data');
  if (typeof data !== 'string') throw new KaopingError('snapshot-failed', '浏览器没有返回网页快照');
  if (data.length > MHTML_MAX_BYTES) throw new KaopingError('snapshot-too-large', '网页快照超过 100 MB，未保存；请改用整页截图');
  return Buffer.from(data, 'utf8');
}
