import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPuppeteerHost } from '../../../electron/services/browse/puppeteer-host';
import type { BrowserHost } from '../../../electron/services/browse/types';
import { captureEvidence, type CaptureRequest } from '../../../electron/services/evidence/capture';
import { pngSize } from '../../../electron/services/evidence/image-bytes';
import type { AssessmentStore } from '../../../electron/services/store/types';
import { freshAssessment } from '../../helpers/assessment';
import { decodePng, region, rgba } from '../../unit/evidence/pixels';
import { startFixtureSite, type FixtureSite } from './fixture-site';

let site: FixtureSite;
let host: BrowserHost;
let store: AssessmentStore;
let request: Omit<CaptureRequest, 'mode'>;
const at = new Date('2025-06-30T06:05:09Z');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const profile = mkdtempSync(path.join(os.tmpdir(), 'kaoping-profile-'));

beforeAll(async () => {
  site = await startFixtureSite();
  host = createPuppeteerHost({ profileDir: profile, onVisit: () => undefined });
  store = freshAssessment().store;
  const target = store.addTarget({
    kind: 'website',
    unit: '南岭县人民政府',
    name: '南岭县人民政府门户网站',
    url: `${site.http}/`,
    classId: 'county',
    attributes: {},
    identifier: null,
    platform: null,
  });
  await host.open(target.id, `${site.http}/tall`);
  request = {
    host,
    store,
    targetId: target.id,
    targetName: target.name,
    indicatorId: 'basic.health.availability',
    indicatorPath: '网站可用性/首页可用性',
    now: () => at,
  };
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await host?.close();
  store?.close();
  await site?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** The stored file, checked against the hash it is named and recorded by. */
function stored(evidence: { sha256: string; file: string }): Buffer {
  const bytes = readFileSync(path.join(store.dir, evidence.file));
  expect(sha(bytes)).toBe(evidence.sha256);
  expect(evidence.file).toMatch(new RegExp(`^evidence/${evidence.sha256}\\.(png|mhtml)$`, 'u'));
  return bytes;
}

describe('captureEvidence', () => {
  it('stores a full-page capture with the caption below the whole page, content-addressed, with its facts', async () => {
    const finding = store.addFinding({
      targetId: request.targetId,
      indicatorId: request.indicatorId,
      rule: 1,
      count: 1,
      status: 'confirmed',
    });
    const evidence = await captureEvidence({ ...request, mode: 'fullpage', findingId: finding.id });
    expect(evidence).toMatchObject({
      kind: 'fullpage',
      url: `${site.http}/tall`,
      title: '长页面',
      viewport: '1366x768',
      capturedAt: at.toISOString(),
      targetId: request.targetId,
      indicatorId: request.indicatorId,
    });
    expect(store.getFinding(finding.id).evidenceIds).toEqual([evidence.id]);
    const png = stored(evidence);
    copyFileSync(path.join(store.dir, evidence.file), 'test-results/capture-fullpage.png');
    const pixels = await decodePng(png);
    expect(pixels.width).toBe(1366);
    expect(pixels.height).toBeGreaterThan(5000 + 80);
    expect(rgba(pixels, 600, 4999).slice(0, 3)).toEqual([255, 0, 255]);
    // Below the page: the light caption strip with text on it.
    expect(rgba(pixels, 3, pixels.height - 3)).toEqual([243, 244, 246, 255]);
  });

  it('stores the visible area and a region, the picture above the caption as the browser took it', async () => {
    await host.navigate(`${site.http}/`);
    const raw = await decodePng((await host.capture('visible')).png);
    const visible = await captureEvidence({ ...request, mode: 'visible' });
    expect(visible).toMatchObject({ kind: 'screenshot', viewport: '1366x768' });
    const shot = await decodePng(stored(visible));
    copyFileSync(path.join(store.dir, visible.file), 'test-results/capture-visible.png');
    expect(region(shot, 0, 0, 1366, 768).equals(region(raw, 0, 0, 1366, 768))).toBe(true);

    await host.navigate(`${site.http}/tall`);
    const part = await captureEvidence({ ...request, mode: 'region', region: { x: 0, y: 0, width: 300, height: 200 } });
    expect(part.kind).toBe('region');
    const cut = await decodePng(stored(part));
    copyFileSync(path.join(store.dir, part.file), 'test-results/capture-region.png');
    // Narrow regions get a strip at least 480 px wide; the region sits top left.
    expect(cut.width).toBe(480);
    expect(rgba(cut, 299, 199).slice(0, 3)).toEqual([255, 0, 0]);
    await expect(captureEvidence({ ...request, mode: 'region' })).rejects.toThrow('区域截图需要先框选区域');
  });

  it('notes in the caption when a full page was cut at the height cap', async () => {
    await host.setDevice('mobile', 1);
    await host.navigate(`${site.http}/tall`);
    const whole = pngSize(stored(await captureEvidence({ ...request, mode: 'fullpage' })))!;
    await host.navigate(`${site.http}/very-tall`);
    const cut = pngSize(stored(await captureEvidence({ ...request, mode: 'fullpage' })))!;
    await host.setDevice('laptop', 1);
    // Same width and caption, plus one 24 px line for the note about the cut.
    expect([whole.width, cut.width]).toEqual([480, 480]);
    expect(cut.height - 16_000 - (whole.height - 5_000)).toBe(24);
  });

  it('stores the MHTML snapshot as the browser made it', async () => {
    await host.navigate(`${site.http}/a`);
    const evidence = await captureEvidence({ ...request, mode: 'mhtml' });
    expect(evidence).toMatchObject({ kind: 'mhtml', url: `${site.http}/a`, title: '政务公开', viewport: null });
    expect(stored(evidence).toString('latin1')).toContain('ASCII-MARKER-A');
  });

  it('refuses an unknown finding before capturing anything', async () => {
    const before = store.counts().evidence;
    await expect(captureEvidence({ ...request, mode: 'visible', findingId: 9999 })).rejects.toThrow();
    expect(store.counts().evidence).toBe(before);
  });
});
