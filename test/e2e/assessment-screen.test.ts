import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, ElementHandle } from 'puppeteer-core';
import { launchChromium } from '../helpers/chromium';
import { repoRoot, startServe } from '../helpers/cli-process';
import { cli } from '../helpers/run-cli';
import { clickStable } from '../helpers/click';
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';

const sample = path.join(repoRoot, 'resources/samples/zhanjiang-2021-targets.xlsx');

// The assessment screen in browser mode: import the annex-1 list with a preview,
// see the scored targets, verify the data and download an export.
describe('browser mode: the assessment screen', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-ws-'));
  const shots = path.join(repoRoot, 'test-results');
  let server: Awaited<ReturnType<typeof startServe>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    await cli(workspace, 'new', '湛江2021', '--ruleset', 'zhanjiang-2021', '--year', '2021', '--name', '湛江市2021年度考评');
    server = await startServe(workspace);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('imports targets after a preview, scores them and exports a file that downloads', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1440, height: 900 });
    await page.goto(`${server.url}#a=${encodeURIComponent('湛江2021')}`);
    await page.waitForFunction(() => document.querySelector('[data-testid="assessment-title"]')?.textContent === '湛江市2021年度考评');

    await page.click('[data-testid="import-targets"]');
    const input = (await page.waitForSelector('.ant-modal input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(sample);
    await page.waitForSelector('[data-testid="import-preview"]');
    const previewText = await page.$eval('[data-testid="import-preview"]', (el) => el.textContent ?? '');
    expect(previewText).toContain('第一类11 个');
    expect(previewText).toContain('政务新媒体233 个');
    await page.screenshot({ path: path.join(shots, 'e2e-import-preview.png') });
    await page.click('[data-testid="confirm-import"]');
    await page.waitForFunction(() => document.body.textContent?.includes('共 280 个考评对象'));
    // The dialog fades out; clicks land on its mask until it is gone.
    await page.waitForFunction(() => !document.querySelector('.ant-modal-wrap:not([style*="display: none"])'));

    await page.click('[data-testid="verify"]');
    await page.waitForSelector('[data-testid="verify-result"]');
    expect(await page.$eval('[data-testid="verify-result"]', (el) => el.textContent)).toContain('校验通过');
    await page.screenshot({ path: path.join(shots, 'e2e-assessment-screen.png') });

    await page.click('[data-testid="export"]');
    await clickStable(page, '.ant-dropdown-menu-item:first-child');
    // The preview shows the annex before any file is written: classes as tables, units ranked.
    await page.waitForFunction(() => document.querySelector('[data-testid="export-preview"]')?.textContent?.includes('赤坎区人民政府'));
    await page.screenshot({ path: path.join(shots, 'e2e-export-preview.png') });
    // Nothing is reviewed yet: the preview says so and writing asks once more.
    expect(await page.$eval('[data-testid="export-incomplete"]', (el) => el.textContent)).toContain('尚有 280 个考评对象未评审完毕');
    await clickStable(page, '[data-testid="export-confirm"]');
    await clickStable(page, '[data-testid="export-incomplete-confirm"]');
    const link = await page.waitForSelector('[data-testid="export-link"]');
    const href = await link!.evaluate((a) => (a as HTMLAnchorElement).href);
    const response = await fetch(href);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // an xlsx (zip) file
    const onDisk = readFileSync(path.join(workspace, decodeURIComponent(new URL(href).pathname.slice('/files/'.length))));
    expect(onDisk.equals(bytes)).toBe(true);
  });

  it('hands out a self-evaluation template, takes it back filled and shows the claims beside the review', async () => {
    await cli(workspace, 'findings', 'add', '湛江2021', '--target', '赤坎区人民政府', '--indicator', '健康情况/可用性', '--count', '2');
    const page = await browser.newPage();
    await page.setViewport({ width: 1440, height: 900 });
    await page.goto(`${server.url}#a=${encodeURIComponent('湛江2021')}`);
    await page.waitForSelector('[data-testid="tab-selfeval"]');
    await page.click('[data-testid="tab-selfeval"]');
    await page.click('[data-testid="selfeval-target"]');
    await page.type('[data-testid="selfeval-target"] input', '赤坎区');
    await clickStable(page, '.ant-select-item-option[title="赤坎区人民政府"]');
    await page.click('[data-testid="selfeval-template"]');
    const link = await page.waitForSelector('[data-testid="selfeval-template-link"]');
    const href = await link!.evaluate((a) => (a as HTMLAnchorElement).href);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await fetch(href)).arrayBuffer()) as ArrayBuffer);
    const ws = wb.getWorksheet('自查自评表')!;
    for (let r = 8; r <= ws.rowCount; r++) {
      if (ws.getRow(r).getCell(3).value === '可用性') {
        ws.getRow(r).getCell(6).value = 1;
        ws.getRow(r).getCell(7).value = '首页链接均可打开';
      }
    }
    const filled = path.join(workspace, '赤坎区人民政府_自查自评表.xlsx');
    writeFileSync(filled, Buffer.from(await wb.xlsx.writeBuffer()));
    const input = (await page.waitForSelector('.ant-tabs-tabpane-active input[type=file]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(filled);
    await page.waitForFunction(() => document.body.textContent?.includes('已导入：赤坎区人民政府_自查自评表.xlsx → 赤坎区人民政府'));
    await page.waitForSelector('.ant-tabs-tabpane-active .ant-tag-red');
    const flagged = await page.$eval('.ant-tabs-tabpane-active tr:has(.ant-tag-red)', (tr) => tr.textContent ?? '');
    // 可用性: claimed 1, reviewer 1 − 2 × 0.2 = 0.6, difference +0.4
    expect(flagged).toContain('可用性');
    expect(flagged).toContain('+0.4');
    expect(flagged).toContain('首页链接均可打开');
    await page.screenshot({ path: path.join(shots, 'e2e-selfeval.png') });
    await page.click('[data-testid="selfeval-export-diff"]');
    const diffLink = await page.waitForSelector('[data-testid="selfeval-diff-link"]');
    const diffBook = new ExcelJS.Workbook();
    await diffBook.xlsx.load(
      (await (await fetch(await diffLink!.evaluate((a) => (a as HTMLAnchorElement).href))).arrayBuffer()) as ArrayBuffer,
    );
    expect(diffBook.worksheets[0]!.getRow(3).getCell(3).value).toBe('可用性');
  });
});
