import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, sandboxNotice } from '../../electron/services/browse/chromium-launch';
import { createNetworkGuard, isPrivateAddress } from '../../electron/services/browse/private-network';
import { createPuppeteerHost } from '../../electron/services/browse/puppeteer-host';
import type { BrowserHost } from '../../electron/services/browse/types';

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve) => server.listen(0, host, () => resolve((server.address() as AddressInfo).port)));
}

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
    ['172.32.0.1', false],
    ['8.8.8.8', false],
    ['2001:db8::1', false],
  ])('%s is private: %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });

  it('refuses names resolving to private addresses, except the hosts of targets', async () => {
    const guard = createNetworkGuard(async (host) => (host === 'rebind.example' ? ['192.168.0.10'] : ['203.0.113.5']));
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
  let target: Server;
  let internal: Server;
  let targetUrl = '';
  let internalUrl = '';
  const hits: string[] = [];
  let host: BrowserHost;
  let browser: Browser | undefined;

  beforeAll(async () => {
    internal = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('internal');
    });
    // Another loopback address: "the reviewer's machine", not the target.
    internalUrl = `http://127.0.0.2:${await listen(internal, '127.0.0.2')}`;
    target = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><title>被考评网站</title><img src="${internalUrl}/img"><script>fetch('${internalUrl}/fetch').catch(()=>{});</script><p>正文</p>`);
    });
    targetUrl = `http://127.0.0.1:${await listen(target, '127.0.0.1')}`;
    host = createPuppeteerHost({
      profileDir: mkdtempSync(path.join(os.tmpdir(), 'kaoping-guard-profile-')),
      onVisit: () => undefined,
      launch: async (userDataDir) => (browser = await launchChromium({ userDataDir })),
    });
  });
  afterAll(async () => {
    await host.close();
    target.close();
    internal.close();
  });

  it('talks to Chromium over a pipe: no DevTools TCP port is opened', async () => {
    await host.open(1, `${targetUrl}/`);
    const args = browser!.process()!.spawnargs;
    expect(args).toContain('--remote-debugging-pipe');
    expect(args.some((a) => a.startsWith('--remote-debugging-port'))).toBe(false);
  });

  it('loads the target (itself on loopback) while its page cannot reach other local addresses', async () => {
    const state = await host.open(1, `${targetUrl}/`);
    expect(state).toMatchObject({ title: '被考评网站', error: null });
    // The page's own requests to 127.0.0.2 were refused in the browser: the service saw none of them.
    await host.go('reload');
    expect(hits).toEqual([]);
    const blocked = await host.navigate(`${internalUrl}/`);
    expect(blocked.error?.message).toMatch(/本机或内网地址/u);
    expect(hits).toEqual([]);
  });

  it('says so in the browser state when the sandbox cannot be on', () => {
    const notice = host.state().notice ?? null;
    expect(notice).toBe(sandboxNotice());
    if (process.getuid?.() === 0) expect(notice).toMatch(/未启用沙箱.*root/u);
  });
});
