import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite, type CrawlResult } from '../../../electron/services/checks/crawl';
import { checkFreshness, freshnessNotes, freshnessObservations } from '../../../electron/services/checks/freshness';
import { sampleSites } from '../../../electron/services/demo/sample-sites';
import { serveSampleSite, type RunningSite } from '../../../electron/services/demo/site-server';

describe('freshness from the crawl', () => {
  const today = new Date('2025-06-30T00:00:00Z');
  let county: RunningSite;
  let crawl: CrawlResult;
  const at = (p: string) => new URL(p, county.url).href;
  beforeAll(async () => {
    county = await serveSampleSite(sampleSites(today)[0]!);
    crawl = await crawlSite(county.url);
  });
  afterAll(async () => county.close());
  const summary = (r: Awaited<ReturnType<typeof checkFreshness>>) => r.columns.map((c) => [c.name, c.kind, c.ageDays, c.stale, c.kindBy]);

  it('dates the columns from the crawled pages without fetching them again', async () => {
    const offline = await serveSampleSite(sampleSites(today)[0]!);
    const crawled = await crawlSite(offline.url);
    await offline.close();
    // The server is gone: everything below comes from the crawl.
    const report = await checkFreshness(crawled, today);
    expect(report.homeAgeDays).toBe(2);
    expect(summary(report)).toEqual([
      ['政务动态', 'news', 2, false, 'guess'],
      ['通知公告', 'notice', 210, true, 'guess'],
      ['政策文件', 'policy', 40, false, 'guess'],
      ['政策解读', 'reading', 38, false, 'guess'],
    ]);
  });

  it('fetches the columns the crawl did not reach, within a bound', async () => {
    const homeOnly = await crawlSite(county.url, { maxDepth: 0 });
    expect(summary(await checkFreshness(homeOnly, today))).toEqual(summary(await checkFreshness(crawl, today)));
    const one = await checkFreshness(homeOnly, today, { maxFetches: 1 });
    expect(one.columns.map((c) => [c.ageDays, c.state, c.stale])).toEqual([
      [2, 'dated', false],
      [null, 'unchecked', false],
      [null, 'unchecked', false],
      [null, 'unchecked', false],
    ]);
    expect(freshnessObservations(one).map((o) => o.detect)).toEqual([]);
    // A crawl that kept no HTML is read again, within the same bound.
    const bare = await crawlSite(county.url, { keepHtml: false });
    expect(summary(await checkFreshness(bare, today))).toEqual(summary(await checkFreshness(crawl, today)));
  });

  it('lets the reviewer correct a guessed kind, add a column, ignore one, or change the name patterns', async () => {
    const corrected = await checkFreshness(crawl, today, {
      columnOverrides: { [at('/tzgg/')]: 'ignore', [at('/zcjd/')]: 'news', [at('/hdjl/')]: 'notice' },
    });
    expect(summary(corrected)).toEqual([
      ['政务动态', 'news', 2, false, 'guess'],
      ['政策文件', 'policy', 40, false, 'guess'],
      ['政策解读', 'news', 38, true, 'reviewer'],
      // Opened but undated: unknown, not stale (the reviewer gets a note instead).
      ['互动交流', 'notice', null, false, 'reviewer'],
    ]);
    expect(freshnessObservations(corrected).map((o) => o.detect)).toEqual(['freshness.stale-columns', 'columns.empty']);
    expect(freshnessNotes(corrected).map((n) => n.text)).toContain(`“互动交流”栏目未找到注明日期的信息，请人工检查：${at('/hdjl/')}`);
    const patterns = await checkFreshness(crawl, today, { columnKinds: { news: '要闻', notice: /公示/u } });
    expect(patterns.columns.map((c) => c.name)).toEqual(['政策文件', '政策解读']);
  });

  it('finds blank columns: nothing but the site furniture', async () => {
    const report = await checkFreshness(crawl, today);
    expect(report.emptyColumns).toEqual([{ name: '基层政务公开标准目录', url: at('/zwgk/jcxxgk/') }]);
    expect(freshnessObservations(report).find((o) => o.detect === 'columns.empty')).toEqual({
      detect: 'columns.empty',
      count: 1,
      summary: '1 个空白栏目（“基层政务公开标准目录”）',
      items: [{ url: at('/zwgk/jcxxgk/'), text: '基层政务公开标准目录', reason: '栏目中没有任何信息' }],
    });
    const ignored = await checkFreshness(crawl, today, { columnOverrides: { [at('/zwgk/jcxxgk/')]: 'ignore' } });
    expect(ignored.emptyColumns).toEqual([]);
  });

  it('crawls the home page and its links first when given an address', async () => {
    const report = await checkFreshness(county.url, today);
    expect(summary(report)).toEqual(summary(await checkFreshness(crawl, today)));
    expect(report.emptyColumns.map((c) => c.name)).toEqual(['基层政务公开标准目录']);
  });
});
