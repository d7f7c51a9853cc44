import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../electron/services/checks/crawl';
import { siteKey } from '../../../electron/services/checks/extract-links';
import { sampleSites } from '../../../electron/services/demo/sample-sites';
import { serveSampleSite, type RunningSite } from '../../../electron/services/demo/site-server';

describe('crawling the bundled sample sites', () => {
  let sites: RunningSite[] = [];
  let county: RunningSite;
  let department: RunningSite;
  beforeAll(async () => {
    sites = await Promise.all(sampleSites(new Date('2025-06-30T00:00:00Z')).map(serveSampleSite));
    [county, department] = sites as [RunningSite, RunningSite];
  });
  afterAll(async () => Promise.all(sites.map((s) => s.close())));
  const path = (u: string) => new URL(u).pathname;

  it('crawls breadth first, the same way every time, naming each page and where it was linked from', async () => {
    const lines: string[] = [];
    const a = await crawlSite(county.url, { concurrency: 4, onProgress: (line) => lines.push(line) });
    const b = await crawlSite(county.url, { concurrency: 1 });
    expect(a.pages.map((p) => p.url)).toEqual(b.pages.map((p) => p.url));
    expect([...a.links.values()]).toEqual([...b.links.values()]);
    expect(a.pages.map((p) => p.depth)).toEqual([...a.pages.map((p) => p.depth)].sort((x, y) => x - y));
    expect(a.pages.slice(0, 7).map((p) => [path(p.url), p.kind, p.linkText ?? ''])).toEqual([
      ['/', 'home', ''],
      ['/zwdt/', 'column', '政务动态'],
      ['/tzgg/', 'column', '通知公告'],
      ['/zcwj/', 'column', '政策文件'],
      ['/zcjd/', 'column', '政策解读'],
      ['/hdjl/', 'column', '互动交流'],
      ['/bsfw/', 'column', '办事服务'],
    ]);
    expect(a.pages.find((p) => path(p.url) === '/zwdt/1.html')).toMatchObject({ kind: 'article', depth: 1, status: 200 });
    expect(a.pages.find((p) => path(p.url) === '/ztzl/2019cjwm/')).toMatchObject({ status: 404, kind: 'other' });
    expect(a.pages.every((p) => p.status !== 200 || p.html?.includes('南岭县人民政府门户网站'))).toBe(true);
    expect(lines.slice(0, 3)).toEqual(['抓取第 1 层：累计 1 个页面', '抓取第 2 层：累计 14 个页面', '抓取第 3 层：累计 17 个页面']);
    expect(lines.at(-1)).toMatch(/^抓取完成：抓取 17 个页面，用时 \d+ 秒，全站已覆盖，\d+ 个链接$/u);
    expect(a.coverage).toMatchObject({ pages: 17, cutBy: [], left: { pages: 0, depth: 0 }, maxPages: 10_000, maxDepth: null });
  });

  it('records every link once with each page it is on, and crawls only the same site', async () => {
    const crawl = await crawlSite(county.url);
    const htmlPages = crawl.pages.filter((p) => p.html).map((p) => p.url);
    expect(crawl.links.get(new URL('/css/site.css', county.url).href)).toEqual({
      url: new URL('/css/site.css', county.url).href,
      kind: 'style',
      foundOn: htmlPages,
    });
    expect(crawl.links.get(new URL('/tzgg/files/cbjf.xlsx', county.url).href)).toMatchObject({
      kind: 'attachment',
      foundOn: [new URL('/tzgg/1.html', county.url).href],
    });
    expect(crawl.links.get('https://www.gdzwfw.gov.cn/')).toMatchObject({ kind: 'page', foundOn: [new URL('/bsfw/', county.url).href] });
    expect([...crawl.fetched.keys()].every((u) => u.startsWith(county.url))).toBe(true);
    expect(crawl.pages.some((p) => p.url.includes('mailto') || p.url.includes('javascript'))).toBe(false);
  });

  it('stops at the page and depth limits, saying so', async () => {
    const five = await crawlSite(county.url, { maxPages: 5 });
    expect(five.pages).toHaveLength(5);
    expect(five.coverage).toMatchObject({ pages: 5, cutBy: ['pages'] });
    expect(five.coverage.left.pages).toBeGreaterThan(0);
    expect(five.notes.map((n) => n.text)).toContain(
      `已达页面上限 5 个，另有 ${five.coverage.left.pages} 个本站页面未抓取（可用 --max-pages 调高）`,
    );
    const top = await crawlSite(county.url, { maxDepth: 0 });
    expect(top.pages.map((p) => path(p.url))).toEqual(['/']);
    expect(top.coverage.cutBy).toEqual(['depth']);
    expect(top.notes.map((n) => n.text)).toContain(
      `已达深度上限 0 层，另有 ${top.coverage.left.depth} 个更深的本站页面未抓取（可用 --max-depth 调高）`,
    );
    expect(Math.max(...(await crawlSite(county.url, { maxDepth: 1 })).pages.map((p) => p.depth))).toBe(1);
    expect((await crawlSite(county.url, { keepHtml: false })).pages.some((p) => p.html !== undefined)).toBe(false);
  });

  it('decodes GBK pages, those without a charset in the header too', async () => {
    const crawl = await crawlSite(department.url);
    const news = crawl.pages.find((p) => path(p.url) === '/zwdt/')!;
    expect(news.contentType).toBe('text/html');
    expect(news.html).toContain('市教育局部署秋季学期开学工作');
    expect(news.linkText).toBe('政务动态');
  });
});

describe('what counts as the same site', () => {
  it('treats www.x.gov.cn and x.gov.cn, http and https, as one site; other hosts and ports as others', () => {
    expect(siteKey('http://www.nanling.gov.cn/a')).toBe(siteKey('https://nanling.gov.cn/'));
    expect(siteKey('http://jyj.nanling.gov.cn/')).not.toBe(siteKey('http://www.nanling.gov.cn/'));
    expect(siteKey('http://127.0.0.1:8080/')).not.toBe(siteKey('http://127.0.0.1:8081/'));
  });

  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/') return void res.writeHead(302, { location: '/index.html' }).end();
      if (req.url === '/index.html')
        return void res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<a href="index.html">首页</a><a href="/">首页</a><a href="/a.html">甲</a><a href="/b.pdf">附件</a><img src="/c.png">');
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>甲</p>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('does not crawl a redirected home page twice, nor fetch attachments and images as pages', async () => {
    const crawl = await crawlSite(`${base}/`);
    expect(crawl.pages.map((p) => [p.url.slice(base.length), p.finalUrl.slice(base.length)])).toEqual([
      ['/', '/index.html'],
      ['/a.html', '/a.html'],
    ]);
    expect([...crawl.links.keys()].map((u) => u.slice(base.length))).toEqual(['/index.html', '/', '/a.html', '/b.pdf', '/c.png']);
  });
});

describe('pages made of links', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(Array.from({ length: 50 }, (_, i) => `<img src="/i${i}.png">`).join('')),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('reads at most maxLinksPerPage links of a page, and says so', async () => {
    const crawl = await crawlSite(`${base}/`, { maxLinksPerPage: 10 });
    expect(crawl.links.size).toBe(10);
    expect(crawl.notes.map((n) => n.text)).toContain(`${base}/ 的链接超过 10 个，只取前 10 个`);
  });
});
