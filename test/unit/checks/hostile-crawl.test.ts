import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../electron/services/checks/crawl';
import { checkLinks, checkUrls, countBroken } from '../../../electron/services/checks/link-check';
import { startHostileSites, type HostileSites } from '../../../scripts/fixtures/hostile-sites';

// Every hostile site ends with a clear result inside its bounds; none hangs.
// The upper time bounds only tell "stopped at its own limit" from "waited for the hostile server" (which
// never ends, or would take minutes): they are loose on purpose, since the suite shares two cores. Figures
// live in scripts/bench, not here.
describe('crawling hostile sites', () => {
  let h: HostileSites;
  beforeAll(async () => {
    h = await startHostileSites();
  });
  afterAll(async () => h.close());

  const limits = { timeoutMs: 1_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 };
  const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
    const t0 = Date.now();
    const value = await work();
    return { value, ms: Date.now() - t0 };
  };

  it('stops endless redirects', async () => {
    const { value, ms } = await timed(() => crawlSite(`${h.http}/loop`, { limits }));
    expect(value.pages[0]).toMatchObject({ status: 0, failure: { kind: 'redirects' } });
    expect(h.hits('GET /loop')).toBeLessThanOrEqual(12);
    expect(ms).toBeLessThan(6_000);
  });

  it('cuts off a server dripping one byte a second at the time limit', async () => {
    const { value, ms } = await timed(() => crawlSite(`${h.http}/drip`, { limits }));
    expect(value.pages[0]!.failure).toMatchObject({ kind: 'timeout' });
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(7_500);
  });

  it('reads at most maxBytes of a 200 MB page, and never downloads a 200 MB attachment to check it', async () => {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    try {
      const { value, ms } = await timed(() => crawlSite(`${h.http}/huge`, { limits: { ...limits, timeoutMs: 10_000 } }));
      expect(value.pages[0]).toMatchObject({ status: 200, truncated: true });
      expect(value.pages[0]!.html!.length).toBe(limits.maxBytes);
      expect(ms).toBeLessThan(15_000);
      // HEAD is refused, so the check has to GET: it stops at the status.
      const checked = await timed(() => checkUrls([`${h.http}/huge.zip`], { limits }));
      expect(checked.value.get(`${h.http}/huge.zip`)).toEqual({ state: 'ok' });
      expect(checked.ms).toBeLessThan(5_000);
      expect(h.bytesSent('/huge.zip')).toBeLessThan(32 * 1024 * 1024);
    } finally {
      clearInterval(sampler);
    }
    expect((peak - before) / 1024 / 1024).toBeLessThan(100);
  });

  it('reports an invalid certificate as a fault of the host, not as broken links', async () => {
    const crawl = await crawlSite(`${h.https}/`, { limits });
    expect(crawl.pages[0]!.failure).toMatchObject({ kind: 'tls', tls: { kind: 'self-signed' } });
    const host = new URL(h.https).host;
    const states = await checkUrls([`${h.https}/a.html`, `${h.https}/b.html`], { limits });
    expect([...states.values()].map((s) => s.state)).toEqual(['tls', 'tls']);
    expect(states.get(`${h.https}/a.html`)).toMatchObject({ kind: 'self-signed', host });
  });

  it('decodes GBK pages that declare no charset at all', async () => {
    const crawl = await crawlSite(`${h.http}/gbk/`, { limits });
    expect(crawl.pages.map((p) => [new URL(p.url).pathname, p.linkText])).toEqual([
      ['/gbk/', undefined],
      ['/gbk/zwdt.html', '政务动态'],
    ]);
    expect(crawl.pages[1]!.html).toContain('市政府召开常务会议');
  });

  it('resolves relative links and skips javascript:, mailto:, tel:, anchors and commented-out links', async () => {
    const crawl = await crawlSite(`${h.http}/rel/a/b/index.html`, { limits });
    expect([...crawl.links.keys()].map((u) => u.slice(h.http.length)).sort()).toEqual([
      '/f.html',
      '/rel/a/b/e.html',
      '/rel/a/c.html',
      '/rel/d.html',
    ]);
    expect(crawl.pages.filter((p) => p.status === 200).map((p) => new URL(p.url).pathname)).toEqual([
      '/rel/a/b/index.html',
      '/rel/a/c.html',
      '/rel/a/b/e.html',
    ]);
  });

  it('keeps what a page that never closes its connection sent, and moves on at the time limit', async () => {
    const { value, ms } = await timed(() => crawlSite(`${h.http}/hang`, { limits }));
    expect(value.pages[0]).toMatchObject({ status: 200, failure: { kind: 'timeout' } });
    expect([...value.links.keys()].map((u) => u.slice(h.http.length))).toEqual(['/ok.html', '/missing.html']);
    expect(ms).toBeLessThan(7_500);
  });

  it('parses tag soup of unclosed tags and quotes in linear time', async () => {
    const { value, ms } = await timed(() => crawlSite(`${h.http}/tag-soup`, { limits }));
    expect(value.pages[0]).toMatchObject({ status: 200, truncated: false });
    expect(ms).toBeLessThan(10_000);
  });

  it('asks a HEAD-hating server again with GET before calling a link broken', async () => {
    const states = await checkUrls([`${h.http}/nohead/file.pdf`], { limits });
    expect(states.get(`${h.http}/nohead/file.pdf`)).toEqual({ state: 'ok' });
    expect(h.hits('GET /nohead/file.pdf')).toBe(1);
  });

  it('waits out a short Retry-After, and calls rate-limited links unverified, never broken', async () => {
    const urls = ['/busy/once.pdf', '/busy/always.pdf', '/busy/503.pdf'].map((p) => h.http + p);
    const { value, ms } = await timed(() => checkUrls(urls, { limits, maxRetryAfterMs: 2_000 }));
    expect(urls.map((u) => value.get(u)!.state)).toEqual(['ok', 'unverified', 'unverified']);
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(8_000);
  });

  it('obeys robots.txt unless the reviewer turns it off', async () => {
    const polite = await crawlSite(`${h.http}/`, { limits, maxDepth: 1 });
    expect(polite.disallowed).toEqual([`${h.http}/private/secret.html`]);
    expect(h.hits('GET /private/secret.html')).toBe(0);
    const official = await crawlSite(`${h.http}/`, { limits, maxDepth: 1, ignoreRobots: true });
    expect(official.disallowed).toEqual([]);
    expect(h.hits('GET /private/secret.html')).toBe(1);
  });

  it('crawls and checks the whole hostile site within its bounds, with a clear result for each link', async () => {
    const { value: report, ms } = await timed(async () =>
      checkLinks(await crawlSite(`${h.http}/`, { limits, budgetMs: 8_000 }), { limits, maxRetryAfterMs: 1_500, budgetMs: 8_000 }),
    );
    expect(ms).toBeLessThan(20_000);
    const state = (p: string) => report.links.find((l) => l.url === (p.startsWith('http') ? p : h.http + p))?.result.state;
    expect(['/loop', '/drip', '/silent', '/missing.html'].map(state)).toEqual(['broken', 'broken', 'broken', 'broken']);
    expect(['/huge', '/huge.zip', '/gbk/', '/hang', '/nohead/file.pdf', '/ok.html', '/ok.png', '/tag-soup'].map(state)).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
    ]);
    expect(['/busy/always.pdf', '/busy/503.pdf', '/private/secret.html'].map(state)).toEqual(['unverified', 'unverified', 'unverified']);
    expect(state(`${h.https}/x.html`)).toBe('tls');
    expect(report.tlsFaultHosts).toEqual([expect.objectContaining({ host: new URL(h.https).host, kind: 'self-signed' })]);
    // /missing.html is linked from the hub and from /hang: once per page.
    expect(
      countBroken(report)
        .other.filter((b) => b.url === `${h.http}/missing.html`)
        .map((b) => b.page),
    ).toEqual([`${h.http}/hang`]);
    expect(
      countBroken(report)
        .home.map((b) => b.url.slice(h.http.length))
        .sort(),
    ).toEqual(['/drip', '/loop', '/missing.html', '/silent']);
  });

  it('stops at the time budget and on cancel, returning what it finished', async () => {
    const budget = await timed(() => crawlSite(`${h.http}/`, { limits: { ...limits, timeoutMs: 10_000 }, budgetMs: 500 }));
    expect(budget.value.stopped).toBe('budget');
    expect(budget.ms).toBeLessThan(3_000);
    expect(budget.value.pages[0]!.status).toBe(200);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const cancelled = await timed(() => crawlSite(`${h.http}/`, { limits: { ...limits, timeoutMs: 10_000 }, signal: controller.signal }));
    expect(cancelled.value.stopped).toBe('cancelled');
    expect(cancelled.ms).toBeLessThan(3_000);
  });
});
