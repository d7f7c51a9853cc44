import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSites } from '../../../electron/services/demo/sample-sites';
import { serveSampleSite, type RunningSite } from '../../../electron/services/demo/site-server';
import { countBroken, checkLinks } from '../../../electron/services/checks/link-check';
import { cli } from '../../helpers/run-cli';
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
    const report = await checkLinks(county.url, { external: false, concurrency: 6 });
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
    const checked = await cli(cwd, 'check', 'a', '--json', '--same-site-only');
    expect(checked.code).toBe(0);
    const { findings } = JSON.parse(checked.stdout) as { findings: { indicator: string; rule: number; count: number; status: string; evidence: { url: string; foundOn: string }[] }[] };
    expect(findings).toEqual([expect.objectContaining({ indicator: '健康情况/可用性', rule: 2, count: 1, status: 'suggested' })]);
    expect(new URL(findings[0]!.evidence[0]!.foundOn).pathname).toBe('/tzgg/1.html');
    expect(checked.stderr).toContain('抓取第 1 层');
    expect(JSON.parse((await cli(cwd, 'score', 'a', '--json')).stdout).targets[0].total).toBe(before);
    expect((await cli(cwd, 'verify', 'a')).code).toBe(0);
  });
});
