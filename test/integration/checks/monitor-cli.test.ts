import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssessment } from '../../../electron/services/store/open';
import { cli } from '../../helpers/run-cli';

interface MonitorJson {
  targets: { target: string; attempts: number; failures: number; ratio: number }[];
  findings: {
    target: string;
    indicator: string;
    rule: number;
    count: number;
    status: string;
    check: string;
    evidence: { url: string; text: string; reason: string }[];
  }[];
}

describe('kaoping monitor', () => {
  let server: Server;
  let base = '';
  let flaky = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/flaky/') res.writeHead(++flaky % 3 === 0 ? 503 : 200).end('首页');
      else res.writeHead(200).end('首页');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('runs a short schedule, suggests the unreachable-site veto, and scores nothing until it is confirmed', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'kaoping-monitor-'));
    expect((await cli(cwd, 'new', 'a', '--ruleset', 'zhanjiang-2021')).code).toBe(0);
    expect((await cli(cwd, 'targets', 'add', 'a', '--name', '南岭市教育局', '--url', `${base}/flaky/`, '--class', '第二类')).code).toBe(0);
    expect((await cli(cwd, 'targets', 'add', 'a', '--name', '南岭市档案馆', '--url', `${base}/steady/`, '--class', '第二类')).code).toBe(0);
    const score = async () =>
      (
        JSON.parse((await cli(cwd, 'score', 'a', '--json')).stdout) as {
          targets: { name: string; total: number; veto: boolean; vetoReasons: string[] }[];
        }
      ).targets.find((t) => t.name === '南岭市教育局')!;
    const before = await score();

    // 10 visits about 0.17 s apart (the brief's 0.0005 days × 20000 would take 43 s).
    const run = await cli(cwd, 'monitor', 'a', '--days', '0.00002', '--per-day', '500000', '--timeout', '1', '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('第 1/10 轮：2 个网站');
    expect(run.stderr).toContain('第 10/10 轮：2 个网站，');
    const out = JSON.parse(run.stdout) as MonitorJson;
    expect(out.targets).toEqual([
      { target: '南岭市教育局', attempts: 10, failures: 3, ratio: 0.3 },
      { target: '南岭市档案馆', attempts: 10, failures: 0, ratio: 0 },
    ]);
    expect(out.findings).toEqual([
      expect.objectContaining({
        target: '南岭市教育局',
        indicator: '单项否决/站点无法访问',
        rule: 1,
        count: 3,
        status: 'suggested',
        check: 'monitor.unreachable',
      }),
    ]);
    expect(out.findings[0]!.evidence.map((e) => e.reason)).toEqual(['HTTP 503', 'HTTP 503', 'HTTP 503']);

    const after = await score();
    expect(after.total).toBe(before.total);
    expect(after.veto).toBe(false);

    // --report summarises what is recorded without visiting, and updates the pending suggestion instead of adding a twin.
    const report = await cli(cwd, 'monitor', 'a', '--report');
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/^南岭市教育局\t访问 10 次\t失败 3 次\t占比 30%\t（监测仅 [\d.]+ 秒，短于方案规定的 1 周）$/mu);
    expect(report.stderr).toBe('');
    const store = openAssessment(path.join(cwd, 'a'));
    try {
      expect(store.listMonitorAttempts()).toHaveLength(20);
      const suggested = store.listFindings({ status: 'suggested' });
      expect(suggested.map((f) => [f.source, f.rule, f.count])).toEqual([['monitor.unreachable', 1, 3]]);
      store.updateFinding(suggested[0]!.id, { status: 'confirmed' }, '评审确认');
    } finally {
      store.close();
    }
    const confirmed = await score();
    expect(confirmed.veto).toBe(true);
    expect(confirmed.vetoReasons.join()).toContain('站点无法访问');
  });

  it('rejects numbers that are not positive, in Chinese, and writes nothing', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'kaoping-monitor-'));
    await cli(cwd, 'new', 'a', '--ruleset', 'zhanjiang-2021');
    await cli(cwd, 'targets', 'add', 'a', '--name', 'X', '--url', `${base}/steady/`, '--class', '第二类');
    for (const [flag, value] of [
      ['--days', '0'],
      ['--per-day', 'abc'],
      ['--timeout', '-1'],
      ['--days', 'Infinity'],
    ] as const) {
      const r = await cli(cwd, 'monitor', 'a', `${flag}=${value}`);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`错误：${flag} 必须是正数（可带小数），收到“${value}”\n`);
    }
    expect((await cli(cwd, 'monitor', 'a', '--days', '7', '--per-day', '100000')).stderr).toContain('超过上限 100000 次');
    const store = openAssessment(path.join(cwd, 'a'));
    expect(store.listMonitorAttempts()).toEqual([]);
    store.close();
  });
});
