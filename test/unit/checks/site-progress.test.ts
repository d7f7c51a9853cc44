import { describe, expect, it } from 'vitest';
import { SiteProgress } from '../../../electron/services/checks/site-progress';

/** A site's progress on a clock the test moves. */
function follow(plan = { crawl: true, links: true, checks: 2, shots: false }, everyMs = 200) {
  let now = 1_000;
  const reports: { fraction: number; counts: string }[] = [];
  const site = new SiteProgress(plan, (fraction, counts) => reports.push({ fraction, counts }), { everyMs, clock: () => now });
  return { site, reports, tick: (ms: number) => (now += ms) };
}

describe('one site’s progress by pages and links', () => {
  it('reports at most once per interval however often the counts change, and always at a part’s start and end', () => {
    const { site, reports, tick } = follow();
    site.begin('crawl', 60_000);
    expect(reports).toEqual([{ fraction: 0, counts: '开始抓取' }]);
    for (let done = 1; done <= 1_000; done++) site.pages(done, 2_000);
    expect(reports).toHaveLength(1);
    tick(199);
    site.pages(1_001, 2_000);
    expect(reports).toHaveLength(1);
    tick(1);
    site.pages(1_002, 2_000);
    expect(reports.at(-1)!.counts).toBe('已抓取 1002/约 2000 页');
    site.begin('links', 60_000);
    expect(reports.at(-1)!.counts).toBe('已抓取 1002 页，开始检查链接');
    site.links(300, 1_200);
    site.links(340, 1_200);
    tick(200);
    site.links(341, 1_200);
    expect(reports.at(-1)!.counts).toBe('已抓取 1002 页，已检查链接 341/1200');
    site.begin('checks');
    site.checking('站内搜索');
    expect(reports.at(-1)!.counts).toBe('已抓取 1002 页，已检查链接 341/1200，其他检查 0/2 项（正在检查站内搜索）');
    site.checkDone();
    expect(reports.at(-1)!.counts).toBe('已抓取 1002 页，已检查链接 341/1200，其他检查 1/2 项');
  });

  it('lets newly found pages slow the crawl’s share down, never push it back', () => {
    const { site } = follow({ crawl: true, links: false, checks: 0, shots: false }, 0);
    site.begin('crawl', 3_600_000);
    site.pages(1, 10);
    expect(site.fraction()).toBeCloseTo(0.1);
    // The next layer brings 90 more pages: the bar slows, it does not drop to 2 %.
    site.pages(2, 100);
    expect(site.fraction()).toBeCloseTo(0.1 + 0.9 / 99);
    let last = site.fraction();
    for (let done = 3; done <= 100; done++) {
      site.pages(done, 100);
      expect(site.fraction()).toBeGreaterThan(last);
      last = site.fraction();
    }
    expect(last).toBe(1);
  });

  it('moves at least as fast as a part’s time budget runs out', () => {
    const { site, tick } = follow({ crawl: true, links: true, checks: 0, shots: false }, 0);
    site.begin('crawl', 60_000);
    site.pages(1, 10_000);
    tick(30_000);
    // Half the crawl's time is gone: half its share (0.35 of 0.6 of the bar), though few pages are done.
    expect(site.fraction()).toBeCloseTo(0.5 * (0.35 / 0.6));
    site.begin('links', 10_000);
    site.links(0, 100);
    expect(site.fraction()).toBeCloseTo(0.35 / 0.6);
    site.links(50, 100);
    expect(site.fraction()).toBeCloseTo((0.35 + 0.25 * 0.5) / 0.6);
  });

  it('does not count links the crawl already settled as movement of the link check', () => {
    const { site } = follow({ crawl: false, links: true, checks: 0, shots: false }, 0);
    site.begin('links');
    site.links(800, 1_000);
    expect(site.fraction()).toBe(0);
    site.links(900, 1_000);
    expect(site.fraction()).toBeCloseTo(0.5);
  });

  it('gives screenshots their share and ends at 1', () => {
    const { site, reports } = follow({ crawl: false, links: false, checks: 1, shots: true }, 0);
    site.begin('checks');
    site.checkDone();
    expect(site.fraction()).toBeCloseTo(0.15 / 0.4);
    site.begin('shots');
    expect(reports.at(-1)!.counts).toBe('其他检查 1/1 项，准备截图');
    site.shots(1, 4);
    expect(site.fraction()).toBeCloseTo((0.15 + 0.25 / 4) / 0.4);
    expect(reports.at(-1)!.counts).toBe('其他检查 1/1 项，截图 1/4 条建议');
    site.finish();
    expect(reports.at(-1)!.fraction).toBe(1);
  });
});
