import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageKey } from '../../../electron/services/checks/page-identity';
import { crawlSite } from '../../../electron/services/checks/crawl';
import { checkLinks, countBroken } from '../../../electron/services/checks/link-check';

describe('one page, one identity', () => {
  it('takes index files, fragments, empty queries, tracking and cache-busting parameters and their order as the same page', () => {
    const same = [
      'http://x.gov.cn/a/',
      'http://x.gov.cn/a/index.html',
      'http://x.gov.cn/a/index.htm',
      'http://x.gov.cn/a/default.htm',
      'http://x.gov.cn/a/default.html',
      'http://x.gov.cn/a/index.shtml',
      'http://x.gov.cn/a/index.jsp',
      'http://x.gov.cn/a/#top',
      'http://x.gov.cn/a/?',
      'http://x.gov.cn/a/?utm_source=wx&spm=1.2',
      'http://x.gov.cn/a/?_=1700000000000',
      'http://x.gov.cn/a/;jsessionid=ABC123',
    ];
    expect(new Set(same.map(pageKey))).toEqual(new Set(['http://x.gov.cn/a/']));
    expect(pageKey('http://x.gov.cn/list.jsp?page=2&col=5')).toBe(pageKey('http://x.gov.cn/list.jsp?col=5&page=2'));
  });

  it('keeps apart what chooses another page', () => {
    const apart = [
      'http://x.gov.cn/a/',
      'http://x.gov.cn/a/index_1.html',
      'http://x.gov.cn/a/?page=2',
      'http://x.gov.cn/a/?t=abc',
      'http://x.gov.cn/b/index.html',
      'http://x.gov.cn/a/indexes.html',
    ];
    expect(new Set(apart.map(pageKey)).size).toBe(apart.length);
  });
});

describe('a home page at / and /index.html with 5 broken links', () => {
  let server: Server;
  let base = '';
  const HOME =
    '<html><body><a href="/index.html">首页</a><a href="/index.html#main">正文</a><a href="/?utm_source=wx">分享</a><a href="/r">跳转首页</a><a href="/next.html">下一页</a>' +
    [1, 2, 3, 4, 5].map((i) => `<a href="/dead${i}.html">坏${i}</a>`).join('') +
    '</body></html>';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url!.split('?')[0];
      if (path === '/' || path === '/index.html')
        return void res.writeHead(200, { 'content-type': 'text/html' }).end(req.method === 'HEAD' ? undefined : HOME);
      if (path === '/r') return void res.writeHead(302, { location: '/index.html' }).end();
      if (path === '/next.html')
        return void res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<html><body><a href="/dead1.html">坏</a><a href="/dead6.html">另一个坏</a></body></html>');
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('crawls it once and counts its links once, as home-page links', async () => {
    const crawl = await crawlSite(`${base}/`);
    expect(crawl.pages.filter((p) => p.status === 200).map((p) => p.url.replace(base, ''))).toEqual(['/', '/next.html']);
    const { home, other } = countBroken(await checkLinks(crawl, { external: false }));
    expect(home).toHaveLength(5);
    expect(other.map((b) => b.url.replace(base, ''))).toEqual(['/dead1.html', '/dead6.html']);
  });
});
