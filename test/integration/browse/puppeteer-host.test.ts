import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../electron/services/browse/chromium-launch';
import { createPuppeteerHost } from '../../../electron/services/browse/puppeteer-host';
import type { BrowserHost } from '../../../electron/services/browse/types';
import { pngSize } from '../../../electron/services/evidence/image-bytes';
import { decodePng, rgba } from '../../unit/evidence/pixels';
import { BANDS, startFixtureSite, type FixtureSite } from './fixture-site';

let site: FixtureSite;
let host: BrowserHost;
let browser: Browser | undefined;
const visits: [number, string, string][] = [];

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
/** Waits for the host's state to satisfy a condition (events arrive on their own time). */
async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(host.state())}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
/** Decodes MHTML's quoted-printable parts so Chinese text can be searched. */
const unQuote = (mhtml: Buffer) =>
  Buffer.from(
    mhtml
      .toString('latin1')
      .replace(/=\r?\n/gu, '')
      .replace(/=([0-9A-F]{2})/gu, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

const profile = mkdtempSync(path.join(os.tmpdir(), 'kaoping-profile-'));

beforeAll(async () => {
  site = await startFixtureSite();
  host = createPuppeteerHost({
    profileDir: profile,
    onVisit: (id, url, title) => visits.push([id, url, title]),
    navigationTimeoutMs: 2_000,
    launch: async (launchOptions) => (browser = await launchChromium(launchOptions)),
  });
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await host?.close();
  await site?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe('puppeteer host', () => {
  it('opens a target, reports the visit, and keeps an open target where it was', async () => {
    const state = await host.open(1, `${site.http}/`);
    expect(state).toMatchObject({
      targetId: 1,
      url: `${site.http}/`,
      title: '南岭县人民政府门户网站',
      error: null,
      canGoBack: false,
      preset: 'laptop',
      zoom: 1,
    });
    await until('visit', () => visits.length > 0);
    expect(visits[0]).toEqual([1, `${site.http}/`, '南岭县人民政府门户网站']);

    await host.navigate(`${site.http}/a`);
    expect(host.state()).toMatchObject({ url: `${site.http}/a`, title: '政务公开', canGoBack: true, canGoForward: false });
    expect((await host.open(2, `${site.http}/b`)).title).toBe('通知公告');
    expect(await host.open(1, `${site.http}/`)).toMatchObject({ targetId: 1, url: `${site.http}/a` });
  });

  it('goes back and forward through the target’s history', async () => {
    expect(await host.go('back')).toMatchObject({ url: `${site.http}/`, canGoBack: false, canGoForward: true });
    expect(await host.go('forward')).toMatchObject({ url: `${site.http}/a`, canGoForward: false });
    expect((await host.go('reload')).url).toBe(`${site.http}/a`);
  });

  it('follows a click, and types Chinese text into a field', async () => {
    await host.navigate(`${site.http}/`);
    expect((await host.input({ type: 'click', x: 30, y: 20 })).url).toBe(`${site.http}/a`);
    await host.navigate(`${site.http}/form`);
    await host.input({ type: 'click', x: 100, y: 15 });
    await host.input({ type: 'text', text: '南岭' });
    expect((await host.input({ type: 'key', key: 'End' })).title).toBe('南岭');
    await expect(host.input({ type: 'click', x: 5000, y: 10 })).rejects.toThrow('点击位置不在页面范围内');
    await expect(host.input({ type: 'key', key: 'F12' })).rejects.toThrow('不支持的按键');
  });

  it('changes the viewport with the device preset and zoom, and the user agent for phones', async () => {
    await host.navigate(`${site.http}/ua`);
    expect(pngSize((await host.capture('visible')).png)).toEqual({ width: 1366, height: 768 });
    await host.setDevice('mobile', 1);
    const phone = await host.capture('visible');
    expect(pngSize(phone.png)).toEqual({ width: 390, height: 844 });
    expect(phone.viewport).toBe('390x844');
    expect(host.state().title).toMatch(/Android.*Mobile/u);
    await host.setDevice('laptop', 2);
    const zoomed = await host.capture('visible');
    expect(zoomed.viewport).toBe('683x384');
    expect(pngSize(zoomed.png)).toEqual({ width: 1366, height: 768 });
    expect(host.state().title).not.toMatch(/Mobile|HeadlessChrome/u);
    await host.setDevice('desktop', 1);
    expect(pngSize((await host.capture('visible')).png)?.width).toBe(1920);
    const frame = await host.frame();
    expect(frame).toMatchObject({ width: 1920, height: 1080 });
    expect(frame!.jpeg.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    await host.setDevice('laptop', 1);
  });

  it('captures the whole page, capped in height, and regions of the visible area', async () => {
    await host.navigate(`${site.http}/tall`);
    const full = await host.capture('fullpage');
    const pixels = await decodePng(full.png);
    writeFileSync('test-results/capture-fullpage-raw.png', full.png);
    expect([pixels.width, pixels.height]).toEqual([1366, 5000]);
    BANDS.forEach((color, i) => expect(rgba(pixels, 600, i * 1000 + 500).slice(0, 3)).toEqual(hex(color)));

    // Scrolled 1500 px down: the region's top rows are band 2, lower ones band 3.
    await host.input({ type: 'scroll', x: 500, y: 300, dx: 0, dy: 1500 });
    const upper = await decodePng((await host.capture('region', { x: 10, y: 100, width: 120, height: 80 })).png);
    expect([upper.width, upper.height]).toEqual([120, 80]);
    expect(rgba(upper, 60, 40).slice(0, 3)).toEqual(hex(BANDS[1]));
    const lower = await decodePng((await host.capture('region', { x: 10, y: 600, width: 50, height: 50 })).png);
    expect(rgba(lower, 25, 25).slice(0, 3)).toEqual(hex(BANDS[2]));

    await host.navigate(`${site.http}/colors`);
    const region = await decodePng((await host.capture('region', { x: 100, y: 100, width: 200, height: 100 })).png);
    expect([region.width, region.height]).toEqual([200, 100]);
    for (const [x, y] of [
      [0, 0],
      [199, 0],
      [0, 99],
      [199, 99],
      [100, 50],
    ])
      expect(rgba(region, x!, y!).slice(0, 3)).toEqual([0, 0, 255]);
    await expect(host.capture('region', { x: 2000, y: 10, width: 50, height: 50 })).rejects.toThrow('所选区域不在页面可见范围内');

    await host.setDevice('mobile', 1);
    await host.navigate(`${site.http}/very-tall`);
    expect(pngSize((await host.capture('fullpage')).png)).toEqual({ width: 390, height: 16_000 });
    await host.setDevice('laptop', 1);
  });

  it('snapshots the page as MHTML with its text', async () => {
    await host.navigate(`${site.http}/a`);
    const snap = await host.snapshot();
    expect(snap).toMatchObject({ url: `${site.http}/a`, title: '政务公开' });
    expect(snap.mhtml.toString('latin1')).toMatch(/^From: <Saved by Blink>|MIME-Version: 1\.0/mu);
    expect(snap.mhtml.toString('latin1')).toContain('ASCII-MARKER-A');
    expect(unQuote(snap.mhtml)).toContain('政策文件解读专栏');
  });

  it('opens popups and target=_blank links in the same page', async () => {
    await host.navigate(`${site.http}/popup`);
    const pagesBefore = (await browser!.pages()).length;
    await host.input({ type: 'click', x: 100, y: 30 });
    await until('popup adopted', () => host.state().url === `${site.http}/b` && !host.state().loading);
    await host.navigate(`${site.http}/popup`);
    await host.input({ type: 'click', x: 100, y: 130 });
    await until('noopener link adopted', () => host.state().url === `${site.http}/a` && !host.state().loading);
    // The popup windows themselves are gone.
    expect((await browser!.pages()).length).toBe(pagesBefore);
  });

  it('denies permission requests and dismisses dialogs', async () => {
    await host.navigate(`${site.http}/geo`);
    await until('geolocation answer', () => host.state().url.includes('/geo-result'));
    // clipboard-write and screen-wake-lock are granted by default in Chromium: only our lockdown denies them.
    expect(host.state().url).toBe(
      `${site.http}/geo-result?code=1&geolocation=denied&notifications=denied&clipboard-write=denied&screen-wake-lock=denied`,
    );
    await host.navigate(`${site.http}/alert`);
    expect(host.state()).toMatchObject({ title: '弹框页面', loading: false, error: null });
  });

  it('reports certificate, network, HTTP and timeout failures in state.error without throwing', async () => {
    const cert = await host.navigate(`${site.https}/a`);
    expect(cert.error).toMatchObject({ kind: 'certificate', url: `${site.https}/a` });
    expect(cert.error!.message).toMatch(/证书.*ERR_CERT_AUTHORITY_INVALID/u);
    expect(cert.url).toBe(`${site.https}/a`);
    expect((await host.navigate(`${site.http}/b`)).error).toBeNull();
    expect((await host.navigate(`${site.refused}/`)).error).toMatchObject({
      kind: 'network',
      message: expect.stringContaining('ERR_CONNECTION_REFUSED'),
    });
    expect((await host.navigate(`${site.http}/missing`)).error).toMatchObject({
      kind: 'http',
      message: '网站返回 HTTP 404（页面不存在）',
      url: `${site.http}/missing`,
    });
    expect((await host.navigate(`${site.http}/hang`)).error).toMatchObject({ kind: 'network', message: '页面在 2 秒内没有打开' });
    // The document came; only an image hangs: the page is shown, not an error.
    expect(await host.navigate(`${site.http}/slow-image`)).toMatchObject({ error: null, loading: false, title: '图片很慢' });
    await expect(host.navigate('file:///etc/passwd')).rejects.toThrow('只能打开 http 或 https 网址');
    await expect(host.open(9, 'javascript:alert(1)')).rejects.toThrow('只能打开 http 或 https 网址');
    expect(visits.some(([, url]) => url.startsWith(site.https) || url.startsWith(site.refused) || url.includes('/hang'))).toBe(false);
  });

  it('saves no downloads', async () => {
    await host.navigate(`${site.http}/download`);
    await new Promise((r) => setTimeout(r, 300));
    const downloads = path.join(os.homedir(), 'Downloads');
    expect(existsSync(downloads) ? readdirSync(downloads).filter((f) => f.startsWith('kaoping-download-test')) : []).toEqual([]);
    expect(host.state().loading).toBe(false);
  });

  it('keeps at most four live pages, closing the least recently used', async () => {
    for (const id of [3, 4, 5, 6]) await host.open(id, `${site.http}/b`);
    const urls = (await browser!.pages()).map((p) => p.url()).filter((u) => u.startsWith(site.http));
    expect(urls).toHaveLength(4);
    // Target 1 was evicted: opening it again starts from the start URL.
    expect((await host.open(1, `${site.http}/a`)).url).toBe(`${site.http}/a`);
  });
});
