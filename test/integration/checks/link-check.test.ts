import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSites } from '../../../electron/services/demo/sample-sites';
import { serveSampleSite, type RunningSite } from '../../../electron/services/demo/site-server';
import { countBroken, checkLinks } from '../../../electron/services/checks/link-check';
import { crawlSite } from '../../../electron/services/checks/crawl';
import { cli } from '../../helpers/run-cli';
import { checkFreshness, findDates, freshnessObservations } from '../../../electron/services/checks/freshness';
import { suggestionsFor } from '../../../electron/services/checks/suggest';
import { ruleset } from '../../helpers/rulesets';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('link availability on the bundled sample sites', () => {
  let sites: RunningSite[] = [];
  beforeAll(async () => {
    sites = await Promise.all(sampleSites(new Date()).map(serveSampleSite));
  });
  afterAll(async () => Promise.all(sites.map((s) => s.close())));

  it('finds exactly the broken links the county portal has, home page apart', async () => {
    const county = sites.find((s) => s.site.key === 'county')!;
    const report = await checkLinks(await crawlSite(county.url, { concurrency: 6 }), { external: false, concurrency: 6 });
    const { home, other } = countBroken(report);
    expect(home.map((b) => new URL(b.url).pathname).sort()).toEqual(['/images/banner-2019.jpg', '/ztzl/2019cjwm/']);
    expect(other.map((b) => `${new URL(b.page).pathname} → ${new URL(b.url).pathname}`)).toEqual(['/tzgg/1.html → /tzgg/files/cbjf.xlsx']);
    expect(home.every((b) => b.reason === 'HTTP 404')).toBe(true);
  });

  it('kaoping check stores suggestions that score nothing until confirmed', async () => {
    const dept = sites.find((s) => s.site.key === 'department')!;
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'kaoping-check-'));
    await cli(cwd, 'new', 'a', '--ruleset', 'zhanjiang-2021');
    await cli(cwd, 'targets', 'add', 'a', '--name', '南岭市教育局', '--url', dept.url, '--class', '第二类');
    const before = JSON.parse((await cli(cwd, 'score', 'a', '--json')).stdout).targets[0].total;
    const checked = await cli(cwd, 'check', 'a', '--json', '--same-site-only', '--only', 'links', '--no-screenshots');
    expect(checked.code).toBe(0);
    const { findings } = JSON.parse(checked.stdout) as {
      findings: { indicator: string; rule: number; count: number; status: string; evidence: { url: string; link: string }[] }[];
    };
    expect(findings).toEqual([expect.objectContaining({ indicator: '健康情况/可用性', rule: 2, count: 1, status: 'suggested' })]);
    expect(new URL(findings[0]!.evidence[0]!.url).pathname).toBe('/tzgg/1.html');
    expect(new URL(findings[0]!.evidence[0]!.link).pathname).toBe('/tzgg/files/zsgz.pdf');
    expect(checked.stderr).toContain('抓取第 1 层');
    expect(JSON.parse((await cli(cwd, 'score', 'a', '--json')).stdout).targets[0].total).toBe(before);
    expect((await cli(cwd, 'verify', 'a')).code).toBe(0);
  });
});

describe('freshness on the bundled sample sites', () => {
  let sites: RunningSite[] = [];
  const today = new Date();
  beforeAll(async () => {
    sites = await Promise.all(sampleSites(today).map(serveSampleSite));
  });
  afterAll(async () => Promise.all(sites.map((s) => s.close())));

  it('finds the stale notice column and the blank column of the county portal, and nothing else', async () => {
    const county = sites.find((s) => s.site.key === 'county')!;
    const report = await checkFreshness(await crawlSite(county.url), today);
    expect(report.homeStale).toBe(false);
    expect(report.columns.filter((c) => c.stale).map((c) => [c.name, c.ageDays])).toEqual([['通知公告', 210]]);
    expect(report.emptyColumns.map((c) => c.name)).toEqual(['基层政务公开标准目录']);
    const suggestions = suggestionsFor(
      ruleset('zhanjiang-2021'),
      {
        id: 1,
        kind: 'website',
        unit: '南岭县',
        name: '南岭县门户',
        url: county.url,
        classId: 'county',
        attributes: {},
        identifier: null,
        platform: null,
      },
      freshnessObservations(report),
    );
    expect(suggestions.map((s) => [s.indicator, s.rule, s.summary])).toEqual([
      [
        '发布解读/通知公告',
        2,
        '“通知公告”栏目最新信息日期为 ' +
          report.columns.find((c) => c.name === '通知公告')!.newest +
          `，监测时间点 ${report.asOf} 时已 210 天未更新`,
      ],
      ['发布解读/重点领域与其他栏目', 2, '1 个空白栏目（“基层政务公开标准目录”）'],
    ]);
  });

  it('suggests the 首页不更新 veto when the home page has not changed in two weeks (GBK site)', async () => {
    const dept = sites.find((s) => s.site.key === 'department')!;
    const later = new Date(today.getTime() + 30 * 86_400_000);
    const report = await checkFreshness(dept.url, later);
    expect(report.homeStale).toBe(true);
    expect(report.homeAgeDays).toBe(34);
    const suggestions = suggestionsFor(
      ruleset('zhanjiang-2021'),
      {
        id: 1,
        kind: 'website',
        unit: '教育局',
        name: '教育局',
        url: dept.url,
        classId: 'city-service',
        attributes: {},
        identifier: null,
        platform: null,
      },
      freshnessObservations(report),
    );
    expect(suggestions.map((s) => `${s.indicator}#${s.rule}`)).toEqual(['单项否决/首页不更新#1', '发布解读/动态要闻#2']);
  });

  it('reads dates the ways pages write them', () => {
    const now = new Date('2025-06-30T00:00:00Z');
    expect(
      findDates('发布时间：2025-06-28　2025/6/1 2025年5月3日 2025.04.30 2099-01-01 2025-02-30', now).map((d) =>
        d.toISOString().slice(0, 10),
      ),
    ).toEqual(['2025-06-28', '2025-06-01', '2025-05-03', '2025-04-30']);
  });
});
