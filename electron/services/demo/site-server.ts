import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import type { SampleSite } from './sample-sites';

export interface RunningSite {
  site: SampleSite;
  url: string;
  close: () => Promise<void>;
}

function typeOf(path: string): string {
  if (path.endsWith('.css')) return 'text/css';
  if (path.endsWith('.png')) return 'image/png';
  if (path.endsWith('.xml')) return 'application/xml';
  return 'text/html';
}

/** Serves one sample site on 127.0.0.1 (a random port), encoding GBK pages as GBK. */
export async function serveSampleSite(site: SampleSite): Promise<RunningSite> {
  const byPath = new Map(site.pages.map((p) => [p.path, p]));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = byPath.get(path);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>404 页面不存在</h1>');
      return;
    }
    const body = page.encoding === 'gbk' ? iconv.encode(page.html, 'gbk') : Buffer.from(page.html, 'utf8');
    const type = typeOf(path);
    const charset = page.charsetHeader && type.startsWith('text') ? `; charset=${page.encoding === 'gbk' ? 'gbk' : 'utf-8'}` : '';
    res.writeHead(200, { 'content-type': type + charset, 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    site,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
