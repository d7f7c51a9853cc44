import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CrawlPage, CrawlResult } from '../../../electron/services/checks/crawl';
import type { FetchFailure } from '../../../electron/services/checks/fetch-bounded';
import { checkFreshness, freshnessNotes, freshnessObservations } from '../../../electron/services/checks/freshness';
import { classifyPage } from '../../../electron/services/checks/page-kind';
import { extractLinks } from '../../../electron/services/checks/extract-links';
import { suggestionsFor } from '../../../electron/services/checks/suggest';
import type { Target } from '../../../shared/domain/types';
import { ruleset } from '../../helpers/rulesets';

// A suggestion only on positive evidence: what could not be read is reported as
// such, never as "not updated". Pages are the CMS corpus (test/fixtures/cms); the
// crawl is given, so nothing here needs a network.

const SITE = 'http://www.suixi.gov.cn/';
const fixture = (file: string) => readFileSync(path.resolve(__dirname, '../../fixtures/cms', file), 'utf8');
const asOf = new Date('2024-03-20T00:00:00Z');
const target: Target = {
  id: 1,
  kind: 'website',
  unit: '遂溪县人民政府',
  name: '遂溪县人民政府网站',
  url: SITE,
  classId: 'county',
  attributes: {},
  identifier: null,
  platform: null,
};

/** The TRS home page with two more news and notice columns on its navigation. */
const home = fixture('trs-home.html').replace(
  '<li><a href="./hdjl/">互动交流</a></li>',
  '<li><a href="./gzdt/">工作动态</a></li><li><a href="./gsgg/">公示公告</a></li><li><a href="./zwgk/jcgk/">基层政务公开</a></li><li><a href="./xwdt/202403/t20240315_2511876.html">新闻动态第3篇</a></li><li><a href="./zwgk/tzgg/202402/t20240226_2507788.html">关于端午节放假的通知</a></li><li><a href="./hdjl/">互动交流</a></li>',
);

type Answer = string | { status: number } | { failure: FetchFailure['kind']; message: string };

/** A finished crawl of the site: each path answered with a corpus page, an HTTP error or a network failure. */
function crawlOf(answers: Record<string, Answer>): CrawlResult {
  const pages: CrawlPage[] = Object.entries(answers).map(([p, answer], i) => {
    const url = new URL(p, SITE).href;
    const base = { url, finalUrl: url, contentType: 'text/html; charset=utf-8', depth: i === 0 ? 0 : 1, truncated: false };
    if (typeof answer === 'string') return { ...base, status: 200, html: answer, kind: classifyPage(url, answer, i === 0) };
    if ('status' in answer) return { ...base, status: answer.status, kind: 'other' };
    return { ...base, status: 0, kind: i === 0 ? 'home' : 'other', failure: { kind: answer.failure, message: answer.message } };
  });
  // Every link with the pages it is on, as the crawler records them (furniture is on every page).
  const links: CrawlResult['links'] = new Map();
  for (const page of pages) {
    for (const link of extractLinks(page.html ?? '', page.url)) {
      const found = links.get(link.url) ?? { url: link.url, kind: 'page' as const, foundOn: [] };
      if (!found.foundOn.includes(page.url)) found.foundOn.push(page.url);
      links.set(link.url, found);
    }
  }
  return {
    home: SITE,
    pages,
    links,
    fetched: new Map(),
    disallowed: [],
    robots: new Map(),
    ignoreRobots: false,
    notes: [],
    stopped: null,
    elapsedMs: 0,
    coverage: {
      pages: pages.length,
      left: { pages: 0, depth: 0 },
      unkept: 0,
      truncated: 0,
      disallowed: 0,
      cutBy: [],
      maxPages: 10_000,
      maxDepth: null,
      budgetMs: 600_000,
      elapsedMs: 0,
    },
  };
}

const UNREACHABLE: Record<string, Answer> = {
  '/zwgk/tzgg/': { failure: 'timeout', message: '超时（15 秒）' },
  '/zwgk/zcwj/': { status: 404 },
  '/zwgk/zcjd/': { failure: 'dns', message: '域名无法解析' },
  '/gzdt/': { failure: 'refused', message: '连接被拒绝' },
  '/gsgg/': { status: 503 },
};
const articles = {
  '/xwdt/202403/t20240315_2511876.html': fixture('article-titled-column.html'),
  '/zwgk/tzgg/202402/t20240226_2507788.html': fixture('short-notice-article.html'),
};
const vetoes = (obs: ReturnType<typeof freshnessObservations>) =>
  suggestionsFor(ruleset('zhanjiang-2021'), target, obs, [target]).filter((s) => s.indicator.startsWith('单项否决'));

describe('freshness on positive evidence only', () => {
  it('reports five unreachable columns with their failures: not stale, no 栏目不更新 veto', async () => {
    const report = await checkFreshness(
      crawlOf({
        '/': home,
        '/xwdt/': fixture('trs-column.html'),
        ...UNREACHABLE,
        '/zwgk/jcgk/': fixture('blank-column.html'),
        ...articles,
      }),
      asOf,
      { maxFetches: 0 },
    );
    expect(report.columns.map((c) => [c.name, c.state, c.stale, c.failure ?? c.newest])).toEqual([
      ['新闻动态', 'dated', true, '2024-03-05'],
      ['通知公告', 'unreachable', false, '超时（15 秒）'],
      ['政策文件', 'unreachable', false, 'HTTP 404'],
      ['政策解读', 'unreachable', false, '域名无法解析'],
      ['工作动态', 'unreachable', false, '连接被拒绝'],
      ['公示公告', 'unreachable', false, 'HTTP 503'],
    ]);
    const obs = freshnessObservations(report);
    expect(obs.map((o) => `${o.detect}×${o.count}`)).toEqual(['freshness.stale-columns×1', 'columns.empty×1']);
    expect(vetoes(obs)).toEqual([]);
    expect(freshnessNotes(report).map((n) => n.text)).toEqual(
      expect.arrayContaining([
        `“通知公告”栏目打不开（超时（15 秒）），未判断是否更新：${SITE}zwgk/tzgg/`,
        `“政策文件”栏目打不开（HTTP 404），未判断是否更新：${SITE}zwgk/zcwj/`,
        `“公示公告”栏目打不开（HTTP 503），未判断是否更新：${SITE}gsgg/`,
      ]),
    );
  });

  it('still suggests the veto when five columns are read and found stale', async () => {
    const stale = fixture('trs-column.html').replaceAll('2024-03-0', '2023-03-0').replaceAll('2024-02-', '2023-02-');
    const read = Object.fromEntries(Object.keys(UNREACHABLE).map((p) => [p, stale]));
    const report = await checkFreshness(crawlOf({ '/': home, '/xwdt/': stale, ...read, ...articles }), asOf, { maxFetches: 0 });
    expect(report.columns.filter((c) => c.stale).length).toBe(6);
    expect(vetoes(freshnessObservations(report)).map((s) => s.indicator)).toEqual(['单项否决/栏目不更新']);
  });

  it('does not take an article titled 新闻动态第3篇 or 关于…的通知 for a column', async () => {
    const report = await checkFreshness(crawlOf({ '/': home, '/xwdt/': fixture('trs-column.html'), ...UNREACHABLE, ...articles }), asOf, {
      maxFetches: 0,
    });
    expect(report.columns.map((c) => c.name)).not.toContain('新闻动态第3篇');
    expect(report.columns.map((c) => c.name)).not.toContain('关于端午节放假的通知');
    expect(report.articles.map((a) => a.name)).toEqual(['新闻动态第3篇', '关于端午节放假的通知']);
  });

  it('dates the home page by its items, not by the header clock, and finds the blank column despite its clock and footer dates', async () => {
    const later = new Date('2024-04-20T00:00:00Z');
    const report = await checkFreshness(
      crawlOf({ '/': home, '/xwdt/': fixture('trs-column.html'), '/zwgk/jcgk/': fixture('blank-column.html'), ...articles }),
      later,
      { maxFetches: 0 },
    );
    expect([report.homeNewest, report.homeAgeDays, report.homeStale]).toEqual(['2024-03-18', 33, true]);
    expect(report.emptyColumns.map((c) => c.url)).toEqual([`${SITE}zwgk/jcgk/`]);
    expect(freshnessObservations(report).find((o) => o.detect === 'freshness.home')?.summary).toBe(
      '首页最新信息日期为 2024-03-18，监测时间点 2024-04-20 时已 33 天未更新',
    );
  });

  it('says nothing of 首页不更新 when the home page could not be fetched, and notes why', async () => {
    const report = await checkFreshness(crawlOf({ '/': { failure: 'timeout', message: '超时（15 秒）' } }), asOf, { maxFetches: 0 });
    expect([report.homeState, report.homeStale, report.columns]).toEqual(['unreachable', false, []]);
    expect(freshnessObservations(report)).toEqual([]);
    expect(freshnessNotes(report).map((n) => n.text)).toContain('首页未能打开（超时（15 秒）），未检查首页与栏目更新');
    const none = await checkFreshness({ ...crawlOf({}), stopped: 'cancelled' }, asOf);
    expect(freshnessObservations(none)).toEqual([]);
    expect(freshnessNotes(none).map((n) => n.text)).toContain('首页未能打开（检查已取消），未检查首页与栏目更新');
  });

  it('notes a home page without any date instead of suggesting the veto', async () => {
    const undated =
      '<html><head><title>首页</title></head><body><div class="top">今天是：2024年03月20日 星期三</div><ul class="nav"><li><a href="/xwdt/">新闻动态</a></li></ul><div class="footer">更新时间：2023-01-01</div></body></html>';
    const report = await checkFreshness(crawlOf({ '/': undated, '/xwdt/': fixture('trs-column.html') }), asOf, { maxFetches: 0 });
    expect(report.homeState).toBe('undated');
    expect(freshnessObservations(report).map((o) => o.detect)).toEqual(['freshness.news', 'freshness.stale-columns']);
    expect(freshnessNotes(report).map((n) => n.text)).toContain('首页未找到注明日期的信息（可能由脚本加载），请人工检查首页更新');
  });
});
