import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../electron/services/browse/chromium-launch';
import { decodePng } from '../../unit/evidence/pixels';

// Runs with whatever browser and fonts this machine offers; .ci/run runs it a
// second time with the installed browser and fonts hidden (KAOPING_CHROME=bundled,
// FONTCONFIG_FILE naming only the packaged font), as on a fresh machine.
let browser: Browser;
const profile = mkdtempSync(path.join(os.tmpdir(), 'kaoping-profile-'));

beforeAll(async () => {
  browser = await launchChromium({ userDataDir: profile });
});

afterAll(async () => {
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('Chinese in pages the headless browser renders', () => {
  it('draws distinct glyphs for different characters (a missing font draws the same box for each)', async () => {
    const page = await browser.newPage();
    // A page that names only Windows fonts, as many government sites do.
    await page.setContent(
      '<body style="margin:0;font:48px \'Microsoft YaHei\',SimSun"><span id="a">考</span><br><span id="b">评</span></body>',
    );
    const shot = async (id: string) => decodePng(Buffer.from((await (await page.$(`#${id}`))!.screenshot({ type: 'png' })) as Uint8Array));
    const [kao, ping] = [await shot('a'), await shot('b')];
    const ink = (p: { data: Uint8Array | Uint8ClampedArray }) => p.data.filter((v, i) => i % 4 === 0 && v < 128).length;
    expect(ink(kao)).toBeGreaterThan(100);
    expect(ink(ping)).toBeGreaterThan(100);
    expect(Buffer.from(kao.data).equals(Buffer.from(ping.data))).toBe(false);
    await page.close();
  });
});
