import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../electron/services/browse/chromium-launch';
import { batchHighlights, screenshotWithHighlight, xpathLiteral } from '../../../electron/services/evidence/highlight-shot';
import { decodePng, type Pixels } from '../../unit/evidence/pixels';
import { startFixtureSite, type FixtureSite } from './fixture-site';

let site: FixtureSite;
let browser: Browser;

const profile = mkdtempSync(path.join(os.tmpdir(), 'kaoping-profile-'));

beforeAll(async () => {
  site = await startFixtureSite();
  browser = await launchChromium({ userDataDir: profile });
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** Pixels of the outline colour (#e00000). */
function outlined(p: Pixels): number {
  let n = 0;
  for (let i = 0; i < p.data.length; i += 4) if (p.data[i] === 0xe0 && p.data[i + 1] === 0 && p.data[i + 2] === 0) n++;
  return n;
}

describe('screenshots with a highlighted element', () => {
  it('outlines the element matching a selector, scrolled into view, in a viewport PNG', async () => {
    const shot = await screenshotWithHighlight(browser, { url: `${site.http}/list`, selector: '#target', timeoutMs: 10_000 });
    expect(shot).toMatchObject({ found: true, reason: null });
    writeFileSync('test-results/highlight-selector.png', shot.png!);
    const pixels = await decodePng(shot.png!);
    expect([pixels.width, pixels.height]).toEqual([1366, 768]);
    // A 6 px outline around a full-width 40 px item: both long sides and the ends.
    expect(outlined(pixels)).toBeGreaterThan(2 * 1300 * 6);
  });

  it('finds an element by its text, and reports when nothing matches', async () => {
    const byText = await screenshotWithHighlight(browser, { url: `${site.http}/list`, text: '关于印发南岭县规划', timeoutMs: 10_000 });
    expect(byText.found).toBe(true);
    expect(outlined(await decodePng(byText.png!))).toBeGreaterThan(2 * 1300 * 6);

    const none = await screenshotWithHighlight(browser, {
      url: `${site.http}/list`,
      selector: '#nowhere',
      text: '不存在的"文字\'',
      timeoutMs: 10_000,
    });
    expect(none).toMatchObject({ found: false, reason: '页面上没有找到要标出的内容' });
    expect(outlined(await decodePng(none.png!))).toBe(0);
    const broken = await screenshotWithHighlight(browser, { url: `${site.http}/list`, selector: '##', timeoutMs: 10_000 });
    expect(broken.found).toBe(false);
  });

  it('returns no picture, with the reason, when the page cannot load in time or at all', async () => {
    const started = Date.now();
    expect(await screenshotWithHighlight(browser, { url: `${site.http}/hang`, selector: 'p', timeoutMs: 1_500 })).toEqual({
      png: null,
      found: false,
      reason: '页面在 2 秒内没有打开',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    const cert = await screenshotWithHighlight(browser, { url: `${site.https}/list`, selector: '#target', timeoutMs: 5_000 });
    expect(cert.png).toBeNull();
    expect(cert.reason).toMatch(/证书.*ERR_CERT_AUTHORITY_INVALID/u);
    expect((await screenshotWithHighlight(browser, { url: 'file:///etc/hostname', timeoutMs: 1_000 })).reason).toBe(
      '只能打开 http 或 https 网址',
    );
    // Every shot's context is gone afterwards.
    expect(browser.browserContexts()).toHaveLength(1);
  });

  it('caps a suggestion’s shots and skips repeats', async () => {
    const item = { url: `${site.http}/list`, selector: '#target' };
    const shots = await batchHighlights(
      [item, { ...item }, { url: 'mailto:x@y.cn' }, { url: `${site.http}/a`, text: '政策文件' }, { url: `${site.http}/b` }],
      { browser, maxShots: 2, timeoutMs: 5_000 },
    );
    expect(shots.map((s) => [s.item.url, s.shot.found])).toEqual([
      [`${site.http}/list`, true],
      [`${site.http}/a`, true],
    ]);
  });

  it('writes XPath literals for any quotes', () => {
    expect(xpathLiteral('通知')).toBe('"通知"');
    expect(xpathLiteral('say "hi"')).toBe(`'say "hi"'`);
    expect(xpathLiteral(`it's "x"`)).toBe(`concat("it's ", '"', "x", '"', "")`);
  });
});
