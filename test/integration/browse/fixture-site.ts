/**
 * A loopback government site for the browser tests: Chinese pages, a tall
 * page in coloured 1000 px bands, popups, a permission request, HTTP errors,
 * a page that never answers, and the same site over HTTPS with a self-signed
 * certificate made by openssl at test time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The bands of /tall, top to bottom, 1000 CSS px each. */
export const BANDS = ['#ff0000', '#00ff00', '#0000ff', '#ffff00', '#ff00ff'] as const;

const page = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title>${head}<style>body{margin:0;font-family:sans-serif}</style></head><body>${body}</body></html>`;

const block = (y: number, h: number, inner: string) =>
  `<div style="position:absolute;left:0;top:${y}px;width:300px;height:${h}px">${inner}</div>`;

const PAGES: Record<string, (req: IncomingMessage) => string> = {
  '/': () =>
    page(
      '南岭县人民政府门户网站',
      `${block(0, 40, '<a id="to-a" href="/a" style="display:block;height:40px">政务公开</a>')}<p style="margin-top:60px">南岭县人民政府 政策文件 通知公告</p>`,
    ),
  '/a': () => page('政务公开', '<h1>政务公开</h1><p id="policy">政策文件解读专栏</p><p>ASCII-MARKER-A</p>'),
  '/b': () => page('通知公告', '<h1>通知公告</h1>'),
  '/ua': (req) => page(String(req.headers['user-agent'] ?? '').replace(/[<&]/gu, ''), '<p>UA</p>'),
  '/tall': () => page('长页面', BANDS.map((c) => `<div style="height:1000px;background:${c}"></div>`).join('')),
  '/very-tall': () => page('超长页面', '<div style="height:20000px;background:linear-gradient(#ffffff,#000000)"></div>'),
  '/colors': () =>
    page(
      '色块',
      `<div style="position:absolute;left:90px;top:90px;width:220px;height:120px;background:#ff0000"></div><div style="position:absolute;left:100px;top:100px;width:200px;height:100px;background:#0000ff"></div>`,
    ),
  '/popup': () =>
    page(
      '弹出窗口',
      `${block(0, 60, `<button style="width:200px;height:60px" onclick="window.open('/b')">打开新窗口</button>`)}${block(100, 60, '<a href="/a" target="_blank" rel="noopener" style="display:block;height:60px">新标签页链接</a>')}`,
    ),
  '/geo': () =>
    page(
      '定位请求',
      '<p>正在请求定位</p>',
      `<script>
        const names = ['geolocation', 'notifications', 'clipboard-write', 'screen-wake-lock'];
        const report = (code) => Promise.all(names.map((n) => navigator.permissions.query({ name: n }).then((s) => n + '=' + s.state)))
          .then((states) => location.replace('/geo-result?code=' + code + '&' + states.join('&')));
        navigator.geolocation.getCurrentPosition(() => report('granted'), (e) => report(e.code), { timeout: 5000 });
      </script>`,
    ),
  '/geo-result': () => page('定位结果', '<p>定位结果</p>'),
  '/alert': () => page('弹框页面', '<p>弹框</p>', '<script>alert("欢迎访问"); confirm("确定？");</script>'),
  '/form': () => page('搜索', `${block(0, 40, '<input id="q" style="width:280px;height:30px" oninput="document.title = this.value">')}`),
  '/list': () =>
    page(
      '栏目列表',
      `<div style="height:1500px">顶部</div><ul><li>通知一</li><li id="target" style="height:40px">政策文件解读：关于印发南岭县规划的通知</li></ul><div style="height:1500px"></div>`,
    ),
  '/slow-image': () => page('图片很慢', '<p>正文已到</p><img src="/hang" width="10" height="10">'),
};

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/hang') return; // never answers
  if (url.pathname === '/missing') {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(page('页面不存在', '<h1>404 页面不存在</h1>'));
    return;
  }
  if (url.pathname === '/download') {
    res
      .writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-disposition': 'attachment; filename="kaoping-download-test.bin"',
      })
      .end('not for saving');
    return;
  }
  const render = PAGES[url.pathname];
  if (!render) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(render(req));
}

export interface FixtureSite {
  /** e.g. http://127.0.0.1:41234 */
  http: string;
  /** The same pages over HTTPS with a self-signed certificate. */
  https: string;
  /** A loopback port nothing listens on. */
  refused: string;
  close(): Promise<void>;
}

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kaoping-cert-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const pair = { key: readFileSync(key), cert: readFileSync(cert) };
  rmSync(dir, { recursive: true, force: true });
  return pair;
}

const listen = (server: http.Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

export async function startFixtureSite(): Promise<FixtureSite> {
  const plain = http.createServer(handle);
  const secure = https.createServer(selfSignedCertificate(), handle);
  const closed = http.createServer();
  const [p1, p2, p3] = await Promise.all([listen(plain), listen(secure), listen(closed)]);
  await new Promise((resolve) => closed.close(resolve));
  return {
    http: `http://127.0.0.1:${p1}`,
    https: `https://127.0.0.1:${p2}`,
    refused: `http://127.0.0.1:${p3}`,
    async close() {
      for (const server of [plain, secure]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
