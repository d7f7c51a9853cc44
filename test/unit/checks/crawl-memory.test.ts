import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../electron/services/checks/crawl';

// 40 pages of 256 KiB of hard-to-compress text, read with a 128 KiB body limit
// and 1 MiB of kept HTML: memory stays bounded, and nothing is cut silently.
describe('crawl memory', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    const filler = randomBytes(192 * 1024).toString('base64');
    server = createServer((req, res) => {
      const n = Number(/\/p(\d+)\.html/u.exec(req.url!)?.[1] ?? -1);
      const links = n < 0 ? Array.from({ length: 40 }, (_, i) => `<a href="/p${i}.html">第${i}页</a>`).join('') : '';
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<html><body><h1>第${n}页</h1>${links}<p>${filler}</p></body></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('keeps HTML within the byte budget, says which pages were kept without it, and notes every truncated body', async () => {
    const crawl = await crawlSite(`${base}/`, {
      limits: { timeoutMs: 5000, maxBytes: 128 * 1024, maxRedirects: 3 },
      maxKeptBytes: 1024 * 1024,
    });
    expect(crawl.pages).toHaveLength(41);
    const kept = crawl.pages.filter((p) => p.html !== undefined).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(41);
    expect(crawl.coverage).toMatchObject({ pages: 41, unkept: 41 - kept, truncated: 41, cutBy: ['memory'] });
    expect(crawl.notes.filter((n) => n.text.includes('只读取了前 128 KiB'))).toHaveLength(41);
    expect(crawl.notes.find((n) => n.text.startsWith('保留的页面内容已达内存上限 1 MiB'))!.text).toContain(
      `${41 - kept} 个页面只检查了链接`,
    );
  });
});
