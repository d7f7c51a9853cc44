import { mkdirSync, mkdtempSync, readdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { clickStable } from '../helpers/click';
import { launchChromium } from '../helpers/chromium';
import { repoRoot, startServe } from '../helpers/cli-process';
import { openAssessment } from '../../electron/services/store/open';

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
    // Issue 14: the document facts and per-kind grade lines are set at creation.
    await page.type('[data-testid="assessment-region-input"]', '南岭市');
    await page.type('[data-testid="assessment-issuer-input"]', '南岭市人民政府办公室');
    await page.type('[data-testid="assessment-grades-input"]', '网站=优秀:85,良好:75,合格:60;新媒体=合格:60');
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

    // 考评设置: the quarter and sampling window, saved through the dialog.
    await page.click('[data-testid="assessment-name"]');
    await page.waitForSelector('[data-testid="settings"]');
    await page.click('[data-testid="settings"]');
    await page.waitForSelector('[data-testid="setting-period"]');
    await page.type('[data-testid="setting-period"]', 'q2');
    await page.type('[data-testid="setting-sampling"]', '2025-04-01~2025-07-05');
    await page.click('[data-testid="settings-save"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="setting-period"]'));
    const store = openAssessment(path.join(workspace, folders[0]!));
    const info = store.info();
    store.close();
    expect([info.region, info.issuer]).toEqual(['南岭市', '南岭市人民政府办公室']);
    expect(info.settings).toMatchObject({
      period: 'q2',
      samplingFrom: '2025-04-01',
      samplingTo: '2025-07-05',
      grades: {
        byKind: {
          website: [
            { name: '优秀', min: 85 },
            { name: '良好', min: 75 },
            { name: '合格', min: 60 },
          ],
          account: [{ name: '合格', min: 60 }],
        },
      },
    });
  });
});
