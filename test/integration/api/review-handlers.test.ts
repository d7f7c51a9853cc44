import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/run-cli';
import { callThroughDispatch } from '../../helpers/dispatch';

// The handler table behind both transports, called as the renderer calls it:
// through dispatch, with the contract's validation.
describe('review handlers through dispatch', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-handlers-'));
  const call = callThroughDispatch(workspace);
  let server: Server;
  let url = '';

  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(503).end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await cli(workspace, 'new', 'a', '--ruleset', 'zhanjiang-2021');
    await cli(workspace, 'targets', 'add', 'a', '--name', '南岭市教育局', '--url', url, '--class', '第二类');
  });
  afterAll(() => server.close());

  it('adds, confirms and withdraws findings with live scores, and refuses a rule the indicator lacks', async () => {
    const f = await call<{ id: number; indicatorPath: string }>('findings/add', {
      id: 'a',
      targetId: 1,
      indicatorId: 'basic.health.availability',
      rule: 1,
      count: 2,
      actionId: 'add:handlers-1',
    });
    expect(f.indicatorPath).toBe('健康情况/可用性');
    expect((await call<{ score: { total: number } }>('review/target', { id: 'a', targetId: 1 })).score.total).toBe(99.6);
    await expect(
      call('findings/add', {
        id: 'a',
        targetId: 1,
        indicatorId: 'basic.health.availability',
        rule: 9,
        count: 1,
        actionId: 'add:handlers-2',
      }),
    ).rejects.toThrow('没有第 9 条评分细则');
    // Changing a confirmed finding needs a reason; with one, the history keeps it.
    await expect(call('findings/update', { id: 'a', findingId: f.id, count: 1 })).rejects.toThrow('必须填写原因');
    await call('findings/update', { id: 'a', findingId: f.id, count: 1, reason: '复核后只有 1 处' });
    expect((await call<{ score: { total: number } }>('review/target', { id: 'a', targetId: 1 })).score.total).toBe(99.8);
    const progress = await call<{ reviewed: number; total: number }>('review/markReviewed', {
      id: 'a',
      targetId: 1,
      indicatorId: 'basic.health.availability',
      reviewed: true,
    });
    expect(progress.reviewed).toBe(1);
    await expect(call('browser/navigate', { url: 'javascript:alert(1)' })).rejects.toThrow('只能打开 http 或 https 网址');
  });

  it('monitors in the background and suggests the veto when it is stopped', async () => {
    await call('monitor/start', { id: 'a', days: 0.001, perDay: 1440, timeoutSeconds: 2 });
    await expect(call('monitor/start', { id: 'a', days: 1, perDay: 20, timeoutSeconds: 15 })).rejects.toThrow('正在进行可用性监测');
    for (let i = 0; i < 100; i++) {
      const s = await call<{ targets: { attempts: number }[] }>('monitor/status', { id: 'a' });
      if (s.targets[0]?.attempts) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const stopped = await call<{ running: boolean; targets: { attempts: number; failures: number; ratio: number }[] }>('monitor/stop', {
      id: 'a',
    });
    expect(stopped.running).toBe(false);
    expect(stopped.targets[0]).toMatchObject({ attempts: 1, failures: 1, ratio: 1, shortfalls: ['仅访问 1 次，无法按天计算'] });
    const review = await call<{ findings: { indicatorPath: string; status: string; source: string }[] }>('review/target', {
      id: 'a',
      targetId: 1,
    });
    expect(review.findings).toContainEqual(
      expect.objectContaining({ indicatorPath: '单项否决/站点无法访问', status: 'suggested', source: 'monitor.unreachable' }),
    );
  });
});
