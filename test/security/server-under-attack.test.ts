import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/services/api/handlers';
import { startBridge, type RunningBridge } from '../../electron/services/server/http-bridge';
import { realEvidenceFileRoute } from '../../electron/services/workspace/real-file-route';
import { createInWorkspace } from '../../electron/services/workspace/workspace';
import { hugeCellXlsx, zipBombXlsx } from './hostile-files';

function raw(port: number, o: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: o.method ?? 'GET', path: o.path, headers: { host: `127.0.0.1:${port}`, ...o.headers } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

describe('browser-mode server under attack', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kaoping-attack-'));
  const workspace = path.join(root, 'ws');
  const rendererDir = path.join(root, 'renderer');
  let bridge: RunningBridge;
  let id: string;
  const api = (method: string, input: unknown) =>
    raw(bridge.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { authorization: 'Bearer t0ken', 'content-type': 'application/json' },
      body: JSON.stringify(input),
    }).then((r) => JSON.parse(r.body) as { ok: boolean; value?: unknown; error?: { message: string } });

  beforeAll(async () => {
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    id = createInWorkspace(workspace, { name: '攻击测试', year: 2025, rulesetId: 'zhanjiang-2021' }).id;
    writeFileSync(path.join(root, 'secret.txt'), 'secret outside the workspace');
    writeFileSync(path.join(workspace, id, 'evidence', 'ok.png'), 'png bytes');
    symlinkSync(path.join(root, 'secret.txt'), path.join(workspace, id, 'evidence', 'link.png'));
    const handlers = createHandlers({ workspaceDir: workspace, mode: 'browser', version: 'test' });
    bridge = await startBridge({ handlers, rendererDir, token: 't0ken', fileRoute: realEvidenceFileRoute(workspace) });
  });
  afterAll(() => bridge.close());

  it('keeps answering another client while hostile uploads are parsed, and refuses those in Chinese', async () => {
    const uploads = [
      { fileName: '名单.xlsx', bytes: await hugeCellXlsx(10_000_000), expect: /单元格有 10,000,000 个字符，超过上限 32,767 个/u },
      { fileName: '炸弹.xlsx', bytes: zipBombXlsx(1024 ** 3), expect: /解压后超过 64 MB/u },
    ];
    for (const u of uploads) {
      let hostileDone = false;
      const hostile = api('targets/previewImport', { id, fileName: u.fileName, contentBase64: u.bytes.toString('base64') }).finally(
        () => (hostileDone = true),
      );
      let answered = 0;
      while (!hostileDone) {
        const info = await api('app/info', {});
        expect(info.ok).toBe(true);
        if (!hostileDone) answered++;
      }
      const result = await hostile;
      expect(result.ok).toBe(false);
      expect(result.error!.message).toMatch(u.expect);
      // The other client got answers while the hostile file was in the worker.
      expect(answered).toBeGreaterThan(0);
    }
  });

  it('answers an oversized body with 413 “请求过大”, not a reset', async () => {
    const res = await raw(bridge.port, {
      method: 'POST',
      path: '/api/app/info',
      headers: { authorization: 'Bearer t0ken' },
      body: Buffer.alloc(9 * 1024 * 1024, 0x20),
    });
    expect(res.status).toBe(413);
    expect(res.body).toContain('请求过大');
  });

  it('answers a bad % escape in the method name with 400', async () => {
    const res = await raw(bridge.port, {
      method: 'POST',
      path: '/api/app%E0%A4%A',
      headers: { authorization: 'Bearer t0ken' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain('无效的 % 转义');
  });

  it('/files/ answers GET and HEAD only', async () => {
    const file = `/files/${encodeURIComponent(id)}/evidence/ok.png?token=t0ken`;
    expect((await raw(bridge.port, { path: file })).body).toBe('png bytes');
    expect((await raw(bridge.port, { method: 'HEAD', path: file })).status).toBe(200);
    for (const method of ['POST', 'PUT', 'DELETE']) expect((await raw(bridge.port, { method, path: file })).status).toBe(405);
  });

  it('/files/ refuses a link inside evidence/ that points outside the workspace', async () => {
    const res = await raw(bridge.port, { path: `/files/${encodeURIComponent(id)}/evidence/link.png?token=t0ken` });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('secret');
  });
});
