import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../electron/services/checks/crawl';
import { checkLinks, countBroken } from '../../../electron/services/checks/link-check';
import { generateLinkSite, serveLinkSite, type LinkSite, type ServedLinkSite } from '../../../scripts/fixtures/link-site';

// The benchmark's generated site at ~100 pages: the link check finds exactly the known broken links.
describe('link check on the generated link site', () => {
  let site: LinkSite;
  let served: ServedLinkSite;
  beforeAll(async () => {
    site = generateLinkSite(100);
    served = await serveLinkSite(site);
  });
  afterAll(async () => served.close());

  it('generates the same site every time, with broken links of every sort', () => {
    const again = generateLinkSite(100);
    expect(again.truth).toEqual(site.truth);
    expect(site.pageCount).toBe(100);
    expect(site.truth.brokenPaths.some((p) => p.endsWith('.jpg'))).toBe(true);
    expect(site.truth.brokenPaths).toEqual(expect.arrayContaining(['/old/notice.html', '/go/gone', '/api/error']));
    // Some broken links are on many pages.
    expect(site.truth.brokenPairs.length).toBeGreaterThan(site.truth.brokenPaths.length);
  });

  it('counts exactly the known broken links, once per page they are on', async () => {
    const crawl = await crawlSite(served.url, { maxPages: 1_000, maxDepth: 10, concurrency: 8 });
    expect(crawl.pages.filter((p) => p.status === 200)).toHaveLength(site.pageCount);
    const report = await checkLinks(crawl, { concurrency: 8 });
    const origin = served.url.slice(0, -1);
    const { home, other } = countBroken(report);
    const pairs = [
      ...home.map((b) => `/ → ${b.url.slice(origin.length)}`),
      ...other.map((b) => `${b.page.slice(origin.length)} → ${b.url.slice(origin.length)}`),
    ].sort();
    expect(pairs).toEqual(site.truth.brokenPairs);
    expect(report.links).toHaveLength(site.truth.uniqueUrls);
    // Each URL asked about once: pages by the crawl's GET, the rest by HEAD (and GET only where HEAD failed).
    const crawled = new Set([...crawl.fetched.keys()].map((u) => u.slice(origin.length)).concat('/robots.txt'));
    // Redirect targets are asked about again through the redirecting link.
    const redirected = new Set(['/go/home', '/go/gone'].map((p) => site.resource(p)!.location!));
    for (const [key, n] of served.hits) {
      const [method, path] = key.split(' ') as [string, string];
      expect([key, n]).toEqual([key, redirected.has(path) ? n : 1]);
      if (method === 'HEAD') expect([path, crawled.has(path)]).toEqual([path, false]);
      if (method === 'GET' && !crawled.has(path) && !redirected.has(path))
        expect([path, served.hits.has(`HEAD ${path}`)]).toEqual([path, true]);
    }
    expect(served.maxInFlight()).toBeLessThanOrEqual(8);
  });

  it('keeps at most 6 requests in flight to one host by default', async () => {
    const again = await serveLinkSite(site, { latencyMs: 5 });
    try {
      const report = await checkLinks(again.url, { maxPages: 30, maxDepth: 2 });
      expect(report.pages).toHaveLength(30);
      expect(again.maxInFlight()).toBeLessThanOrEqual(6);
      expect(again.maxInFlight()).toBeGreaterThan(1);
    } finally {
      await again.close();
    }
  });
});
