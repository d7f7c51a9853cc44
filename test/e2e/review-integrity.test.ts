import { EventEmitter, once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync } from 'node:fs';
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
import type { Finding } from '../../shared/domain/types';

const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');
const path_ = (page: Page) => text(page, '[data-testid="indicator-path"]');

async function alt(page: Page, key: string): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.press(`Key${key}` as never);
  await page.keyboard.up('Alt');
}

/** Picks a quick reason in the reason dialog and confirms it. */
async function giveReason(page: Page, reason: string): Promise<void> {
  await page.waitForSelector('[data-testid="reason-picks"]', { visible: true });
  await page.$$eval(
    '[data-testid="reason-picks"] .ant-tag',
    (tags, want) => (tags as HTMLElement[]).find((t) => t.textContent === want)!.click(),
    reason,
  );
  await page.waitForFunction(
    (want) => (document.querySelector('[data-testid="ask-input"]') as HTMLTextAreaElement | null)?.value === want,
    {},
    reason,
  );
  await clickStable(page, '.ant-modal-confirm-btns .ant-btn-primary');
  await page.waitForFunction(() => !document.querySelector('[data-testid="reason-picks"]'));
}

// The review workspace at 1366×768 as a reviewer uses it all day: actions that
// cannot duplicate or mislink whatever the hands do, a triage queue, and text
// typed into the site through an input method.
describe('browser mode: review integrity, triage and input at 1366×768', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-integrity-e2e-'));
  const dir = path.join(workspace, '评审');
  const shots = path.join(repoRoot, 'test-results');
  const seen = new EventEmitter();
  const heard: string[] = [];
  let site: RunningSite;
  let imeSite: Server;
  let imeUrl = '';
  let server: Awaited<ReturnType<typeof startServe>>;
  let browser: Browser;
  let page: Page;
  let maps: Finding;
  let links: Finding;

  const findings = () => {
    const store = openAssessment(dir);
    try {
      return store.listFindings();
    } finally {
      store.close();
    }
  };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    site = await serveSampleSite(sampleSites(new Date()).find((s) => s.key === 'county')!);
    // A search box that reports what the page receives: composition updates and the submitted query.
    imeSite = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/log' || url.pathname === '/search') {
        const line = `${url.pathname}:${url.searchParams.get('c') ?? url.searchParams.get('q')}`;
        heard.push(line);
        seen.emit(line);
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        url.pathname === '/search'
          ? '<title>搜索结果</title><p>搜索结果</p>'
          : `<title>站内搜索</title><body style="margin:0"><form action="/search"><input id="q" name="q" style="position:absolute;left:10px;top:10px;width:300px;height:30px;font-size:18px"></form>
             <script>q.addEventListener('compositionupdate', (e) => fetch('/log?c=' + encodeURIComponent(e.data)));</script></body>`,
      );
    });
    await new Promise<void>((r) => imeSite.listen(0, '127.0.0.1', r));
    imeUrl = `http://127.0.0.1:${(imeSite.address() as AddressInfo).port}/`;

    await cli(workspace, 'new', '评审', '--ruleset', 'zhanjiang-2021', '--year', '2025', '--name', '2025年度考评');
    await cli(workspace, 'targets', 'add', '评审', '--name', '南岭县人民政府门户网站', '--url', site.url, '--class', '第一类');
    await cli(workspace, 'targets', 'add', '评审', '--name', '南岭县站内搜索测试', '--url', imeUrl, '--class', '第二类');
    // Two suggestions as the checks leave them: a JSON list of what was seen, on two indicators.
    const store = openAssessment(dir);
    const list = (indicatorId: string, items: unknown[]) =>
      store.addEvidence(Buffer.from(JSON.stringify({ items })), {
        kind: 'file',
        ext: 'json',
        url: site.url,
        title: '自动检查清单',
        targetId: 1,
        indicatorId,
      }).id;
    links = store.addFinding({
      targetId: 1,
      indicatorId: 'basic.health.availability',
      rule: 1,
      count: 2,
      note: '首页有 2 处链接打不开',
      status: 'suggested',
      source: 'links.home',
      evidenceIds: [
        list('basic.health.availability', [
          { url: site.url, link: `${site.url}missing-1.html`, reason: 'HTTP 404' },
          { url: site.url, link: `${site.url}missing-2.html`, reason: 'HTTP 404' },
        ]),
      ],
    });
    maps = store.addFinding({
      targetId: 1,
      indicatorId: 'basic.health.maps',
      rule: 1,
      count: 1,
      note: '问题地图：页面使用的地图未标注审图号',
      status: 'suggested',
      source: 'content.maps',
      evidenceIds: [list('basic.health.maps', [{ url: `${site.url}`, reason: '地图未标注审图号' }])],
    });
    store.close();
    server = await startServe(workspace);
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
    imeSite?.close();
  });

  it('opens a target at its first pending suggestion and walks the queue with keys; a dismissal needs a reason', async () => {
    await page.goto(`${server.url}#a=${encodeURIComponent('评审')}&t=1`);
    await page.waitForSelector('[data-testid="page-view"] img');
    // Checklist order: 问题地图 comes before 可用性, so the queue starts there.
    await page.waitForFunction(() => document.querySelector('[data-testid="indicator-path"]')?.textContent === '健康情况/问题地图');
    // At 1366 the target list starts folded and the site is drawn at 100%: about 900 px of it are visible.
    expect(await page.$('[data-testid="unfold-left"]')).not.toBeNull();
    const siteWidth = await page.$eval('[data-testid="pane-site"]', (el) => el.getBoundingClientRect().width);
    expect(siteWidth).toBeGreaterThan(850);
    await page.screenshot({ path: path.join(shots, 'review-1366.png') });

    await clickStable(page, '[data-testid="tab-triage"]');
    await page.waitForSelector(`[data-testid="triage-${maps.id}"][data-current]`);
    await alt(page, 'L');
    await page.waitForSelector(`[data-testid="triage-${links.id}"][data-current]`);
    // The broken links are read in the app and open in the embedded browser.
    await page.waitForFunction(() => document.querySelector('[data-testid="check-list"]')?.textContent?.includes('missing-2.html'));
    await page.screenshot({ path: path.join(shots, 'review-triage-1366.png') });
    await page.$$eval('[data-testid="open-in-browser"]', (links) =>
      (links as HTMLElement[]).find((l) => l.textContent?.endsWith('missing-1.html'))!.click(),
    );
    await page.waitForFunction(
      (want) =>
        (document.querySelector('[data-testid="address-bar"] input, input[data-testid="address-bar"]') as HTMLInputElement | null)
          ?.value === want,
      {},
      `${site.url}missing-1.html`,
    );

    // Alt+X asks why; an empty reason says so and the dialog stays; cancelling is no error.
    await alt(page, 'X');
    await page.waitForSelector('[data-testid="reason-picks"]', { visible: true });
    await clickStable(page, '.ant-modal-confirm-btns .ant-btn-primary');
    await page.waitForFunction(() => document.querySelector('.ant-message')?.textContent?.includes('请填写原因'));
    await clickStable(page, '.ant-modal-confirm-btns .ant-btn:not(.ant-btn-primary)');
    await page.waitForFunction(() => !document.querySelector('[data-testid="reason-picks"]'));
    expect(await page.$('.ant-message-error')).toBeNull();
    expect(findings().find((f) => f.id === links.id)?.status).toBe('suggested');

    await alt(page, 'X');
    await giveReason(page, '误报：核实后页面正常');
    await page.waitForFunction((id) => !document.querySelector(`[data-testid="triage-${id}"]`), {}, links.id);
    expect(findings().find((f) => f.id === links.id)?.status).toBe('dismissed');
    const store = openAssessment(dir);
    expect(store.history().at(-1)).toMatchObject({
      action: 'finding.update',
      subject: `finding:${links.id}`,
      reason: '误报：核实后页面正常',
    });
    store.close();
  }, 120_000);

  it('undoes the deletion of a suggestion by bringing back the suggestion, not a confirmed finding', async () => {
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid="indicator-path"]')?.textContent === '健康情况/问题地图');
    expect(await text(page, '[data-testid="review-total"]')).toBe('100');
    await clickStable(page, `[data-testid="finding-${maps.id}"] [aria-label="删除问题"]`);
    await giveReason(page, '重复记录');
    await page.waitForFunction((id) => !document.querySelector(`[data-testid="finding-${id}"]`), {}, maps.id);
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyZ');
    await page.keyboard.up('Control');
    await page.waitForSelector(`[data-testid="finding-${maps.id}"]`);
    const back = findings().find((f) => f.id === maps.id)!;
    expect([back.status, back.source, back.evidenceIds, back.count]).toEqual(['suggested', 'content.maps', maps.evidenceIds, 1]);
    expect(await text(page, '[data-testid="review-total"]')).toBe('100');
  }, 120_000);

  it('records one finding for a double click on 确认记录, and undoes it in one step', async () => {
    await clickStable(page, '[data-testid="indicator-basic.health.availability"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="indicator-path"]')?.textContent === '健康情况/可用性');
    await clickStable(page, '[data-testid="add-finding-1"]');
    await page.type('[data-testid="finding-note"]', '双击测试：首页横幅链接打不开');
    await page.click('[data-testid="finding-save"]', { count: 2 });
    await page.waitForFunction(() => document.querySelector('[data-testid="review-total"]')?.textContent === '99.8');
    await page.waitForFunction(() => !document.querySelector('[data-testid="finding-form"]'));
    expect(findings().filter((f) => f.note === '双击测试：首页横幅链接打不开')).toHaveLength(1);
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyZ');
    await page.keyboard.up('Control');
    await page.waitForFunction(() => document.querySelector('[data-testid="review-total"]')?.textContent === '100');
    expect(findings().filter((f) => f.note === '双击测试：首页横幅链接打不开')).toHaveLength(0);
  }, 120_000);

  it('never attaches a screenshot for indicator B to the finding selected under indicator A', async () => {
    await clickStable(page, '[data-testid="add-finding-1"]');
    await page.type('[data-testid="finding-note"]', '选中问题测试');
    await page.click('[data-testid="finding-save"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="finding-form"]'));
    const finding = findings().find((f) => f.note === '选中问题测试')!;
    await clickStable(page, `[data-testid="finding-${finding.id}"]`);
    await page.waitForFunction(
      (id) => document.querySelector(`[data-testid="finding-${id}"]`)?.textContent?.includes('截图将附到此问题'),
      {},
      finding.id,
    );
    await page.click('[data-testid="indicator-path"]');
    await alt(page, 'J');
    await page.waitForFunction(() => document.querySelector('[data-testid="indicator-path"]')?.textContent !== '健康情况/可用性');
    const indicatorB = await path_(page);
    await page.click('[data-testid="capture-visible"]');
    await page.waitForFunction(() => /已保存可视区域截图 #\d+/u.test(document.querySelector('.ant-message')?.textContent ?? ''));
    expect(await text(page, '.ant-message')).not.toContain('附到问题');
    const store = openAssessment(dir);
    const shot = store
      .listEvidence()
      .filter((e) => e.kind === 'screenshot')
      .at(-1)!;
    expect(store.getFinding(finding.id).evidenceIds).not.toContain(shot.id);
    expect(shot.indicatorId).not.toBe('basic.health.availability');
    store.close();
    expect(indicatorB).not.toBe('健康情况/可用性');
  }, 120_000);

  it('ignores shortcuts while typing, keeps the draft across indicators, and Alt+S in the address bar takes no screenshot', async () => {
    const start = await path_(page);
    const startNode = await page.$eval('.ant-tree-node-selected [data-testid^="indicator-"]', (el) => el.getAttribute('data-testid')!);
    await clickStable(page, '[data-testid="add-finding-1"]');
    await page.type('[data-testid="finding-note"]', '草稿：栏目空白');
    await alt(page, 'J');
    await alt(page, 'K');
    await alt(page, 'N');
    expect(await path_(page)).toBe(start);
    expect(await page.$eval('[data-testid="finding-note"]', (el) => (el as HTMLTextAreaElement).value)).toBe('草稿：栏目空白');
    // Away to another indicator and back: the draft is still there.
    await clickStable(page, '[data-testid="indicator-basic.health.availability"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="indicator-path"]')?.textContent === '健康情况/可用性');
    await clickStable(page, `[data-testid="${startNode}"]`);
    await page.waitForFunction((want) => document.querySelector('[data-testid="indicator-path"]')?.textContent === want, {}, start);
    expect(await page.$eval('[data-testid="finding-note"]', (el) => (el as HTMLTextAreaElement).value)).toBe('草稿：栏目空白');

    const before = openAssessment(dir);
    const shots0 = before.listEvidence().length;
    before.close();
    await page.click('[data-testid="address-bar"] input, input[data-testid="address-bar"]');
    await alt(page, 'S');
    // Then once outside any field: exactly one screenshot results.
    await page.click('[data-testid="indicator-path"]');
    await page.evaluate(() => document.querySelectorAll('.ant-message-notice').forEach((n) => n.remove()));
    await alt(page, 'S');
    await page.waitForFunction(() => /已保存可视区域截图/u.test(document.querySelector('.ant-message')?.textContent ?? ''));
    const after = openAssessment(dir);
    expect(after.listEvidence().length).toBe(shots0 + 1);
    after.close();
  }, 120_000);

  it('types Chinese into the site through an input method (composition, then committed text)', async () => {
    await page.goto(`${server.url}#a=${encodeURIComponent('评审')}&t=2`);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="browser-slot"]')?.textContent !== null &&
        document.querySelector('[data-testid="page-view"] img'),
    );
    await page.waitForFunction(() => document.querySelector('[data-testid="review-screen"]')?.textContent?.includes('站内搜索'));
    const img = (await page.$('[data-testid="page-view"] img'))!;
    const box = (await img.boundingBox())!;
    // The page is drawn at 100%: the search box is at (10, 10)–(310, 40) in the page and on screen.
    await page.mouse.click(box.x + 60, box.y + 25);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'page-input');
    const cdp = await page.createCDPSession();
    const composed = once(seen, '/log:南岭');
    await cdp.send('Input.imeSetComposition', { text: '南岭', selectionStart: 2, selectionEnd: 2 });
    await composed;
    await cdp.send('Input.insertText', { text: '南岭县' });
    const searched = once(seen, '/search:南岭县');
    await page.keyboard.press('Enter');
    await searched;
    expect(heard).toContain('/search:南岭县');
    await page.waitForFunction(() =>
      (
        document.querySelector('[data-testid="address-bar"] input, input[data-testid="address-bar"]') as HTMLInputElement | null
      )?.value.includes('/search?q='),
    );
  }, 120_000);

  it('keeps the new-media form save in view and saves it with Ctrl+S', async () => {
    const store = openAssessment(dir);
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
    store.close();
    await page.goto(`${server.url}#a=${encodeURIComponent('评审')}&t=${account.id}`);
    await page.waitForSelector('[data-testid="account-form"]');
    const group = await page.waitForSelector('[data-testid="field-hasInteraction"]');
    await (await group!.$$('label'))[1]!.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="account-form-bar"]')?.textContent?.includes('有未保存的修改'));
    const bar = (await (await page.$('[data-testid="account-form-save"]'))!.boundingBox())!;
    expect(bar.y + bar.height).toBeLessThanOrEqual(768);
    await page.screenshot({ path: path.join(shots, 'review-account-1366.png') });
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyS');
    await page.keyboard.up('Control');
    await page.waitForFunction(() => document.querySelector('[data-testid="review-score"]')?.textContent?.includes('单项否决'));
    await page.waitForFunction(() => document.querySelector('[data-testid="account-form-bar"]')?.textContent?.includes('已保存'));
  }, 120_000);
});
