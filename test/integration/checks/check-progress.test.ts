import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEBSITE_CHECK } from '../../../electron/services/checks/check-website';
import { runChecks } from '../../../electron/services/checks/run-checks';
import type { RunStatus } from '../../../electron/services/checks/types';
import { freshAssessment } from '../../helpers/assessment';
import { cli } from '../../helpers/run-cli';
import { servePagedSite, type PagedSite } from '../../fixtures/sites/paged-site';

// A one-site run moves with the pages crawled and the links checked, not by phase:
// it used to sit at one value (100 %) for most of its time.
describe('progress of a check run within a site', () => {
  const ARTICLES = 120;
  let site: PagedSite;
  let slow: PagedSite;
  beforeAll(async () => {
    site = await servePagedSite(ARTICLES);
    // 30 ms an answer, 6 at a time: the crawl alone takes at least 0.6 s, several of the CLI's 0.2 s steps.
    slow = await servePagedSite(ARTICLES, { delayMs: 30 });
  });
  afterAll(async () => {
    await site.close();
    await slow.close();
  });

  it('rises with every page and link, monotonically, from 0 to 1', async () => {
    const { store } = freshAssessment();
    const target = store.addTarget({
      kind: 'website',
      unit: '南岭县人民政府',
      name: '南岭县人民政府门户网站',
      url: site.url,
      classId: 'county',
      attributes: {},
      identifier: null,
      platform: null,
    });
    const statuses: RunStatus[] = [];
    const shot: string[] = [];
    try {
      const result = await runChecks({
        store,
        targets: [target],
        options: { ...DEFAULT_WEBSITE_CHECK, only: ['links', 'footer', 'meta'], external: false, now: new Date() },
        progress: () => undefined,
        onStatus: (s) => statuses.push(s),
        // Every count reported, so the test sees each step (the app reports at most five a second).
        statusEvery: { everyMs: 0 },
        shoot: async (_t, s) => (shot.push(s.check), []),
      });
      expect(result.checked).toBe(1);
      expect(result.coverage[0]!.coverage.pages).toBe(site.pages);
      // The missing image (/img/0.png) made a suggestion, which went through the screenshot step.
      expect(result.suggestions.map((s) => s.check)).toContain('links.other');
      expect(shot).toEqual(result.suggestions.map((s) => s.check));
    } finally {
      store.close();
    }
    const fractions = statuses.map((s) => s.fraction);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]!);
    expect(fractions.at(-1)).toBe(1);
    const between = new Set(fractions.filter((f) => f > 0 && f < 1));
    // One value per page crawled and per link checked, give or take the phase boundaries.
    expect(between.size).toBeGreaterThan(site.pages);
    // No big jumps: the largest is a screenshot's or another check's share.
    const jumps = fractions.slice(1).map((f, i) => f - fractions[i]!);
    expect(Math.max(...jumps)).toBeLessThan(0.1);
    // Halfway through the crawl's pages the bar is neither at its start nor past the crawl's share.
    const midCrawl = statuses.find((s) => /已抓取 6\d\/约 \d+ 页$/u.test(s.text));
    expect(midCrawl?.fraction).toBeGreaterThan(0.05);
    expect(midCrawl?.fraction).toBeLessThan(0.35);
    const texts = statuses.map((s) => s.text);
    expect(texts).toContain(`正在检查 南岭县人民政府门户网站：已抓取 ${site.pages}/约 ${site.pages} 页`);
    expect(texts.some((t) => /^正在检查 南岭县人民政府门户网站：已抓取 \d+ 页，已检查链接 \d+\/\d+$/u.test(t))).toBe(true);
    // Every link of the site: its pages (fetched by the crawl) and its images.
    const links = site.pages - 1 + ARTICLES;
    expect(texts.at(-1)).toBe(
      `正在检查 南岭县人民政府门户网站：已抓取 ${site.pages} 页，已检查链接 ${links}/${links}，其他检查 2/2 项，截图 ${shot.length}/${shot.length} 条建议`,
    );
  });

  it('kaoping check prints the rising percentage on stderr', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'kaoping-progress-'));
    await cli(cwd, 'new', 'a', '--ruleset', 'zhanjiang-2021');
    await cli(cwd, 'targets', 'add', 'a', '--name', '南岭县人民政府门户网站', '--url', slow.url, '--class', '第二类');
    const checked = await cli(cwd, 'check', 'a', '--same-site-only', '--only', 'links', '--no-screenshots');
    expect(checked.code).toBe(0);
    const percents = [...checked.stderr.matchAll(/^进度 (\d+)%：正在检查 南岭县人民政府门户网站：/gmu)].map((m) => Number(m[1]));
    expect(percents.length).toBeGreaterThan(4);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(new Set(percents).size).toBe(percents.length);
    expect(percents.at(-1)).toBe(100);
    expect(checked.stderr).toMatch(/^进度 \d+%：正在检查 南岭县人民政府门户网站：已抓取 \d+\/约 \d+ 页$/mu);
  });
});
