import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../electron/services/checks/crawl';
import { checkLinks, countBroken, linkObservations, linkStates } from '../../../electron/services/checks/link-check';
import { mapLookup } from '../../helpers/lookup';

describe('link states and where they are reported', () => {
  let server: Server;
  let base = '';
  let port = 0;
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const page = (body: string) =>
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(req.method === 'HEAD' ? undefined : body);
      if (req.url === '/robots.txt')
        return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /nei/\n');
      if (req.url === '/')
        return void page(
          `<a href="/a.html">甲</a><a href="/err">接口</a><a href="http://no-such-host.invalid/x">外站</a><img src="/slow.png"><a href="/nei/1.html">内部</a><a href="http://alive.test:${port}/ok">能打开的外站</a>`,
        );
      if (req.url === '/ok') return void page('ok');
      if (req.url === '/a.html') return void page('<a href="/err">接口</a><a href="/gone.pdf">附件</a><a href="/err">又一次</a>');
      if (req.url === '/err') return void res.writeHead(500).end();
      if (req.url === '/slow.png') return; // never answers
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('reports timeouts, DNS failures, 4xx and 5xx with the pages they are on, once per page; robots-disallowed links unverified', async () => {
    // Another site answers, so the network works and a name that does not resolve is a broken link.
    const limits = { timeoutMs: 500, maxBytes: 1024 * 1024, maxRedirects: 3, lookup: mapLookup({ 'alive.test': '127.0.0.1' }) };
    const crawl = await crawlSite(`${base}/`, { limits });
    const report = await checkLinks(crawl, { limits });
    const states = linkStates(report);
    expect(states.get(`${base}/slow.png`)).toEqual({ state: 'broken', reason: '超时（超过 0.5 秒未响应）', network: true });
    expect(states.get(`http://alive.test:${port}/ok`)).toEqual({ state: 'ok' });
    expect(states.get('http://no-such-host.invalid/x')).toMatchObject({ state: 'broken', reason: expect.stringContaining('域名无法解析') });
    expect(states.get(`${base}/nei/1.html`)).toEqual({ state: 'unverified', reason: 'robots.txt 不允许访问，未检查' });
    const { home, other } = countBroken(report);
    expect(home.map((b) => [b.url.replace(base, ''), b.reason])).toEqual([
      ['/err', 'HTTP 500'],
      ['http://no-such-host.invalid/x', expect.stringContaining('ENOTFOUND')],
      ['/slow.png', expect.stringContaining('超时')],
    ]);
    expect(other.map((b) => `${b.page.replace(base, '')} → ${b.url.replace(base, '')} ${b.reason}`)).toEqual([
      '/a.html → /err HTTP 500',
      '/a.html → /gone.pdf HTTP 404',
    ]);
    expect(linkObservations(report).map((o) => [o.detect, o.count, o.items.map((i) => i.url.replace(base, ''))])).toEqual([
      ['links.home', 3, ['/', '/', '/']],
      ['links.other', 2, ['/a.html', '/a.html']],
    ]);
    // The crawl's pages (/err too) were not asked again, robots-disallowed ones not at all; a 404 attachment by HEAD, then GET.
    expect(seen.filter((s) => /\/(a\.html|err|nei\/)/u.test(s))).toEqual(['GET /a.html', 'GET /err']);
    expect(seen.filter((s) => s.endsWith(' /gone.pdf'))).toEqual(['HEAD /gone.pdf', 'GET /gone.pdf']);
  });

  it('leaves other sites out when asked to', async () => {
    const report = await checkLinks(`${base}/`, { external: false, limits: { timeoutMs: 300, maxBytes: 1024, maxRedirects: 1 } });
    expect(report.links.some((l) => l.url.includes('invalid'))).toBe(false);
    expect(report.pages).toEqual([`${base}/`, `${base}/a.html`, `${base}/err`]);
  });
});

describe('working offline', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const body =
        req.url === '/all-outside'
          ? '<a href="http://a.invalid/x">外站一</a><a href="http://b.invalid/y">外站二</a>'
          : `<a href="http://localhost:${port}/ok">本机另一名称</a><a href="http://gone.invalid/z">已停用</a>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(req.method === 'HEAD' ? undefined : body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  const limits = { timeoutMs: 2000, maxBytes: 1024 * 1024, maxRedirects: 3 };

  it('calls outside links unverified, not broken, when no outside name resolves at all', async () => {
    const report = await checkLinks(`http://127.0.0.1:${port}/all-outside`, { limits, maxDepth: 0 });
    expect(linkObservations(report)).toEqual([]);
    expect(report.links.map((l) => l.result.state)).toEqual(['unverified', 'unverified']);
    expect(report.notes.map((n) => n.text).join('\n')).toContain('可能未联网');
  });

  it('still calls a dead outside domain broken when other outside names resolve', async () => {
    const report = await checkLinks(`http://127.0.0.1:${port}/mixed`, { limits, maxDepth: 0 });
    expect(linkStates(report).get('http://gone.invalid/z')).toMatchObject({
      state: 'broken',
      reason: expect.stringContaining('域名无法解析'),
    });
    expect(linkStates(report).get(`http://localhost:${port}/ok`)).toEqual({ state: 'ok' });
  });
});
