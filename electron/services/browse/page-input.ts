/**
 * Browser mode's clicks, scrolls and keys, replayed on the headless page as
 * real input events (so the site sees a user gesture, as it would from a
 * person), after checking they are within the picture the reviewer saw.
 */
import type { CDPSession, KeyInput, Page } from 'puppeteer-core';
import { KaopingError } from '../../../shared/errors';
import { delay } from './deadline';
import { cdpOfSession } from './cdp';
import { layoutMetrics } from './page-shots';
import type { InputEvent } from './types';

/** The keys the drawn page forwards (renderer PageView): navigation and editing keys only. */
const KEYS: ReadonlySet<string> = new Set<KeyInput>([
  'Enter',
  'Backspace',
  'Tab',
  'Escape',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'PageUp',
  'PageDown',
  'Home',
  'End',
  'Delete',
  'Space',
]);
const MAX_TEXT = 1_000;
const MAX_SCROLL = 10_000;
/** How long a wheel event may take to move the page (smooth scrolling is off, so it moves in one step). */
const SCROLL_WAIT_MS = 500;
const SCROLL_POLL_MS = 25;

/** Pages with a composition in progress: its end must be inserted as text, never typed as keys. */
const composing = new WeakSet<CDPSession>();

function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/gu, '');
}

function within(x: number, y: number, viewport: { width: number; height: number }): boolean {
  return Number.isFinite(x) && Number.isFinite(y) && x >= 0 && y >= 0 && x <= viewport.width && y <= viewport.height;
}

function clampDelta(d: number): number {
  return Number.isFinite(d) ? Math.max(-MAX_SCROLL, Math.min(MAX_SCROLL, d)) : 0;
}

/**
 * Replays one input event; coordinates are CSS pixels of the viewport. A
 * scroll returns once the page has moved (or could not: at its end), so the
 * next picture shows the new position.
 */
export async function dispatchInput(
  page: Page,
  cdp: CDPSession,
  event: InputEvent,
  viewport: { width: number; height: number },
): Promise<void> {
  switch (event.type) {
    case 'click':
      if (!within(event.x, event.y, viewport)) throw new KaopingError('bad-input', '点击位置不在页面范围内');
      await page.mouse.click(event.x, event.y);
      return;
    case 'scroll':
      if (!within(event.x, event.y, viewport)) throw new KaopingError('bad-input', '滚动位置不在页面范围内');
      await page.mouse.move(event.x, event.y);
      await scrollAndWait(page, cdp, clampDelta(event.dx), clampDelta(event.dy));
      return;
    case 'key':
      if (!KEYS.has(event.key)) throw new KaopingError('bad-input', `不支持的按键：${event.key.slice(0, 20)}`);
      await page.keyboard.press(event.key as KeyInput);
      return;
    case 'text': {
      const text = printable(event.text);
      if (!text || text.length > MAX_TEXT) throw new KaopingError('bad-input', `输入的文字须为 1–${MAX_TEXT} 个字符`);
      // Keys a keyboard has are typed as keys (sites listen for them); anything else, an input method's
      // committed text above all, is inserted as text, which also ends a composition in progress.
      if (/^[\x20-\x7e]+$/u.test(text) && !composing.has(cdp)) await page.keyboard.type(text);
      else await cdp.send('Input.insertText', { text });
      composing.delete(cdp);
      return;
    }
    case 'ime': {
      const text = printable(event.text);
      if (text.length > MAX_TEXT) throw new KaopingError('bad-input', `输入的文字不能超过 ${MAX_TEXT} 个字符`);
      // The page shows the composition (underlined) as the reviewer's input method does.
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      if (text) composing.add(cdp);
      else composing.delete(cdp);
      return;
    }
  }
}

async function scrollAndWait(page: Page, cdp: CDPSession, deltaX: number, deltaY: number): Promise<void> {
  const before = await layoutMetrics(cdpOfSession(cdp));
  await page.mouse.wheel({ deltaX, deltaY });
  for (let waited = 0; waited < SCROLL_WAIT_MS; waited += SCROLL_POLL_MS) {
    const now = await layoutMetrics(cdpOfSession(cdp));
    if (now.pageX !== before.pageX || now.pageY !== before.pageY) return;
    await delay(SCROLL_POLL_MS);
  }
}
