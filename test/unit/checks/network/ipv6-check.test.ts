import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkIpv6 } from '../../../../electron/services/checks/network/ipv6-check';

/** Whether this machine can bind ::1 (containers without IPv6 cannot). */
async function canBindIpv6(): Promise<boolean> {
  const probe = createTcpServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(0, '::1', () => probe.close(() => resolve(true)));
  });
}

const noRecord = () => Promise.reject(Object.assign(new Error('queryAaaa ENODATA'), { code: 'ENODATA' }));

describe('checkIpv6: records and the resolver', () => {
  it('skips IP-literal hosts and names on this machine without resolving', async () => {
    const resolve6 = vi.fn(noRecord);
    for (const url of ['http://127.0.0.1:8080/', 'http://[::1]/', 'http://localhost:3000/', 'http://site.localhost/']) {
      expect(await checkIpv6(url, { resolve6, timeoutMs: 500 })).toEqual({
        observations: [],
        notes: [{ check: 'ipv6', ok: true, text: '以 IP 地址或本机地址访问，跳过 IPv6 检查' }],
      });
    }
    expect(resolve6).not.toHaveBeenCalled();
  });

  it('observes a host without AAAA records; a resolver that fails, hangs or does not know the name leaves IPv6 unverified', async () => {
    const none = await checkIpv6('http://www.v4only.gov.cn/', { resolve6: noRecord, timeoutMs: 500 });
    expect(none.observations).toEqual([
      {
        detect: 'ipv6',
        count: 1,
        summary: '未完成 IPv6 改造：域名 www.v4only.gov.cn 没有 AAAA 记录',
        items: [{ url: 'http://www.v4only.gov.cn/', reason: 'www.v4only.gov.cn 没有 AAAA 记录（IPv6 地址）' }],
      },
    ]);
    const servfail = await checkIpv6('http://www.broken.gov.cn/', {
      resolve6: () => Promise.reject(Object.assign(new Error('x'), { code: 'ESERVFAIL' })),
      timeoutMs: 500,
    });
    expect(servfail.observations).toEqual([]);
    expect(servfail.notes[0]).toMatchObject({
      ok: false,
      detect: 'ipv6',
      text: 'www.broken.gov.cn 的 AAAA 解析失败（ESERVFAIL），IPv6 未核实（请在能正常解析域名的网络中重新检查）',
    });
    const hung = await checkIpv6('http://www.slow.gov.cn/', { resolve6: () => new Promise(() => undefined), timeoutMs: 200 });
    expect(hung.observations).toEqual([]);
    expect(hung.notes[0]!.text).toContain('AAAA 解析超过 0.2 秒，IPv6 未核实');
    const unknown = await checkIpv6('http://www.intranet.gov.cn/', {
      resolve6: () => Promise.reject(Object.assign(new Error('queryAaaa ENOTFOUND'), { code: 'ENOTFOUND' })),
      timeoutMs: 500,
    });
    expect(unknown.observations).toEqual([]);
  });
});

const ipv6 = await canBindIpv6();

describe(`checkIpv6 over a server listening on ::1${ipv6 ? '' : ' — skipped: ::1 cannot be bound on this machine'}`, () => {
  let server: Server;
  let port = 0;
  const site = () => `www.example.gov.cn:${port}`;
  const resolve6 = async (host: string) => {
    if (host === 'www.example.gov.cn') return ['::1'];
    if (host === 'www.fallback.gov.cn') return ['::ffff:127.0.0.1', '::1'];
    return noRecord();
  };

  beforeAll(async () => {
    if (!ipv6) return;
    server = createServer((req, res) => {
      // Virtual hosting: only the site's own Host header gets its pages.
      if (!/^www\.(example|fallback)\.gov\.cn:\d+$/u.test(req.headers.host ?? '')) return void res.writeHead(421).end();
      if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end('<title>首页</title>');
      else if (req.url === '/old/') res.writeHead(302, { location: '/' }).end();
      else if (req.url === '/away/') res.writeHead(302, { location: `http://www.v4only.gov.cn:${port}/` }).end();
      else if (req.url === '/hang/') return;
      else res.writeHead(503).end();
    });
    await new Promise<void>((r) => server.listen(0, '::1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server?.closeAllConnections();
    server?.close();
  });

  it.skipIf(!ipv6)('gets the home page over IPv6 with the site Host header, following a same-host redirect', async () => {
    const r = await checkIpv6(`http://${site()}/old/`, { resolve6, timeoutMs: 2000 });
    expect(r).toEqual({
      observations: [],
      notes: [
        { check: 'ipv6', ok: true, text: 'AAAA 记录：::1' },
        { check: 'ipv6', ok: true, text: '经 IPv6（::1）访问首页：HTTP 200' },
      ],
    });
  });

  it.skipIf(!ipv6)('observes an IPv6 answer of 400 and above, a redirect to a host without IPv6, and a timeout', async () => {
    const down = await checkIpv6(`http://${site()}/down/`, { resolve6, timeoutMs: 2000 });
    expect(down.observations).toEqual([
      {
        detect: 'ipv6',
        count: 1,
        summary: '未完成 IPv6 改造：经 IPv6（::1）访问首页返回 HTTP 503',
        items: [{ url: `http://${site()}/down/`, text: '::1', reason: '经 IPv6（::1）访问首页返回 HTTP 503' }],
      },
    ]);
    const away = await checkIpv6(`http://${site()}/away/`, { resolve6, timeoutMs: 2000 });
    expect(away.observations[0]!.summary).toBe('未完成 IPv6 改造：经 IPv6（::1）访问首页失败：跳转到的 www.v4only.gov.cn 没有 AAAA 记录');
    const t0 = Date.now();
    const hang = await checkIpv6(`http://${site()}/hang/`, { resolve6, timeoutMs: 300 });
    expect(hang.observations[0]!.summary).toBe('未完成 IPv6 改造：经 IPv6（::1）访问首页失败：超过 0.3 秒未完成');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it.skipIf(!ipv6)('falls back to the next AAAA address as a browser does, noting the one that failed', async () => {
    const r = await checkIpv6(`http://www.fallback.gov.cn:${port}/`, { resolve6, timeoutMs: 2000 });
    expect(r.observations).toEqual([]);
    expect(r.notes.map((n) => [n.ok, n.text])).toEqual([
      [true, 'AAAA 记录：::ffff:127.0.0.1、::1'],
      [false, expect.stringMatching(/^经 IPv6（::ffff:127\.0\.0\.1）访问首页失败：/u)],
      [true, '经 IPv6（::1）访问首页：HTTP 200'],
    ]);
  });
});
