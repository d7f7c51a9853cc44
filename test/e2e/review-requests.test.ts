import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, ElementHandle } from 'puppeteer-core';
import { launchChromium } from '../helpers/chromium';
import { repoRoot, startServe } from '../helpers/cli-process';
import { cli } from '../helpers/run-cli';
import { clickStable } from '../helpers/click';

// The 反馈与复核 tab: requests with their window, a decision that moves the score, and a disputed indicator opening the review workspace there.
describe('browser mode: feedback and review requests', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-ws-rr-'));
  const shots = path.join(repoRoot, 'test-results');
  let server: Awaited<ReturnType<typeof startServe>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    await cli(workspace, 'new', 'a', '--ruleset', 'zhanjiang-2021', '--year', '2022', '--name', '2022年度考评');
    await cli(workspace, 'targets', 'add', 'a', '--name', '南岭县人民政府门户网站', '--url', 'www.nanling.gov.cn', '--class', '第一类');
    await cli(workspace, 'targets', 'add', 'a', '--name', '北岭县人民政府门户网站', '--url', 'www.beiling.gov.cn', '--class', '第一类');
    await cli(workspace, 'findings', 'add', 'a', '--target', '南岭县人民政府门户网站', '--indicator', '健康情况/可用性', '--count', '3');
    await cli(workspace, 'findings', 'add', 'a', '--target', '北岭县人民政府门户网站', '--indicator', '健康情况/可用性', '--count', '2');
    // Ranks are given to fully reviewed targets only.
    await cli(workspace, 'review', 'done', 'a', '--target', '南岭县人民政府门户网站');
    await cli(workspace, 'review', 'done', 'a', '--target', '北岭县人民政府门户网站');
    await cli(workspace, 'feedback', 'a', '--out', 'a/exports/feedback', '--sent', '2022-09-30');
    await cli(
      workspace,
      'review-request',
      'add',
      'a',
      '--target',
      '南岭县人民政府门户网站',
      '--indicator',
      '健康情况/可用性',
      '--reason',
      '链接为临时维护',
      '--received',
      '2022-10-10',
    );
    await cli(
      workspace,
      'review-request',
      'add',
      'a',
      '--target',
      '北岭县人民政府门户网站',
      '--indicator',
      '健康情况/可用性',
      '--reason',
      '链接正常',
      '--received',
      '2022-10-11',
    );
    server = await startServe(workspace);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists requests with their window, accepts one (rank changes) and opens the disputed indicator', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1440, height: 900 });
    await page.goto(`${server.url}#a=a`);
    await page.waitForSelector('[data-testid="tab-review-requests"]');
    await page.click('[data-testid="tab-review-requests"]');
    await page.waitForFunction(
      () => document.body.textContent?.includes('期限内（第 3 个工作日）') && document.body.textContent?.includes('逾期（第 4 个工作日）'),
    );
    // The late request cannot be accepted.
    expect(await page.$eval('[data-testid="rr-accept-2"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);

    await clickStable(page, '[data-testid="rr-accept-1"]');
    await page.waitForSelector('[data-testid="ask-input"]');
    await page.type('[data-testid="ask-input"]', '核实为临时维护');
    await clickStable(page, '.ant-modal-confirm .ant-btn-primary');
    await page.waitForFunction(() => document.body.textContent?.includes('排名 2 → 1'));
    await page.screenshot({ path: path.join(shots, 'e2e-review-requests.png') });

    // Preliminary results from the tab (sent today: the window still counts from the first sending).
    await clickStable(page, '[data-testid="feedback-create"]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="feedback-result"]')?.textContent?.includes('已生成 2 个单位的反馈单'),
    );

    // A request entered through the dialog, with an attachment.
    await clickStable(page, '[data-testid="rr-add"]');
    await clickStable(page, '.ant-modal [data-testid="rr-target"]');
    await page.keyboard.type('北岭县');
    // The host searches: Enter once the match is the active option.
    await page.waitForFunction(() => document.querySelector('.ant-select-item-option-active')?.textContent?.includes('北岭县'));
    await page.keyboard.press('Enter');
    await clickStable(page, '.ant-modal [data-testid="rr-indicators"]');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.ant-select-item-option')].some((o) => o.textContent?.includes('健康情况/可用性')),
    );
    await page.keyboard.type('可用性');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.type('[data-testid="rr-reason"]', '补充说明：链接已恢复');
    const file = path.join(workspace, '补充说明.txt');
    writeFileSync(file, '链接已恢复');
    const input = (await page.$('.ant-modal input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await clickStable(page, '.ant-modal-footer .ant-btn-primary');
    await page.waitForFunction(
      () =>
        document.body.textContent?.includes('补充说明：链接已恢复') && document.body.textContent?.includes('复核申请附件：补充说明.txt'),
    );

    await page.$eval('[data-testid="rr-item-2"] a', (a) => (a as HTMLElement).click());
    await page.waitForFunction(() => document.querySelector('[data-testid="indicator-path"]')?.textContent?.includes('健康情况/可用性'));
    expect(page.url()).toContain('i=basic.health.availability');
  });
});
