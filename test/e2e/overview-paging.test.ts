import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../helpers/chromium';
import { repoRoot, startServe } from '../helpers/cli-process';
import { clickStable } from '../helpers/click';
import { sampleSites } from '../../electron/services/demo/sample-sites';
import { serveSampleSite, type RunningSite } from '../../electron/services/demo/site-server';
import { createAssessment } from '../../electron/services/store/open';
import { ruleset } from '../helpers/rulesets';

const WEBSITES = 130;
const ACCOUNTS = 40;
const units = Array.from({ length: WEBSITES }, (_, i) => `单位${i + 1}`);
const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

// The overview of a larger assessment in browser mode: searched and paged on the
// host, and a finding recorded in the review workspace updates the target list in
// place from the action's delta, without asking for the overview again.
describe('browser mode: the paged overview', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-paging-'));
  const shots = path.join(repoRoot, 'test-results');
  let site: RunningSite;
  let server: Awaited<ReturnType<typeof startServe>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    site = await serveSampleSite(sampleSites(new Date()).find((s) => s.key === 'county')!);
    const zj = ruleset('zhanjiang-2021');
    const store = createAssessment(path.join(workspace, 'big'), {
      name: '分页考评',
      year: 2025,
      rulesetId: zj.id,
      rulesetSnapshot: zj,
      gradeBands: zj.grades.bands,
    });
    const classes = ['county', 'city-service', 'city-noservice'];
    store.addTargets([
      ...units.map((unit, i) => ({
        kind: 'website' as const,
        unit,
        name: `${unit}门户网站`,
        url: i === 0 ? site.url : `http://s${i + 1}.example.gov.cn/`,
        classId: classes[i % 3]!,
        attributes: {},
        identifier: null,
        platform: null,
      })),
      ...Array.from({ length: ACCOUNTS }, (_, i) => ({
        kind: 'account' as const,
        unit: `媒体中心${i + 1}`,
        name: `账号${i + 1}`,
        url: null,
        classId: 'account',
        attributes: {},
        identifier: `ID${i + 1}`,
        platform: '微信',
      })),
    ]);
    store.close();
    server = await startServe(workspace);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
  });

  it('searches and pages on the host, and records a finding without reloading the overview', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 768 });
    let overviewRequests = 0;
    page.on('request', (r) => {
      if (r.url().includes(`/api/${encodeURIComponent('assessment/overview')}`)) overviewRequests++;
    });
    await page.goto(`${server.url}#a=big`);
    await page.waitForFunction(() => document.querySelector('[data-testid="overview-matched"]')?.textContent === '共 170 个考评对象');
    // One page crosses: 50 rows of 170, and the numbers per class above them.
    expect(await page.$$eval('.ant-table-row', (rows) => rows.length)).toBe(50);
    expect(await text(page, '[data-testid="class-summary-county"]')).toContain('第一类（网站）44 个：评审完毕 0');
    await page.screenshot({ path: path.join(shots, 'e2e-overview.png') });

    // Search on the host.
    const search = 'input[data-testid="overview-search"], [data-testid="overview-search"] input';
    await page.type(search, '单位12');
    await page.keyboard.press('Enter');
    const found = units.filter((u) => u.includes('单位12')).length;
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="overview-matched"]')?.textContent === `共 ${n} 个考评对象`,
      {},
      found,
    );
    expect(await page.$$eval('.ant-table-row td:nth-child(2)', (cells) => cells.map((c) => c.textContent))).toEqual(
      units.filter((u) => u.includes('单位12')),
    );

    // Clear the search, filter to websites, page 3 of them.
    await page.click(search, { count: 3 });
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="overview-matched"]')?.textContent === '共 170 个考评对象');
    await clickStable(page, '[data-testid="filter-kind"]');
    await clickStable(page, '.ant-select-item-option[title="网站"]');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="overview-matched"]')?.textContent === `共 ${n} 个考评对象`,
      {},
      WEBSITES,
    );
    await clickStable(page, '.ant-pagination-item-3');
    await page.waitForFunction(() => document.querySelector('.ant-table-row td:nth-child(2)')?.textContent === '单位101');
    expect(await page.$$eval('.ant-table-row', (rows) => rows.length)).toBe(WEBSITES - 100);
    await page.screenshot({ path: path.join(shots, 'e2e-overview-paged.png') });
    // Reviewing a target and coming back returns to the same filter and page.
    await page.click('[data-testid="review-101"]');
    await page.waitForSelector('[data-testid="review-screen"]');
    await page.click('[aria-label="返回考评"]');
    await page.waitForFunction(() => document.querySelector('.ant-table-row td:nth-child(2)')?.textContent === '单位101');
    expect(await text(page, '[data-testid="overview-matched"]')).toBe(`共 ${WEBSITES} 个考评对象`);

    // The review workspace: the target list is paged too.
    await page.goto(`${server.url}#a=big&t=1`);
    await page.waitForSelector('[data-testid="review-screen"]');
    // At 1366×768 the target list starts folded (the site gets the width); the reviewer opens it.
    await clickStable(page, '[data-testid="unfold-left"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="target-list-count"]')?.textContent === '已显示 100 / 170');
    await clickStable(page, '[data-testid="target-list-more"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="target-list-count"]')?.textContent === '已显示 170 / 170');
    await page.waitForFunction(() => document.querySelector('[data-testid="review-total"]')?.textContent === '100');
    const before = overviewRequests;

    await clickStable(page, '[data-testid="indicator-basic.health.availability"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="indicator-path"]')?.textContent === '健康情况/可用性');
    await page.click('[data-testid="add-finding-1"]');
    await page.waitForSelector('[data-testid="finding-form"]');
    await page.click('input[data-testid="finding-count"], [data-testid="finding-count"] input', { count: 3 });
    await page.type('input[data-testid="finding-count"], [data-testid="finding-count"] input', '2');
    await page.click('[data-testid="finding-save"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="review-total"]')?.textContent === '99.6');
    // The list row shows the new provisional score at once: it came with the action.
    await page.waitForFunction(() => document.querySelector('[data-testid="target-1"]')?.textContent?.includes('暂计 99.6'));
    // Marking the indicator reviewed updates the row's progress the same way.
    const progress = await text(page, '[data-testid="target-1"]');
    await page.click('[data-testid="mark-reviewed"]');
    await page.waitForFunction((was) => document.querySelector('[data-testid="target-1"]')?.textContent !== was, {}, progress);
    expect(await text(page, '[data-testid="target-1"]')).toMatch(/^单位1暂计 99\.61\/\d+$/u);
    expect(overviewRequests).toBe(before);
    expect(await text(page, '[data-testid="target-list-count"]')).toBe('已显示 170 / 170');
    await page.screenshot({ path: path.join(shots, 'e2e-overview-delta.png') });
  });
});
