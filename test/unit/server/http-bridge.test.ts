import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../../../electron/services/api/dispatch';
import { startBridge, type RunningBridge } from '../../../electron/services/server/http-bridge';

/** A raw request, so tests can send any Host header and path. */
function raw(port: number, options: { method?: string; path: string; host?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('http bridge (browser mode transport)', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kaoping-bridge-'));
  const rendererDir = path.join(root, 'renderer');
  const evidenceDir = path.join(root, 'ws', 'a1', 'evidence');
  let bridge: RunningBridge;

  beforeAll(async () => {
    mkdirSync(rendererDir, { recursive: true });
    mkdirSync(evidenceDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>考评工作台</title>');
    writeFileSync(path.join(root, 'secret.txt'), 'secret');
    writeFileSync(path.join(evidenceDir, 'abc.png'), 'png');
    const handlers = { 'assessments/list': async () => [{ id: 'a1' }] } as unknown as Handlers;
    bridge = await startBridge({
      handlers,
      rendererDir,
      token: 'test-token',
      fileRoute: (p) => (p === 'a1/evidence/abc.png' ? path.join(evidenceDir, 'abc.png') : undefined),
    });
  });
  afterAll(() => bridge.close());

  it('prints a loopback URL with the token', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=test-token$/);
  });

  it('serves the renderer with a strict CSP', async () => {
    const res = await raw(bridge.port, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('考评工作台');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
  });

  it('answers API calls that carry the token', async () => {
    const res = await raw(bridge.port, {
      method: 'POST',
      path: '/api/assessments/list',
      headers: { authorization: 'Bearer test-token' },
      body: '{}',
    });
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: [{ id: 'a1' }] });
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer wrong-token' }],
    ['a token of another length', { authorization: 'Bearer t' }],
  ])('refuses API calls with %s', async (_label, headers) => {
    const res = await raw(bridge.port, { method: 'POST', path: '/api/assessments/list', headers, body: '{}' });
    expect(res.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await raw(bridge.port, { path: '/', host: `evil.example:${bridge.port}` });
    expect(res.status).toBe(403);
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await raw(bridge.port, { path: p });
      expect(res.body).not.toContain('secret');
    }
  });

  it('serves evidence files only with the token', async () => {
    expect((await raw(bridge.port, { path: '/files/a1/evidence/abc.png' })).status).toBe(401);
    expect((await raw(bridge.port, { path: '/files/a1/evidence/abc.png?token=test-token' })).body).toBe('png');
    expect((await raw(bridge.port, { path: '/files/a1/evidence/other.png?token=test-token' })).status).toBe(404);
  });

  it('rejects malformed JSON bodies with a clear error', async () => {
    const res = await raw(bridge.port, {
      method: 'POST',
      path: '/api/assessments/list',
      headers: { authorization: 'Bearer test-token' },
      body: '{',
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain('JSON');
  });
});
