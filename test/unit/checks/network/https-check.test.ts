import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHttps, type TlsConnect } from '../../../../electron/services/checks/network/https-check';

/** A self-signed certificate valid between two dates (openssl ca can backdate; req -x509 cannot). */
function makeCertificate(dir: string, name: string, start: string, end: string, san: string): { key: string; cert: string } {
  const at = (f: string) => path.join(dir, `${name}.${f}`);
  writeFileSync(
    at('cnf'),
    `[ca]\ndefault_ca = d\n[d]\ndatabase = ${at('index')}\nnew_certs_dir = ${dir}\nserial = ${at('serial')}\ndefault_md = sha256\npolicy = p\nunique_subject = no\ncopy_extensions = copy\n[p]\norganizationName = optional\ncommonName = supplied\n`,
  );
  writeFileSync(at('index'), '');
  writeFileSync(at('serial'), '01\n');
  const quiet = { stdio: 'pipe' as const };
  execFileSync(
    'openssl',
    [
      'req',
      '-new',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      at('key'),
      '-out',
      at('csr'),
      '-subj',
      `/O=考评测试签发机构/CN=${name}`,
      '-utf8',
      '-addext',
      `subjectAltName=${san}`,
    ],
    quiet,
  );
  execFileSync(
    'openssl',
    [
      'ca',
      '-batch',
      '-utf8',
      '-config',
      at('cnf'),
      '-selfsign',
      '-keyfile',
      at('key'),
      '-in',
      at('csr'),
      '-out',
      at('crt'),
      '-startdate',
      start,
      '-enddate',
      end,
    ],
    quiet,
  );
  return { key: readFileSync(at('key'), 'utf8'), cert: readFileSync(at('crt'), 'utf8') };
}

const listen = async (server: Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
};

describe('checkHttps against loopback TLS servers', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kaoping-tls-'));
  const now = () => new Date('2026-01-01T00:00:00Z');
  const servers: Server[] = [];
  let valid = { key: '', cert: '' };
  let expired = { key: '', cert: '' };
  const port = { valid: 0, expired: 0, plain: 0, silent: 0, closed: 0 };

  beforeAll(async () => {
    valid = makeCertificate(dir, 'valid', '20250101000000Z', '20400101000000Z', 'DNS:www.example.gov.cn,IP:127.0.0.1');
    expired = makeCertificate(dir, 'expired', '20200101000000Z', '20200201000000Z', 'IP:127.0.0.1');
    const ok = (_: unknown, res: { end: (s: string) => void }) => res.end('ok');
    servers.push(
      createHttpsServer(valid, ok),
      createHttpsServer(expired, ok),
      createHttpServer(ok),
      createTcpServer(() => undefined),
      createTcpServer(),
    );
    [port.valid, port.expired, port.plain, port.silent, port.closed] = await Promise.all(servers.map(listen));
    await new Promise((r) => servers.pop()!.close(r));
  });
  afterAll(() => {
    for (const s of servers) {
      (s as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
      s.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const trusting =
    (ca: string, redirect?: { port: number; seen: (number | undefined)[] }): TlsConnect =>
    (o) => {
      redirect?.seen.push(o.port);
      return tls.connect({ ...o, ca, ...(redirect ? { host: '127.0.0.1', port: redirect.port } : {}) });
    };

  it('reports a trusted certificate as notes only: expiry, issuer, protocol', async () => {
    const r = await checkHttps(`https://127.0.0.1:${port.valid}/index.html`, { timeoutMs: 3000, now, connect: trusting(valid.cert) });
    expect(r.observations).toEqual([]);
    const texts = r.notes.map((n) => n.text);
    expect(texts).toContain('证书有效期至 2040-01-01，剩余 5113 天');
    expect(texts).toContain('协商协议 TLSv1.3');
    expect(texts).toContain('证书签发者 考评测试签发机构');
    expect(r.notes.every((n) => n.ok)).toBe(true);
  });

  it('checks port 443 of an http home page by its host name (SNI), and names a mismatched host', async () => {
    const seen: (number | undefined)[] = [];
    const good = await checkHttps('http://www.example.gov.cn/', {
      timeoutMs: 3000,
      now,
      connect: trusting(valid.cert, { port: port.valid, seen }),
    });
    expect(seen).toEqual([443]);
    expect(good.observations).toEqual([]);
    const other = await checkHttps('http://www.other.gov.cn/', {
      timeoutMs: 3000,
      now,
      connect: trusting(valid.cert, { port: port.valid, seen }),
    });
    expect(other.observations).toEqual([
      expect.objectContaining({ detect: 'https', count: 1, summary: expect.stringContaining('证书与域名不符') }),
    ]);
    expect(other.observations[0]!.items).toEqual([
      { url: 'https://www.other.gov.cn/', reason: expect.stringContaining('ERR_TLS_CERT_ALTNAME_INVALID') },
    ]);
  });

  it('names a self-signed certificate nobody trusts', async () => {
    const r = await checkHttps(`https://127.0.0.1:${port.valid}/`, { timeoutMs: 3000, now });
    expect(r.observations).toHaveLength(1);
    expect(r.observations[0]!.summary).toBe('HTTPS 证书无效：自签名证书（DEPTH_ZERO_SELF_SIGNED_CERT）');
    expect(r.notes.map((n) => n.text)).toContain('证书有效期至 2040-01-01，剩余 5113 天');
  });

  it('names an expired certificate and says when it expired', async () => {
    const r = await checkHttps(`https://127.0.0.1:${port.expired}/`, { timeoutMs: 3000, now, connect: trusting(expired.cert) });
    expect(r.observations[0]).toMatchObject({ detect: 'https', count: 1, summary: 'HTTPS 证书无效：证书已过期（CERT_HAS_EXPIRED）' });
    expect(r.notes).toContainEqual({ check: 'https', ok: false, text: '证书已于 2020-02-01 过期（2161 天前）' });
  });

  it('reports no HTTPS when the port is closed, speaks plain HTTP, or never answers', async () => {
    const closed = await checkHttps(`https://127.0.0.1:${port.closed}/`, { timeoutMs: 3000 });
    expect(closed.observations[0]!.summary).toBe('未启用 HTTPS（无法建立 HTTPS 连接：连接被拒绝（ECONNREFUSED））');
    const plain = await checkHttps(`https://127.0.0.1:${port.plain}/`, { timeoutMs: 3000 });
    expect(plain.observations[0]!.summary).toMatch(/^HTTPS 证书无效：TLS 握手失败/u);
    const t0 = Date.now();
    const silent = await checkHttps(`https://127.0.0.1:${port.silent}/`, { timeoutMs: 300 });
    expect(silent.observations[0]!.summary).toBe('未启用 HTTPS（无法建立 HTTPS 连接：超过 0.3 秒未完成握手）');
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
