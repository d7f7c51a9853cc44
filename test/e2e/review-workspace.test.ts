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
import { reviewNotes } from '../../electron/services/checks/review-notes';

const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

// The review workspace in browser mode, on a fixture site on loopback: open a
// target, capture a full-page screenshot, record a finding with it, see the score
// change, reload and find it all there, and check the evidence hash.
describe('browser mode: the review workspace', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-review-'));
  const shots = path.join(repoRoot, 'test-results');
  let site: RunningSite;
  let dept: RunningSite;
  let server: Awaited<ReturnType<typeof startServe>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    site = await serveSampleSite(sampleSites(new Date()).find((s) => s.key === 'county')!);
    dept = await serveSampleSite(sampleSites(new Date()).find((s) => s.key === 'department')!);
    await cli(workspace, 'new', '评审', '--ruleset', 'zhanjiang-2021', '--year', '2025', '--name', '2025年度考评');
    await cli(workspace, 'targets', 'add', '评审', '--name', '南岭县人民政府门户网站', '--url', site.url, '--class', '第一类');
    await cli(workspace, 'targets', 'add', '评审', '--name', '南岭市教育局', '--url', dept.url, '--class', '第二类');
    server = await startServe(workspace);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
    await dept?.close();
  });

  it('captures evidence, records a finding with it, rescores, and keeps it all after a reload', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1600, height: 1000 });
    await page.goto(`${server.url}#a=${encodeURIComponent('评审')}&t=1`);
    await page.waitForSelector('[data-testid="review-screen"]');
    // The site is drawn from the headless browser's screenshots, its address in the bar.
    await page.waitForSelector('[data-testid="page-view"] img');
    await page.waitForFunction(
      (home) =>
        (document.querySelector('[data-testid="address-bar"] input, input[data-testid="address-bar"]') as HTMLInputElement | null)
          ?.value === home,
      {},
      site.url,
    );
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
    // The viewer animates in: a click during the animation lands nowhere.
    await clickStable(page, '[data-testid="evidence-verify"]');
    await page.waitForFunction(() => document.body.textContent?.includes('SHA-256 校验一致'));
    await page.screenshot({ path: path.join(shots, 'e2e-review-evidence.png') });
    expect((await cli(workspace, 'verify', '评审')).code).toBe(0);
  });

  it('runs the checks with progress, and a suggestion scores only once the reviewer confirms it', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1600, height: 1000 });
    await page.goto(`${server.url}#a=${encodeURIComponent('评审')}&t=2`);
    await page.waitForFunction(() => document.querySelector('[data-testid="review-total"]')?.textContent === '100');
    await page.click('[data-testid="run-checks"]');
    // The monitoring date (监测时间点) defaults to today in Beijing and is saved with the assessment.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await page.waitForFunction(
      (d) => (document.querySelector('[data-testid="checks-as-of"]') as HTMLInputElement | null)?.value === d,
      {},
      today,
    );
    await clickStable(page, '[data-testid="checks-start"]');
    await page.waitForSelector('[data-testid="checks-progress"]');
    // The live line under the bar: which site and how far (pages, links, screenshots), moving within the site.
    await page.waitForFunction(
      () => /^正在检查 .+：(开始抓取|已抓取 \d+)/u.test(document.querySelector('[data-testid="checks-current"]')?.textContent ?? ''),
      { timeout: 60_000 },
    );
    await page.screenshot({ path: path.join(shots, 'e2e-review-checks-progress.png') });
    await page.waitForSelector('[data-testid="checks-result"]', { timeout: 90_000 });
    expect(await text(page, '[data-testid="checks-result"]')).toMatch(/检查完成：\d+ 条建议问题待评审人员确认/u);
    await page.screenshot({ path: path.join(shots, 'e2e-review-checks.png') });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-testid="checks-dialog"]'));
    // Suggested, not scored.
    expect(await text(page, '[data-testid="review-total"]')).toBe('100');
    await clickStable(page, '[data-testid="indicator-basic.health.availability"]');
    await page.waitForSelector('[data-testid="indicator-panel"] [data-testid^="confirm-"]');
    await page.keyboard.down('Alt');
    await page.keyboard.press('KeyY');
    await page.keyboard.up('Alt');
    // The notice's attachment link is broken on another page: 1 × 0.1.
    await page.waitForFunction(() => document.querySelector('[data-testid="review-total"]')?.textContent === '99.9');
    await page.screenshot({ path: path.join(shots, 'e2e-review-confirmed.png') });
  });

  it('takes the new-media form with a screenshot and scores the veto it records', async () => {
    const store = openAssessment(path.join(workspace, '评审'));
    const account = store.addTarget({
      kind: 'account',
      unit: '南岭县人民政府',
      name: '南岭发布',
      url: null,
      classId: 'account',
      attributes: {},
      identifier: '440823M001WX0001',
      platform: '微信',
    });
    const shot = store.listEvidence().find((e) => e.kind === 'fullpage')!;
    store.close();
    const page = await browser.newPage();
    await page.setViewport({ width: 1600, height: 1000 });
    await page.goto(`${server.url}#a=${encodeURIComponent('评审')}&t=${account.id}`);
    await page.waitForSelector('[data-testid="account-form"]');
    const group = await page.waitForSelector('[data-testid="field-hasInteraction"]');
    const no = (await group!.$$('label'))[1]!;
    await no.click();
    const file = (await page.$('[data-testid="account-form"] .ant-form-item:has([data-testid="field-hasInteraction"]) input[type=file]'))!;
    await (file as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(path.join(workspace, '评审', shot.file));
    await page.waitForSelector('[data-testid="account-form"] [data-evidence-id]');
    await page.click('[data-testid="account-form-save"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="review-score"]')?.textContent?.includes('单项否决'));
    await page.screenshot({ path: path.join(shots, 'e2e-review-account.png') });
    const after = openAssessment(path.join(workspace, '评审'));
    const [finding] = after.listFindings({ targetId: account.id });
    after.close();
    expect([finding!.indicatorId, finding!.rule, finding!.status, finding!.evidenceIds.length]).toEqual([
      'veto.account.interaction',
      1,
      'confirmed',
      1,
    ]);
  });

  it('shows what no rule scored on the target, and records it as a finding in one click', async () => {
    const store = openAssessment(path.join(workspace, '评审'));
    const target = store.getTarget(1);
    // Personal data on a notice page: zhanjiang-2021 has no rule naming it.
    const observation = {
      detect: 'content.pii' as const,
      count: 1,
      summary: '1 个页面泄露个人信息（身份证号码）',
      items: [{ url: `${site.url}tzgg/1.html`, text: '110105********002X', reason: '身份证号码' }],
    };
    const notes = reviewNotes(store.rulesetSnapshot(), target, [observation], [], [], new Date().toISOString());
    store.replaceCheckNotes(target.id, ['content'], notes);
    store.close();
    expect(notes[0]!.indicator).toContain('泄密');
    const page = await browser.newPage();
    await page.setViewport({ width: 1600, height: 1000 });
    await page.goto(`${server.url}#a=${encodeURIComponent('评审')}&t=1`);
    await page.waitForSelector('[data-testid="check-note"]');
    expect(await text(page, '[data-testid="check-notes"]')).toContain('可能属于：单项否决/安全、泄密事故等严重问题');
    await clickStable(page, '[data-testid="check-note-record"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="check-note-record"]')?.textContent === '已记录');
    await page.waitForFunction(() => document.querySelector('[data-testid="review-score"]')?.textContent?.includes('单项否决'));
    const after = openAssessment(path.join(workspace, '评审'));
    const recorded = after.listFindings({ targetId: 1 }).find((f) => f.indicatorId === notes[0]!.indicatorId)!;
    after.close();
    expect([recorded.status, recorded.note]).toEqual(['confirmed', `${notes[0]!.text}（据自动检查提示记录）`]);
  });
});
