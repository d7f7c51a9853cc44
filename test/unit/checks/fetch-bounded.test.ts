import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHtml, fetchBounded } from '../../../electron/services/checks/fetch-bounded';
import { anchorText, extractLinks, linkKind } from '../../../electron/services/checks/extract-links';

// Hostile and broken servers on loopback: every request ends inside its bounds.
describe('bounded fetching', () => {
  let server: Server;
  let base = '';
  const timers: NodeJS.Timeout[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end();
      else if (req.url === '/to-file') res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      else if (req.url === '/drip') {
        res.writeHead(200, { 'content-type': 'text/html' });
        timers.push(setInterval(() => res.write('x'), 200));
      } else if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(64 * 1024, 97);
        const pump = () => {
          while (res.write(chunk)) if (res.destroyed) return;
          res.once('drain', pump);
        };
        pump();
      } else if (req.url === '/silent') {
        // accepts and never answers
      } else if (req.url === '/gbk') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(iconv.encode('<html><head><meta charset="gb2312"></head><body>政务动态</body></html>', 'gbk'));
      } else if (req.url === '/big.zip') {
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(50 * 1024 * 1024) });
        const chunk = Buffer.alloc(64 * 1024);
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    timers.forEach(clearInterval);
    server.closeAllConnections();
    server.close();
  });

  const limits = { timeoutMs: 800, maxBytes: 1024 * 1024, maxRedirects: 5 };

  it('stops infinite redirects', async () => {
    expect((await fetchBounded(`${base}/loop`, 'GET', limits)).failure).toMatchObject({ kind: 'redirects' });
  });
  it('names a redirect to a file: address as such, not as too many redirects', async () => {
    expect((await fetchBounded(`${base}/to-file`, 'GET', limits)).failure).toEqual({
      kind: 'other',
      message: expect.stringMatching(/^重定向到不支持的地址（file:），未跟随：file:/u),
    });
  });
  it('cuts off a server that drips one byte at a time', async () => {
    const t0 = Date.now();
    expect((await fetchBounded(`${base}/drip`, 'GET', limits)).failure).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - t0).toBeLessThan(3000);
  });
  it('stops reading a huge response at the byte limit', async () => {
    const r = await fetchBounded(`${base}/huge`, 'GET', limits);
    expect(r.truncated).toBe(true);
    expect(r.body.length).toBe(1024 * 1024);
  });
  it('gives up on a connection that never answers', async () => {
    expect((await fetchBounded(`${base}/silent`, 'GET', limits)).failure).toMatchObject({ kind: 'timeout' });
  });
  it('decodes GBK pages that declare their charset only in a meta tag, or not at all', async () => {
    const r = await fetchBounded(`${base}/gbk`, 'GET', limits);
    expect(decodeHtml(r.body, String(r.headers['content-type']))).toContain('政务动态');
    expect(decodeHtml(iconv.encode('<p>通知公告</p>', 'gbk'))).toContain('通知公告');
  });
  it('stops at the status when the body is not wanted, and on cancel', async () => {
    const t0 = Date.now();
    const r = await fetchBounded(`${base}/big.zip`, 'GET', limits, { wantBody: () => false });
    expect([r.status, r.body.length, r.failure]).toEqual([200, 0, undefined]);
    expect(Date.now() - t0).toBeLessThan(500);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const cancelled = await fetchBounded(`${base}/silent`, 'GET', { ...limits, timeoutMs: 10_000 }, { signal: controller.signal });
    expect(cancelled.failure).toMatchObject({ kind: 'aborted' });
    expect(Date.now() - t0).toBeLessThan(1_000);
  });
  it('extracts links to check and skips javascript:, mailto:, tel: and anchors, resolving ..', () => {
    const html = `<a href="../a/b.html">x</a><a href="javascript:void(0)">j</a><a href="mailto:x@y.cn">m</a><a href="tel:123">t</a><a href="#top">t</a><img src='/i.png'><link href=/s.css rel=stylesheet><a href="c.html#frag">c</a>`;
    expect(extractLinks(html, 'http://site.gov.cn/x/y/page.html').map((l) => l.url)).toEqual([
      'http://site.gov.cn/x/a/b.html',
      'http://site.gov.cn/i.png',
      'http://site.gov.cn/s.css',
      'http://site.gov.cn/x/y/c.html',
    ]);
  });
  it("skips comments, script bodies and host hints, decodes &amp;, honours <base>, and keeps each link's position", () => {
    const html = `<base href="http://cdn.site.gov.cn/root/"><!-- <a href="/old.html">旧</a> --><script>document.write('<a href="/js.html">x</a>')</script><script src="app.js"></script><link rel="dns-prefetch" href="//other.cn"><a title="a>b" href="list.jsp?a=1&amp;b=2">列表</a><a href="/map.html"><img src="/m.png" alt="网站地图"></a>`;
    const links = extractLinks(html, 'http://site.gov.cn/page.html');
    expect(links.map((l) => [l.tag, l.url])).toEqual([
      ['script', 'http://cdn.site.gov.cn/root/app.js'],
      ['a', 'http://cdn.site.gov.cn/root/list.jsp?a=1&b=2'],
      ['a', 'http://cdn.site.gov.cn/map.html'],
      ['img', 'http://cdn.site.gov.cn/m.png'],
    ]);
    expect(links.slice(1, 3).map((l) => anchorText(html, l.at))).toEqual(['列表', '网站地图']);
  });
  it('tells pages, attachments, images and the rest apart', () => {
    expect([
      linkKind('a', 'http://x/a.html'),
      linkKind('a', 'http://x/f/doc.PDF?id=1'),
      linkKind('a', 'http://x/p.jpg'),
      linkKind('img', 'http://x/img.do?id=3'),
      linkKind('link', 'http://x/s.css'),
      linkKind('iframe', 'http://x/map'),
      linkKind('a', 'http://x/v.mp4'),
    ]).toEqual(['page', 'attachment', 'image', 'image', 'style', 'frame', 'media']);
  });
});
