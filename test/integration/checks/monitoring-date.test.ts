import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSites } from '../../../electron/services/demo/sample-sites';
import { serveSampleSite, type RunningSite } from '../../../electron/services/demo/site-server';
import { openAssessment } from '../../../electron/services/store/open';
import { createHandlers } from '../../../electron/services/api/handlers';
import { dispatch } from '../../../electron/services/api/dispatch';
import { freshAssessment } from '../../helpers/assessment';
import { cli } from '../../helpers/run-cli';

const DAY = 86_400_000;
const iso = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

// The schemes count "监测时间点前2周": freshness is judged at the assessment's monitoring
// date, stored with it, so checks run on different days of one assessment agree.
describe('the monitoring date (监测时间点)', () => {
  const today = new Date();
  let county: RunningSite;
  beforeAll(async () => {
    county = await serveSampleSite(sampleSites(today).find((s) => s.key === 'county')!);
  });
  afterAll(() => county.close());

  const assessment = () => {
    const { dir, store } = freshAssessment();
    store.addTarget({
      kind: 'website',
      unit: '南岭县人民政府',
      name: '南岭县门户',
      url: county.url,
      classId: 'county',
      attributes: {},
      identifier: null,
      platform: null,
    });
    store.close();
    return dir;
  };
  const check = async (dir: string, ...extra: string[]) => {
    const r = await cli(process.cwd(), 'check', dir, '--only', 'freshness', '--no-screenshots', '--same-site-only', '--json', ...extra);
    expect([r.code, r.stderr.includes('出错')]).toEqual([0, false]);
    return { findings: (JSON.parse(r.stdout) as { findings: { indicator: string; summary: string }[] }).findings, stderr: r.stderr };
  };

  it('defaults to the day of the first check and keeps it for later runs', async () => {
    const dir = assessment();
    const first = await check(dir);
    expect(first.stderr).toContain(`监测时间点：${iso(today)}`);
    const store = openAssessment(dir);
    expect(store.info().monitoringDate).toBe(iso(today));
    store.close();
    // The county home page is 2 days old at the monitoring date: no 首页不更新.
    expect(first.findings.map((f) => f.indicator)).not.toContain('单项否决/首页不更新');
  });

  it('judges freshness at --as-of, stores it, and a later run without it agrees', async () => {
    const dir = assessment();
    const later = iso(new Date(today.getTime() + 30 * DAY));
    const set = await check(dir, '--as-of', later);
    const home = set.findings.find((f) => f.indicator === '单项否决/首页不更新');
    expect(home?.summary).toBe(`首页最新信息日期为 ${iso(new Date(today.getTime() - 2 * DAY))}，监测时间点 ${later} 时已 32 天未更新`);
    const again = await check(dir);
    expect(again.stderr).toContain(`监测时间点：${later}`);
    expect(again.findings.map((f) => f.summary)).toEqual(set.findings.map((f) => f.summary));
    const store = openAssessment(dir);
    expect(store.info().monitoringDate).toBe(later);
    // The change is in the hash-chained history.
    expect(
      store
        .history()
        .filter((h) => h.action === 'assessment.update')
        .map((h) => (h.after as { monitoringDate: string }).monitoringDate),
    ).toEqual([later]);
    store.close();
  });

  it('refuses an impossible date before crawling anything', async () => {
    const dir = assessment();
    const r = await cli(process.cwd(), 'check', dir, '--only', 'freshness', '--no-screenshots', '--as-of', '2024-02-30');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('监测时间点“2024-02-30”不是有效日期（应写作 YYYY-MM-DD');
    const store = openAssessment(dir);
    expect(store.info().monitoringDate).toBeNull();
    store.close();
  });

  it('is read and set through the API the checks dialog uses', async () => {
    const { dir, store } = freshAssessment();
    store.close();
    const workspaceDir = dir.slice(0, dir.lastIndexOf('/'));
    const handlers = createHandlers({ workspaceDir, mode: 'browser', version: 'test', now: () => new Date('2024-03-19T20:00:00Z') });
    const call = (method: string, input: unknown) => dispatch(handlers, method, input);
    // 20:00 UTC is already the next day in Beijing.
    expect(await call('checks/monitoringDate', { id: 'a' })).toEqual({ ok: true, value: { date: null, today: '2024-03-20' } });
    expect(await call('checks/setMonitoringDate', { id: 'a', date: '2024-03-05' })).toEqual({ ok: true, value: { date: '2024-03-05' } });
    expect(await call('checks/monitoringDate', { id: 'a' })).toEqual({ ok: true, value: { date: '2024-03-05', today: '2024-03-20' } });
    const refused = await call('checks/setMonitoringDate', { id: 'a', date: '2024-13-01' });
    expect(refused.ok).toBe(false);
  });
});
