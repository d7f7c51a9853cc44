import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../helpers/chromium';
import { repoRoot, startServe } from '../helpers/cli-process';
import { clickStable } from '../helpers/click';
import { cli } from '../helpers/run-cli';
import { copyRuleset } from '../../electron/services/rulesets/library';
import { ruleset } from '../helpers/rulesets';

const COUNTY = 'class:county';

/** Screenshots without a tooltip left over from the last click. */
async function shot(page: Page, file: string) {
  await page.mouse.move(1, 700);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.waitForFunction(() => !document.querySelector('.ant-tooltip:not(.ant-tooltip-hidden)'));
  await page.screenshot({ path: file });
}

/** Replaces the number in an antd InputNumber (typing fires one change per key, merged into one undo step). */
async function typeNumber(page: Page, selector: string, value: string) {
  const input = (await page.waitForSelector(selector))!;
  await input.click({ clickCount: 3 });
  await input.type(value);
  await page.click('[data-testid="grades-panel"] .ant-typography');
}

const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

// Issue 16, the editor fields of issue 14: grade lines per class and the tie rule edited in the UI with live
// validation and undo, saved as a new version, the change read in the version browser, and its effect on an assessment.
describe('browser mode: grade lines, tie rule, undo and the version browser', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-ws-'));
  const shots = path.join(repoRoot, 'test-results');
  let server: Awaited<ReturnType<typeof startServe>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    // A library ruleset "based on zhanjiang-2021", as the library's 复制 makes it (first version).
    copyRuleset(workspace, ruleset('zhanjiang-2021'), 'nanling-2025', '南岭市2025年度考评方案');
    server = await startServe(workspace);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('edits a class grade line and the tie rule, saves version 2, shows the diff and scores an assessment with it', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 768 });
    await page.goto(server.url);
    await clickStable(page, '[data-testid="ruleset-library"]');
    await clickStable(page, '[data-testid="ruleset-nanling-2025"]');
    await page.waitForSelector('[data-testid="editor-title"]');

    // Grade lines for 第一类 only, starting from the general lines.
    await clickStable(page, '.ant-tabs-tab[data-node-key="grades"]');
    await clickStable(page, '[data-testid="grade-group-select"]');
    await clickStable(page, '.ant-select-item-option[title^="第一类"]');
    await clickStable(page, '[data-testid="grade-group-add"]');
    await page.waitForSelector(`[data-testid="grades-${COUNTY}"]`);
    await typeNumber(page, `[data-testid="grade-row-${COUNTY}-0"] .ant-input-number-input`, '85');

    // A line above the one before it: the row says so, the list above links to it, saving is refused.
    await typeNumber(page, `[data-testid="grade-row-${COUNTY}-1"] .ant-input-number-input`, '95');
    await page.waitForSelector('[data-testid="problem-count"]');
    expect(await text(page, `[data-testid="grade-row-${COUNTY}-1"]`)).toContain(
      '等次应从高到低排列：“良好”的分数线 95 不低于上一等次“优秀”的 85',
    );
    expect(await text(page, '[data-testid="problems"]')).toContain(
      '等次分数线（第一类（各县（市、区）政府，湛江经济技术开发区、奋勇高新区管委会））第 2 行',
    );
    expect(await page.$eval('[data-testid="save-ruleset"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);

    // Ctrl+Z undoes the whole typed number (one step), Ctrl+Shift+Z redoes it, Ctrl+Z again.
    await page.keyboard.down('Control');
    await page.keyboard.press('z');
    await page.keyboard.up('Control');
    await page.waitForFunction(() => !document.querySelector('[data-testid="problem-count"]'));
    const minOf = (row: number) =>
      page.$eval(`[data-testid="grade-row-${COUNTY}-${row}"] .ant-input-number-input`, (el) => (el as HTMLInputElement).value);
    expect([await minOf(0), await minOf(1)]).toEqual(['85', '80']);
    await page.keyboard.down('Control');
    await page.keyboard.down('Shift');
    await page.keyboard.press('z');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Control');
    await page.waitForSelector('[data-testid="problem-count"]');
    await clickStable(page, '[data-testid="undo"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="problem-count"]'));

    // Equal totals share a rank.
    await clickStable(page, '[data-testid="tie-rule"]');
    await clickStable(page, '.ant-select-item-option[title^="同分并列"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="tie-rule"]')?.textContent?.includes('同分并列'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, path.join(shots, 'ruleset-editor-grades-1366.png'));

    // A rule's problem phrase and the conditions of the check that feeds it (服务号 exempt, from 2 weeks on).
    await clickStable(page, '.ant-tabs-tab[data-node-key="tree"]');
    await clickStable(page, '[data-testid="tree-basic.newmedia.updates"]');
    await clickStable(page, 'tr[data-testid="rule-row-1"] .ant-table-row-expand-icon');
    const phrase = (await page.waitForSelector('[data-testid="rule-problem-1"]'))!;
    await phrase.click({ clickCount: 3 });
    await phrase.type('政务新媒体每周更新少于1次');
    const weekly = '[data-testid="detect-1-account.weekly"]';
    const atLeast = (await page.waitForSelector(`${weekly} .ant-input-number-input`))!;
    await atLeast.click();
    await atLeast.type('2');
    // An exemption that is not an attribute name: the rule's row turns red and says why.
    const unless = (await page.waitForSelector(`${weekly} .ant-select-selection-search-input`))!;
    await unless.click({ clickCount: 3 });
    await unless.type('服务号');
    await page.click('[data-testid="node-name"]');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="rule-details-1"]')?.textContent?.includes('豁免属性“服务号”无效'),
    );
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await clickStable(page, '[data-testid="undo"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="problem-count"]'));
    expect(await page.$eval(`${weekly} .ant-select-selection-search-input`, (el) => (el as HTMLInputElement).value)).toBe('serviceAccount');
    await page.$eval('[data-testid="rule-details-1"]', (el) => el.scrollIntoView({ block: 'end' }));
    await shot(page, path.join(shots, 'ruleset-editor-rule-1366.png'));

    // The detector's reading of an open rule: a "联系我们" link counts as contact details.
    await clickStable(page, '[data-testid="tree-basic.design.identity"]');
    await clickStable(page, 'tr[data-testid="rule-row-1"] .ant-table-row-expand-icon');
    await clickStable(page, '[data-testid="detect-1-footer.identity"] .ant-checkbox-wrapper');
    await page.waitForFunction(() => document.querySelector('[data-testid="detect-1-footer.identity"] .ant-checkbox-wrapper-checked'));

    await page.type('[data-testid="save-note"]', '第一类优秀线85，同分并列');
    await clickStable(page, '[data-testid="save-ruleset"]');
    await page.waitForFunction(() => document.querySelector('.ant-card-head')?.textContent?.includes('第 2 版'));

    // The version browser: both versions with their notes, and what changed from 1 to 2.
    await clickStable(page, '.ant-tabs-tab[data-node-key="versions"]');
    await page.waitForSelector('[data-testid="version-row-1"]');
    expect(await text(page, '[data-testid="version-row-2"]')).toContain('第一类优秀线85，同分并列');
    expect(await text(page, '[data-testid="version-row-1"]')).toContain('复制自 zhanjiang-2021');
    await page.waitForFunction(() => document.querySelector('[data-testid="version-diff"]')?.textContent?.includes('同分排名'));
    const diff = await text(page, '[data-testid="version-diff"]');
    expect(diff).toContain('等次分数线（第一类（各县（市、区）政府，湛江经济技术开发区、奋勇高新区管委会））优秀≥85、良好≥80、合格≥60');
    expect(diff).toContain('同分按名单顺序依次排名（1、2、3） → 同分并列（1、1、3）');
    expect(diff).toContain(
      '政务新媒体/内容更新第1条：问题短语 “每周更新少于1次” → “政务新媒体每周更新少于1次”，自动检查 新媒体每周更新少于 1 次（服务号时不计） → 新媒体每周更新少于 1 次（2 处起，服务号时不计）',
    );
    expect(diff).toContain(
      '功能设计/网站标识第1条：自动检查 页面底部网站标识信息不全 → 页面底部网站标识信息不全（“联系我们”链接算作联系方式）',
    );
    await page.waitForFunction(() => !document.querySelector('[data-testid="versions-panel"] .ant-spin-blur'));
    await shot(page, path.join(shots, 'ruleset-versions-1366.png'));

    // Version 1 read-only: no class lines there, and no way to edit it.
    await clickStable(page, '[data-testid="view-version-1"]');
    await page.waitForSelector('[data-testid="read-only"]');
    await clickStable(page, '.ant-tabs-tab[data-node-key="grades"]');
    await page.waitForSelector('[data-testid="grades-panel"]');
    expect(await page.$(`[data-testid="grades-${COUNTY}"]`)).toBeNull();
    expect(await page.$eval('[data-testid="tie-rule"]', (el) => [el.classList.contains('ant-select-disabled'), el.textContent])).toEqual([
      true,
      '同分按名单顺序依次排名（1、2、3）',
    ]);
    expect(await page.$eval('[data-testid="grade-group-add"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await page.$('[data-testid="save-ruleset"]')).toBeNull();
    await clickStable(page, '[data-testid="open-latest"]');
    await page.waitForFunction(
      () =>
        !document.querySelector('[data-testid="read-only"]') && document.querySelector('.ant-card-head')?.textContent?.includes('第 2 版'),
    );

    // An assessment with version 2.
    await page.goto(server.url);
    await page.reload();
    await clickStable(page, '[data-testid="new-assessment"]');
    await page.waitForSelector('[data-testid="assessment-name-input"]');
    await page.type('[data-testid="assessment-name-input"]', '南岭市2025年度考评');
    await page.click('[data-testid="ruleset-select"]');
    await clickStable(page, '.ant-select-item-option[title*="南岭市2025"]');
    await page.click('.ant-modal-footer .ant-btn-primary');
    await page.waitForFunction(() => window.location.hash.includes('a='));
    await page.close();

    const folder = readdirSync(workspace).find((f) => f !== 'rulesets' && !f.startsWith('.'))!;
    const dir = path.join(workspace, folder);
    const sites = [
      ['东岭县人民政府', 'www.dongling.gov.cn', 1300],
      ['西岭县人民政府', 'www.xiling.gov.cn', 1300],
      ['北岭县人民政府', 'www.beiling.gov.cn', 0],
    ] as const;
    for (const [name, url, count] of sites) {
      expect((await cli(workspace, 'targets', 'add', dir, '--name', name, '--url', url, '--class', '第一类')).code).toBe(0);
      if (count)
        expect(
          (
            await cli(
              workspace,
              'findings',
              'add',
              dir,
              '--target',
              name,
              '--indicator',
              '健康情况/常态化监管',
              '--rule',
              '1',
              '--count',
              String(count),
            )
          ).code,
        ).toBe(0);
      // Scores are graded and ranked once the review is marked done (issue 14).
      expect((await cli(workspace, 'review', 'done', dir, '--target', name)).code).toBe(0);
    }
    const scored = await cli(workspace, 'score', dir, '--json');
    expect(scored.code).toBe(0);
    const rows = (JSON.parse(scored.stdout) as { targets: { name: string; total: number; grade: string; rank: number }[] }).targets;
    // 87 is 良好 under the general lines (优秀 from 90) and 优秀 under 第一类's 85; the two 87s share rank 2.
    expect(rows.map((r) => [r.name, r.total, r.grade, r.rank])).toEqual([
      ['东岭县人民政府', 87, '优秀', 2],
      ['西岭县人民政府', 87, '优秀', 2],
      ['北岭县人民政府', 100, '优秀', 1],
    ]);
  });
});
