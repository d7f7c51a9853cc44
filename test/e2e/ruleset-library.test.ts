import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, ElementHandle } from 'puppeteer-core';
import { launchChromium } from '../helpers/chromium';
import { repoRoot, startServe } from '../helpers/cli-process';
import { clickStable } from '../helpers/click';
import { docxBytes } from '../../scripts/fixtures/docx-writer';
import { openAssessment } from '../../electron/services/store/open';
import ExcelJS from 'exceljs';

/** A small office Word scheme: a 考评对象 section and a table whose one rule has no standard wording. */
function schemeFile(dir: string): string {
  const file = path.join(dir, '南岭市2025年度政府网站考评方案.docx');
  writeFileSync(
    file,
    docxBytes([
      { para: '南岭市2025年度政府网站考评方案' },
      { para: '二、考评对象' },
      { para: '第一类：各县（区）政府门户网站（共 2 个）。' },
      { para: '三、考评内容' },
      { para: '一、基础性指标（１０分）' },
      {
        table: [
          [{ text: '一级指标' }, { text: '二级指标' }, { text: '评分细则' }, { text: '分值' }],
          [
            { text: '健康情况\n（６分）', vMerge: 'restart' },
            { text: '可用性' },
            { text: '１．首页链接打不开的，每发现一处扣0.2分，扣完为止。' },
            { text: '２' },
          ],
          [{ text: '', vMerge: 'continue' }, { text: '常态化监管' }, { text: '根据各季度检查扣分情况按比重扣分。' }, { text: '４' }],
          [
            { text: '发布解读\n（４分）' },
            { text: '动态要闻' },
            { text: '１．未开设动态要闻栏目的，此项不得分。\n２．监测时间点前2周内未更新的，此项不得分。' },
            { text: '４' },
          ],
        ],
      },
    ]),
  );
  return file;
}

// Import a scheme file in the UI, fix the rule it flagged in the editor, create an assessment with it.
describe('browser mode: the ruleset library', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-ws-'));
  const shots = path.join(repoRoot, 'test-results');
  let server: Awaited<ReturnType<typeof startServe>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServe(workspace);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('imports a Word scheme, resolves its flagged rule in the editor and creates an assessment from it', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1440, height: 900 });
    await page.goto(server.url);
    await clickStable(page, '[data-testid="ruleset-library"]');
    const input = (await page.waitForSelector('input[type=file][accept=".docx,.xlsx,.json"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(schemeFile(mkdtempSync(path.join(os.tmpdir(), 'kaoping-scheme-'))));

    // The import opens the editor on the new ruleset with its one open question.
    await page.waitForSelector('[data-testid="pending-count"]');
    expect(await page.$eval('[data-testid="editor-title"]', (el) => el.textContent)).toBe('南岭市2025年度政府网站考评方案');
    expect(await page.$eval('[data-testid="pending-count"]', (el) => el.textContent)).toBe('1 项待决定');
    await clickStable(page, '.ant-tabs-tab[data-node-key="pending"]');
    await clickStable(page, '[data-testid="locate-d1"]');
    await page.waitForSelector('[data-testid="node-panel"] [data-testid="rule-row-1"]');
    expect(await page.$eval('[data-testid="node-name"]', (el) => (el as HTMLInputElement).value)).toBe('常态化监管');

    // The flagged rule: per occurrence, 0.01 a point (the quarterly deductions in hundredths).
    await clickStable(page, '[data-testid="rule-kind-1"]');
    await clickStable(page, '.ant-select-item-option[title="每处扣分"]');
    const points = (await page.waitForSelector('tr[data-testid="rule-row-1"] .ant-input-number-input'))!;
    await points.click({ clickCount: 3 });
    await points.type('0.01');
    await page.click('[data-testid="node-name"]');
    await clickStable(page, '[data-testid="resolve-d1"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="pending-count"]'));
    await page.screenshot({ path: path.join(shots, 'e2e-ruleset-editor.png') });

    // Live preview with the same engine: 125 hundredths off 常态化监管 → 8.75.
    await clickStable(page, '.ant-tabs-tab[data-node-key="preview"]');
    await clickStable(page, '[data-testid="preview-add-finding"]');
    await clickStable(page, '[data-testid="preview-panel"] .ant-table-row .ant-select');
    await clickStable(page, '.ant-select-item-option[title="健康情况/常态化监管"]');
    // The row's inputs: rule number, then count.
    const counts = await page.$$('[data-testid="preview-panel"] .ant-table-row .ant-input-number-input');
    await counts[1]!.click({ clickCount: 3 });
    await counts[1]!.type('125');
    await page.waitForFunction(() => document.querySelector('[data-testid="preview-result"]')?.textContent?.includes('8.75'));

    await page.type('[data-testid="save-note"]', '常态化监管按每0.01分一处计');
    await clickStable(page, '[data-testid="save-ruleset"]');
    await page.waitForFunction(() => document.querySelector('.ant-card-head')?.textContent?.includes('第 2 版'));

    // Create an assessment with it from the assessment list.
    await page.goto(server.url);
    await page.reload();
    await clickStable(page, '[data-testid="new-assessment"]');
    // The dialog's form mounts after the click settles: wait for it rather than typing into nothing.
    await page.waitForSelector('[data-testid="assessment-name-input"]');
    await page.type('[data-testid="assessment-name-input"]', '南岭市2025年度考评');
    await page.click('[data-testid="ruleset-select"]');
    await clickStable(page, '.ant-select-item-option[title*="南岭市2025"]');
    await page.click('.ant-modal-footer .ant-btn-primary');
    await page.waitForFunction(() => window.location.hash.includes('a='));

    // A target list whose heading does not name the class: the preview asks, the reviewer picks.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('名单');
    for (const row of [
      ['一、区县网站名单（共 2 个）'],
      ['序号', '主管单位', '网址'],
      ['1', '南岭县人民政府', 'www.nanling.gov.cn'],
      ['2', '北岭县人民政府', 'www.beiling.gov.cn'],
    ])
      sheet.addRow(row);
    const list = path.join(mkdtempSync(path.join(os.tmpdir(), 'kaoping-list-')), '区县名单.xlsx');
    await book.xlsx.writeFile(list);
    await page.waitForSelector('[data-testid="import-targets"]');
    await clickStable(page, '[data-testid="import-targets"]');
    const listInput = (await page.waitForSelector('.ant-modal input[type=file]')) as ElementHandle<HTMLInputElement>;
    await listInput.uploadFile(list);
    await page.waitForSelector('[data-testid="import-sections"]');
    expect(await page.$eval('[data-testid="import-preview"]', (el) => el.textContent ?? '')).toContain('请指定它属于哪一类');
    await clickStable(page, '[data-testid="import-sections"] .ant-select');
    await clickStable(page, '.ant-select-item-option[title="第一类 各县（区）政府门户网站"]');
    await page.waitForFunction(() => !(document.querySelector('[data-testid="confirm-import"]') as HTMLButtonElement | null)?.disabled);
    await page.screenshot({ path: path.join(shots, 'e2e-import-class-map.png') });
    await page.click('[data-testid="confirm-import"]');
    await page.waitForFunction(() => document.body.textContent?.includes('共 2 个考评对象'));

    const folder = readdirSync(workspace).find((f) => f !== 'rulesets' && !f.startsWith('.'))!;
    const store = openAssessment(path.join(workspace, folder));
    const snapshot = store.rulesetSnapshot();
    const classes = store.listTargets().map((t) => t.classId);
    store.close();
    expect(classes).toEqual(['class-1', 'class-1']);
    expect(snapshot.libraryVersion).toBe(2);
    expect(snapshot.pending).toBeUndefined();
    expect(snapshot.parts[0]!.sections[0]!.indicators[1]!.rules[0]).toMatchObject({ kind: 'per-occurrence', points: 0.01 });
  });
});
