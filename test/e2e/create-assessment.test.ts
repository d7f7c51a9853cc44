import { mkdirSync, mkdtempSync, readdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { clickStable } from '../helpers/click';
import { launchChromium } from '../helpers/chromium';
import { repoRoot, startServe } from '../helpers/cli-process';

// The real UI, built by `npm test`'s build step, served by `kaoping serve` and
// driven in Debian's Chromium: create an assessment, reload, see it persisted.
describe('browser mode: creating an assessment', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-ws-'));
  let server: Awaited<ReturnType<typeof startServe>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServe(workspace);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('refuses API calls without the token', async () => {
    const origin = new URL(server.url).origin;
    const response = await fetch(`${origin}/api/assessments/list`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
  });

  it('creates an assessment through the dialog and lists it after a reload', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 800 });
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="new-assessment"]');
    expect(await page.content()).toContain('还没有考评');

    await page.click('[data-testid="new-assessment"]');
    await page.waitForSelector('[data-testid="assessment-name-input"]');
    await page.type('[data-testid="assessment-name-input"]', '2025年度政府网站考评');
    await page.click('[data-testid="ruleset-select"]');
    await clickStable(page, '.ant-select-item-option[title*="湛江"]');
    const shots = path.join(repoRoot, 'test-results');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'e2e-create-dialog.png') });
    await page.click('.ant-modal-footer .ant-btn-primary');

    // Creating opens the assessment; go back to the list through a full reload.
    await page.waitForFunction(() => window.location.hash.includes('a='));
    await page.goto(server.url);
    await page.waitForSelector('[data-testid="assessment-name"]');
    const names = await page.$$eval('[data-testid="assessment-name"]', (els) => els.map((e) => e.textContent));
    expect(names).toEqual(['2025年度政府网站考评']);
    await page.screenshot({ path: path.join(shots, 'e2e-assessment-list.png') });

    const folders = readdirSync(workspace);
    expect(folders).toHaveLength(1);
    expect(existsSync(path.join(workspace, folders[0]!, 'assessment.sqlite'))).toBe(true);
  });
});
