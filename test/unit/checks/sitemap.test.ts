import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../electron/services/checks/crawl';
import { closedPort } from '../../helpers/closed-port';
import { checkSitemap, sitemapNotes, sitemapObservations } from '../../../electron/services/checks/sitemap';

type Routes = Record<string, [number, string, string]>;
const servers: Server[] = [];
const hits: string[] = [];

/** A small site answering from `routes` (path → status, content type, body); 404 elsewhere. */
async function site(routes: (base: string) => Routes): Promise<string> {
  let table: Routes = {};
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    const [status, type, body] = table[req.url ?? '/'] ?? [404, 'text/html; charset=utf-8', '<title>404</title>'];
    res.writeHead(status, { 'content-type': type }).end(req.method === 'HEAD' ? undefined : body);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  table = routes(base);
  return `${base}/`;
}
const html = (body: string): [number, string, string] => [
  200,
  'text/html; charset=utf-8',
  `<html><head><title>测试站</title></head><body>${body}</body></html>`,
];

describe('the site map', () => {
  afterAll(() => servers.forEach((s) => s.close()));

  it('follows the home page link 网站地图 and counts the links on it that do not open', async () => {
    const home = await site(() => ({
      '/': html('<a href="/a.html">甲</a><div class="footer"><a href="/wzdt/index.html"><img src="/i/map.png" alt="网站地图"></a></div>'),
      '/wzdt/index.html': html(
        '<h2>网站地图</h2><a href="/a.html">甲</a><a href="/b.html">乙</a><a href="/c.html">丙</a><a href="../b.html#x">乙</a><img src="/i/logo.png"><a href="https://www.gov.cn/">中国政府网</a>',
      ),
      '/a.html': html('甲'),
    }));
    const crawl = await crawlSite(home, { maxDepth: 0 });
    const report = await checkSitemap(crawl, { external: false });
    expect([report.sitemapUrl, report.foundBy]).toEqual([`${home}wzdt/index.html`, 'link']);
    expect(report.links.map((l) => [l.url.slice(home.length - 1), l.result.state])).toEqual([
      ['/a.html', 'ok'],
      ['/b.html', 'broken'],
      ['/c.html', 'broken'],
    ]);
    expect(sitemapObservations(report)).toEqual([
      {
        detect: 'sitemap.links',
        count: 2,
        summary: '站点地图中有 2 个链接打不开',
        items: [
          { url: `${home}wzdt/index.html`, link: `${home}b.html`, reason: 'HTTP 404' },
          { url: `${home}wzdt/index.html`, link: `${home}c.html`, reason: 'HTTP 404' },
        ],
      },
    ]);
  });

  it('reuses link states already known instead of asking again', async () => {
    const home = await site(() => ({
      '/': html('<a href="/map.html">站点地图</a>'),
      '/map.html': html('<a href="/known.html">已知</a><a href="/new.html">新</a>'),
    }));
    hits.length = 0;
    const report = await checkSitemap(await crawlSite(home, { maxDepth: 0 }), {
      external: false,
      known: new Map([[`${home}known.html`, { state: 'broken', reason: 'HTTP 500' }]]),
    });
    expect(report.links.map((l) => l.result)).toEqual([
      { state: 'broken', reason: 'HTTP 500' },
      { state: 'broken', reason: 'HTTP 404' },
    ]);
    expect(hits.filter((h) => h.includes('known.html'))).toEqual([]);
  });

  it('finds an XML site map at the usual address when the home page links none', async () => {
    const home = await site((base) => ({
      '/': html('<a href="/a.html">甲</a>'),
      '/sitemap.html': [200, 'text/html', '<html><head><title>页面不存在</title></head><body><a href="/">返回首页</a></body></html>'],
      '/sitemap.xml': [
        200,
        'application/xml',
        `<?xml version="1.0"?><urlset><url><loc>${base}/a.html</loc></url><url><loc><![CDATA[${base}/gone.html?a=1&b=2]]></loc></url></urlset>`,
      ],
      '/a.html': html('甲'),
    }));
    const report = await checkSitemap(home, { external: false });
    expect([report.sitemapUrl, report.foundBy]).toEqual([`${home}sitemap.xml`, 'probe']);
    expect(report.links.map((l) => [l.url.slice(home.length - 1), l.result.state])).toEqual([
      ['/a.html', 'ok'],
      ['/gone.html?a=1&b=2', 'broken'],
    ]);
  });

  it('reports a missing site map: none linked, none at the usual addresses, or a link that does not open', async () => {
    const none = await checkSitemap(
      await site(() => ({
        '/': html('<a href="/a.html">甲</a>'),
        '/wzdt/': [200, 'text/html', '<title>出错了</title><a href="/">首页</a>'],
      })),
    );
    expect(sitemapObservations(none)).toEqual([expect.objectContaining({ detect: 'sitemap.missing', count: 1 })]);
    expect(none.note).toContain('/sitemap.html、/sitemap.xml、/wzdt/');
    const dead = await checkSitemap(await site(() => ({ '/': html('<a href="/wzdt.html">网站地图</a>') })));
    expect(dead.sitemapUrl).toBeNull();
    expect(sitemapObservations(dead)[0]).toMatchObject({
      detect: 'sitemap.missing',
      summary: expect.stringContaining('“网站地图”链接打不开'),
    });
  });

  it('calls a site map on a host that gives no answer unverified, not missing', async () => {
    const elsewhere = `http://127.0.0.1:${await closedPort()}/wzdt/`;
    const report = await checkSitemap(await site(() => ({ '/': html(`<a href="${elsewhere}">网站地图</a>`) })));
    expect(sitemapObservations(report)).toEqual([]);
    expect(sitemapNotes(report)).toEqual([
      expect.objectContaining({ detect: 'sitemap.missing', ok: false, text: expect.stringContaining('没有响应') }),
    ]);
  });
});
