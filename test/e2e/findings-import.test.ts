import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { launchChromium } from '../helpers/chromium';
import { startServe } from '../helpers/cli-process';
import { cli } from '../helpers/run-cli';

async function findingsSheet(dir: string, name: string, rows: (string | number)[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('问题清单');
  [['考评对象', '指标', '评分细则', '次数', '说明'], ...rows].forEach((r) => ws.addRow(r));
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

async function upload(page: Page, file: string) {
  await page.click('[data-testid="import-findings"]');
  const input = (await page.waitForSelector('.ant-modal input[type=file]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  await page.waitForSelector('[data-testid="findings-preview"]');
  return page.$eval('[data-testid="findings-preview"]', (el) => el.textContent ?? '');
}

// Findings in bulk from the assessment screen: errors named by row and column, then all or nothing.
describe('browser mode: findings imported from a spreadsheet', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-ws-'));
  let server: Awaited<ReturnType<typeof startServe>>;
  let browser: Browser;

  beforeAll(async () => {
    await cli(workspace, 'new', 'a', '--ruleset', 'zhanjiang-2021', '--name', '南岭市2025年度考评');
    await cli(
      workspace,
      'targets',
      'add',
      'a',
      '--name',
      '南岭县人民政府门户网站',
      '--unit',
      '南岭县人民政府',
      '--url',
      'http://www.nanling.gov.cn',
    );
    server = await startServe(workspace);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows every error without writing, then imports a clean file once', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 768 });
    await page.goto(`${server.url}#a=a`);
    await page.waitForFunction(() => document.querySelector('[data-testid="assessment-title"]')?.textContent === '南岭市2025年度考评');

    const bad = await findingsSheet(workspace, '有错的问题表.xlsx', [['北岭县人民政府', '健康情况/可用性', 1, 1, '']]);
    const badText = await upload(page, bad);
    expect(badText).toContain('1 处错误，不能导入');
    expect(badText).toContain('有错的问题表.xlsx 工作表“问题清单” 第2行 A列：找不到考评对象“北岭县人民政府”');
    expect(await page.$eval('[data-testid="confirm-findings-import"]', (el) => (el as HTMLButtonElement).disabled)).toBe(true);
    await page.click('.ant-modal-footer button:not([data-testid])');
    await page.waitForFunction(() => !document.querySelector('.ant-modal-wrap:not([style*="display: none"])'));

    const good = await findingsSheet(workspace, '问题表.xlsx', [
      ['南岭县人民政府', '健康情况/可用性', 1, 3, '首页 3 个链接打不开'],
      ['南岭县人民政府', '健康情况/内容安全', 2, 1, ''],
    ]);
    expect(await upload(page, good)).toContain('问题表.xlsx：2 条问题，涉及 1 个考评对象');
    await page.click('[data-testid="confirm-findings-import"]');
    await page.waitForFunction(() => document.body.textContent?.includes('已导入 2 条问题'));

    const score = JSON.parse((await cli(workspace, 'score', 'a', '--json')).stdout) as { targets: { total: number }[] };
    // 可用性 −0.6 (3 × 0.2), 内容安全 −0.5.
    expect(score.targets[0]!.total).toBe(98.9);
    await page.close();
  });
});
