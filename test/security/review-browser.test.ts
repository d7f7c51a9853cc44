import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, sandboxNotice } from '../../electron/services/browse/chromium-launch';
import { createNetworkGuard, isPrivateAddress } from '../../electron/services/browse/private-network';
import { createPuppeteerHost } from '../../electron/services/browse/puppeteer-host';
import type { BrowserHost } from '../../electron/services/browse/types';
import { createEvidenceShooter } from '../../electron/services/checks/evidence-shots';
import { freshAssessment } from '../helpers/assessment';
import { startLocalService, type LocalService } from './local-services';

describe('private network guard', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['[::1]', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:192.168.0.1', true],
    // How a URL spells ::ffff:127.0.0.2 (new URL('http://[::ffff:127.0.0.2]/').hostname), and other IPv6 wrappings of IPv4.
    ['[::ffff:7f00:2]', true],
    ['::ffff:c0a8:101', true],
    ['::127.0.0.1', true],
    ['64:ff9b::10.0.0.1', true],
    ['fe80::1%eth0', true],
    ['fec0::1', true],
    ['ff02::1', true],
    ['::ffff:808:808', false],
    ['64:ff9b::8.8.8.8', false],
    ['2400:3200::1', false],
    ['172.32.0.1', false],
    ['8.8.8.8', false],
    ['2001:db8::1', false],
  ])('%s is private: %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });

  it('refuses names resolving to private addresses, except the hosts of targets', async () => {
    const guard = createNetworkGuard({ lookup: async (host) => (host === 'rebind.example' ? ['192.168.0.10'] : ['203.0.113.5']) });
    expect(await guard.allow('http://rebind.example/admin')).toBe(false);
    expect(await guard.allow('http://localhost:8080/')).toBe(false);
    expect(await guard.allow('https://www.gov.cn/')).toBe(true);
    expect(await guard.allow('data:text/plain,x')).toBe(true);
    guard.permit('http://10.0.0.8/');
    expect(await guard.allow('http://10.0.0.8:8443/x')).toBe(true);
    expect(await guard.allow('http://10.0.0.9/')).toBe(false);
  });
});

describe('review browser in browser mode', () => {
  let target: LocalService;
  let internal: LocalService;
  let host: BrowserHost;
  let browser: Browser | undefined;

  beforeAll(async () => {
    // Another loopback address: "the reviewer's machine", not the target. It would accept WebSockets too.
    internal = await startLocalService('127.0.0.2');
    const wsPage = (urls: Record<string, string>) => `<!doctype html><title>连接中</title><script>
      const result = {};
      for (const [name, url] of Object.entries(${JSON.stringify(urls)})) {
        const socket = new WebSocket(url);
        socket.onopen = () => { result[name] = 'open'; finish(); };
        socket.onerror = () => { result[name] = 'error'; finish(); };
      }
      function finish() { if (Object.keys(result).length === ${Object.keys(urls).length}) document.title = JSON.stringify(result); }
    </script>`;
    target = await startLocalService('127.0.0.1', (req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      const own = `ws://127.0.0.1:${target.port}/own`;
      const inside = `${internal.origin.replace('http', 'ws')}`;
      if (req.url === '/ws')
        res.end(
          wsPage({
            own,
            internal: `${inside}/ws`,
            secure: `${inside.replace('ws:', 'wss:')}/wss`,
            rebound: `ws://rebind.test:${internal.port}/ws`,
          }),
        );
      else if (req.url === '/basic') {
        // A site asking for a login: whatever answers must not be the proxy's credential.
        if (req.headers.authorization) siteAuthorizations.push(req.headers.authorization);
        res.writeHead(401, { 'www-authenticate': 'Basic realm="site"' }).end('<title>需要登录</title>');
      } else if (req.url === '/rebind')
        res.end(
          `<!doctype html><title>重绑定</title><img src="http://rebind.test:${internal.port}/img"><script>fetch('http://rebind.test:${internal.port}/fetch').catch(()=>{});</script>`,
        );
      else
        res.end(
          `<!doctype html><title>被考评网站</title><img src="${internal.origin}/img"><script>fetch('${internal.origin}/fetch').catch(()=>{});</script><p>正文</p>`,
        );
    });
    host = createPuppeteerHost({
      profileDir: mkdtempSync(path.join(os.tmpdir(), 'kaoping-guard-profile-')),
      onVisit: () => undefined,
      navigationTimeoutMs: 10_000,
      // The attacker's name server: rebind.test is public the first time it is asked, this machine after.
      network: {
        lookup: async (name) => (name === 'rebind.test' ? (reboundAnswers++ === 0 ? ['198.51.100.7'] : ['127.0.0.2']) : []),
        cacheMs: 0,
      },
      // Were Chromium to resolve rebind.test itself, it would reach the internal service: the attack DNS rebinding makes.
      launch: async (launchOptions) =>
        (browser = await launchChromium({
          ...launchOptions,
          args: [...launchOptions.args, `--host-resolver-rules=MAP rebind.test 127.0.0.2`],
        })),
    });
  });
  let reboundAnswers = 0;
  const siteAuthorizations: string[] = [];
  afterAll(async () => {
    await host.close();
    target.close();
    internal.close();
  });

  it('talks to Chromium over a pipe: no DevTools TCP port is opened', async () => {
    await host.open(1, `${target.origin}/`);
    const args = browser!.process()!.spawnargs;
    expect(args).toContain('--remote-debugging-pipe');
    expect(args.some((a) => a.startsWith('--remote-debugging-port'))).toBe(false);
    // Every connection, loopback included, goes through the guard proxy.
    expect(args).toContain('--proxy-bypass-list=<-loopback>');
    expect(args.some((a) => /^--proxy-server=http:\/\/127\.0\.0\.1:\d+$/u.test(a))).toBe(true);
  });

  it('loads the target (itself on loopback) while its page cannot reach other local addresses', async () => {
    const state = await host.open(1, `${target.origin}/`);
    expect(state).toMatchObject({ title: '被考评网站', error: null });
    // The page's own requests to 127.0.0.2 were refused by the proxy: the service saw no connection at all.
    await host.go('reload');
    const blocked = await host.navigate(`${internal.origin}/`);
    expect(blocked.error).toMatchObject({ kind: 'network', message: expect.stringMatching(/本机或内网地址.*ERR_BLOCKED_BY_CLIENT/u) });
    const secure = await host.navigate(`${internal.origin.replace('http:', 'https:')}/`);
    expect(secure.error?.message).toMatch(/本机或内网地址/u);
    expect(internal.connections).toBe(0);
  });

  it('blocks WebSockets (ws and wss) to local services, while the target’s own WebSocket opens', async () => {
    await host.navigate(`${target.origin}/ws`);
    const page = (await browser!.pages()).find((p) => p.url() === `${target.origin}/ws`)!;
    await page.waitForFunction(() => document.title.startsWith('{'), { timeout: 15_000 });
    expect(JSON.parse(await page.title())).toEqual({ own: 'open', internal: 'error', secure: 'error', rebound: 'error' });
    expect(target.upgrades).toBeGreaterThanOrEqual(1);
    expect(internal.connections).toBe(0);
    expect(internal.upgrades).toBe(0);
  });

  it('is not fooled by DNS rebinding: the address checked is the address connected to', async () => {
    await host.navigate(`${target.origin}/rebind`);
    const rebound = await host.navigate(`http://rebind.test:${internal.port}/`);
    expect(rebound.error?.message).toMatch(/本机或内网地址/u);
    // Every request for rebind.test was resolved by the proxy, never by Chromium (which would have said 127.0.0.2).
    expect(reboundAnswers).toBeGreaterThanOrEqual(3);
    expect(internal.connections).toBe(0);
    expect(internal.hits).toEqual([]);
  });

  it('gives the proxy’s credential to the proxy only, never to a site asking for a login', async () => {
    const state = await host.navigate(`${target.origin}/basic`);
    expect(state.error).toMatchObject({ kind: 'http', message: expect.stringContaining('401') });
    expect(siteAuthorizations).toEqual([]);
  });

  it('says so in the browser state when the sandbox cannot be on', () => {
    const notice = host.state().notice ?? null;
    expect(notice).toBe(sandboxNotice());
    if (process.getuid?.() === 0) expect(notice).toMatch(/未启用沙箱.*root/u);
  });
});

describe('screenshots taken by the automated checks', () => {
  it('go through the same guard: the target’s page is shot, its requests to 127.0.0.2 and a page there are not', async () => {
    const internal = await startLocalService('127.0.0.2');
    const target = await startLocalService('127.0.0.1', (_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><title>栏目</title><img src="${internal.origin}/img"><script>new WebSocket('${internal.origin.replace('http', 'ws')}/ws');</script><p id="x">更新时间</p>`,
      );
    });
    const { store } = freshAssessment();
    const site = store.addTarget({
      kind: 'website',
      unit: '南岭县人民政府',
      name: '南岭县人民政府门户网站',
      url: `${target.origin}/`,
      classId: 'county',
      attributes: {},
      identifier: null,
      platform: null,
    });
    const shooter = createEvidenceShooter(store, { maxShots: 3, timeoutMs: 10_000 });
    const said: string[] = [];
    try {
      const suggestion = {
        target: site.name,
        targetId: site.id,
        check: 'freshness.news',
        indicatorId: 'x',
        indicator: '信息发布/更新',
        rule: 1,
        count: 1,
        status: 'suggested' as const,
        summary: '栏目未更新',
        evidence: [{ url: `${target.origin}/column`, selector: '#x' }, { url: `${internal.origin}/admin` }],
        evidenceIds: [],
      };
      const ids = await shooter.shoot(site, suggestion, (line) => said.push(line));
      expect(ids).toHaveLength(1);
      expect(said.join('\n')).toMatch(/无法截图 http:\/\/127\.0\.0\.2.*本机或内网地址/u);
      expect(target.hits).toContain('/column');
      expect(internal.connections).toBe(0);
    } finally {
      await shooter.close();
      store.close();
      target.close();
      internal.close();
    }
  });
});
