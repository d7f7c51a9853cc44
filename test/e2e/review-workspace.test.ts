import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../helpers/chromium';
import { repoRoot, startServe } from '../helpers/cli-process';
import { cli } from '../helpers/run-cli';
import { clickStable } from '../helpers/click';
import { sampleSites } from '../../electron/services/demo/sample-sites';
import { serveSampleSite, type RunningSite } from '../../electron/services/demo/site-server';
import { openAssessment } from '../../electron/services/store/open';

const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

// The review workspace in browser mode, on a fixture site on loopback: open a
// target, capture a full-page screenshot, record a finding with it, see the score
// change, reload and find it all there, and check the evidence hash.
describe('browser mode: the review workspace', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-review-'));
  const shots = path.join(repoRoot, 'test-results');
  let site: RunningSite;
  let server: Awaited<ReturnType<typeof startServe>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    site = await serveSampleSite(sampleSites(new Date()).find((s) => s.key === 'county')!);
    await cli(workspace, 'new', '评审', '--ruleset', 'zhanjiang-2021', '--year', '2025', '--name', '2025年度考评');
    await cli(workspace, 'targets', 'add', '评审', '--name', '南岭县人民政府门户网站', '--url', site.url, '--class', '第一类');
    server = await startServe(workspace);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
  });

  it('captures evidence, records a finding with it, rescores, and keeps it all after a reload', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1600, height: 1000 });
    await page.goto(`${server.url}#a=${encodeURIComponent('评审')}&t=1`);
    await page.waitForSelector('[data-testid="review-screen"]');
    // The site is drawn from the headless browser's screenshots, its address in the bar.
    await page.waitForSelector('[data-testid="page-view"] img');
    await page.waitForFunction((home) => (document.querySelector('[data-testid="address-bar"] input, input[data-testid="address-bar"]') as HTMLInputElement | null)?.value === home, {}, site.url);
    expect(await text(page, '[data-testid="review-total"]')).toBe('100');
    await page.screenshot({ path: path.join(shots, 'e2e-review-open.png') });

    await clickStable(page, '[data-testid="indicator-basic.health.availability"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="indicator-path"]')?.textContent === '健康情况/可用性');
    await page.click('[data-testid="capture-fullpage"]');
    const thumb = await page.waitForSelector('[data-testid="indicator-panel"] [data-evidence-id]');
    const evidenceId = Number(await thumb!.evaluate((el) => el.getAttribute('data-evidence-id')));

    await page.click('[data-testid="add-finding-1"]');
    await page.waitForSelector('[data-testid="finding-form"]');
    await page.click('input[data-testid="finding-count"], [data-testid="finding-count"] input', { count: 3 });
    await page.type('input[data-testid="finding-count"], [data-testid="finding-count"] input', '2');
    await page.type('[data-testid="finding-note"]', '首页横幅图片与 2019 年专题链接打不开');
    await page.click('[data-testid="finding-save"]');
    // 1 − 2 × 0.2: the total drops by 0.4 at once, with the finding and its evidence in the explanation.
    await page.waitForFunction(() => document.querySelector('[data-testid="review-total"]')?.textContent === '99.6');
    expect(await text(page, '[data-testid="explanation"]')).toContain(`证据 #${evidenceId}`);
    await page.screenshot({ path: path.join(shots, 'e2e-review-finding.png') });

    // Keyboard: next indicator, then undo the finding and redo it by hand.
    await page.keyboard.down('Alt');
    await page.keyboard.press('KeyJ');
    await page.keyboard.up('Alt');
    await page.waitForFunction(() => document.querySelector('[data-testid="indicator-path"]')?.textContent !== '健康情况/可用性');
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyZ');
    await page.keyboard.up('Control');
    await page.waitForFunction(() => document.querySelector('[data-testid="review-total"]')?.textContent === '100');
    await clickStable(page, '[data-testid="indicator-basic.health.availability"]');
    await page.click('[data-testid="add-finding-1"]');
    await page.click('input[data-testid="finding-count"], [data-testid="finding-count"] input', { count: 3 });
    await page.type('input[data-testid="finding-count"], [data-testid="finding-count"] input', '2');
    await page.click('[data-testid="finding-save"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="review-total"]')?.textContent === '99.6');

    // A reload finds the finding, the evidence and the score where they were.
    await page.reload();
    await page.waitForSelector('[data-testid="review-screen"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="review-total"]')?.textContent === '99.6');
    await clickStable(page, '[data-testid="indicator-basic.health.availability"]');
    await page.waitForSelector(`[data-testid="indicator-panel"] [data-evidence-id="${evidenceId}"]`);

    // The evidence file on disk hashes to what the store recorded, and the viewer says so.
    const store = openAssessment(path.join(workspace, '评审'));
    const evidence = store.getEvidence(evidenceId);
    const finding = store.listFindings({ status: 'confirmed' })[0]!;
    store.close();
    expect(evidence.kind).toBe('fullpage');
    expect(finding.evidenceIds).toContain(evidenceId);
    const bytes = readFileSync(path.join(workspace, '评审', evidence.file));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(evidence.sha256);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    await page.click(`[data-testid="indicator-panel"] [data-evidence-id="${evidenceId}"]`);
    await page.waitForSelector('[data-testid="evidence-verify"]');
    await page.click('[data-testid="evidence-verify"]');
    await page.waitForFunction(() => document.body.textContent?.includes('SHA-256 校验一致'));
    await page.screenshot({ path: path.join(shots, 'e2e-review-evidence.png') });
    expect((await cli(workspace, 'verify', '评审')).code).toBe(0);
  });
});
