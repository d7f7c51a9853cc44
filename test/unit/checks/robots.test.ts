import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRobots, parseRobots } from '../../../electron/services/checks/robots';

describe('robots.txt rules', () => {
  it('uses the group naming our agent, falling back to *', () => {
    const text = 'User-agent: *\nDisallow: /\n\nUser-agent: Kaoping\nDisallow: /admin/\n';
    expect(parseRobots(text).allows('/index.html')).toBe(true);
    expect(parseRobots(text).allows('/admin/login.jsp')).toBe(false);
    expect(parseRobots('User-agent: *\nDisallow: /\n').allows('/index.html')).toBe(false);
    // Agent tokens match case-insensitively, versions ignored; groups for the same agent merge.
    const merged = parseRobots(
      'User-agent: kaoping/2.0\nDisallow: /a/\n\nUser-agent: Googlebot\nDisallow: /\n\nuser-agent: KAOPING\ndisallow: /b/\n',
    );
    expect([merged.allows('/a/1'), merged.allows('/b/1'), merged.allows('/c/1')]).toEqual([false, false, true]);
  });

  it('lets the longest matching rule win, Allow on a tie, with * and $ wildcards', () => {
    const r = parseRobots(
      [
        'User-agent: *',
        'Disallow: /zwgk/',
        'Allow: /zwgk/public/',
        'Disallow: /*.jsp$',
        'Disallow: /search?',
        'Allow: /p',
        'Disallow: /p',
        'Disallow: /*/temp/*.html',
      ].join('\n'),
    );
    expect(r.allows('/zwgk/inner.html')).toBe(false);
    expect(r.allows('/zwgk/public/1.html')).toBe(true);
    expect(r.allows('/login.jsp')).toBe(false);
    expect(r.allows('/login.jsp?x=1')).toBe(true);
    expect(r.allows('/search?q=1')).toBe(false);
    expect(r.allows('/page')).toBe(true);
    expect(r.allows('/a/temp/b/c.html')).toBe(false);
    expect(r.allows('/robots.txt')).toBe(true);
  });

  it('ignores comments, blank Disallow, unknown lines and rules before any group; reads Crawl-delay, Sitemap and Chinese paths', () => {
    const r = parseRobots(
      'Disallow: /before-any-group\n# 注释\nUser-agent: * # all\nDisallow:\nCrawl-delay: 2\nNoindex: /x\nDisallow: /内部/\nSitemap: https://www.x.gov.cn/sitemap.xml\n',
    );
    expect(r.allows('/before-any-group')).toBe(true);
    expect(r.allows('/anything')).toBe(true);
    expect(r.allows(new URL('http://x/内部/1.html').pathname)).toBe(false);
    expect(r.crawlDelayMs).toBe(2_000);
    expect(r.sitemaps).toEqual(['https://www.x.gov.cn/sitemap.xml']);
    expect(parseRobots('<html><body>页面不存在</body></html>').allows('/x')).toBe(true);
  });
});

describe('fetching robots.txt', () => {
  let server: Server;
  let base = '';
  let answer: { status: number; body: string } = { status: 200, body: '' };
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));
  const limits = { timeoutMs: 1_000, maxBytes: 1024 * 1024, maxRedirects: 3 };

  it('obeys a file that is there; a missing one allows all; a server error allows all but says so', async () => {
    answer = { status: 200, body: 'User-agent: *\nDisallow: /private/' };
    expect((await fetchRobots(base, limits)).allows('/private/x')).toBe(false);
    answer = { status: 404, body: 'not found' };
    const missing = await fetchRobots(base, limits);
    expect([missing.allows('/private/x'), missing.note]).toEqual([true, undefined]);
    answer = { status: 503, body: 'User-agent: *\nDisallow: /' };
    const broken = await fetchRobots(base, limits);
    expect(broken.allows('/private/x')).toBe(true);
    expect(broken.note).toContain('HTTP 503');
  });

  it('allows all, with a note, when nobody answers', async () => {
    const r = await fetchRobots('http://127.0.0.1:9', limits);
    expect(r.allows('/x')).toBe(true);
    expect(r.note).toContain('robots.txt 无法读取');
  });
});
