import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadEvidence } from '../../../electron/services/evidence/download';
import { freshAssessment } from '../../helpers/assessment';

describe('downloading a file into the evidence folder', () => {
  let server: Server;
  let base = '';
  const pdf = Buffer.from('%PDF-1.4 招生工作细则');
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/files/zsgz.pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
      if (req.url === '/big') return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.alloc(4096));
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('stores the bytes content-addressed, named after the file, linked to the finding', async () => {
    const { dir, store } = freshAssessment();
    const t = store.addTarget({
      kind: 'website',
      unit: '南岭市教育局',
      name: '南岭市教育局',
      url: `${base}/`,
      classId: 'city-service',
      attributes: {},
      identifier: null,
      platform: null,
    });
    const f = store.addFinding({ targetId: t.id, indicatorId: 'basic.health.availability', rule: 2, count: 1, status: 'confirmed' });
    const e = await downloadEvidence({
      store,
      url: `${base}/files/zsgz.pdf`,
      targetId: t.id,
      indicatorId: 'basic.health.availability',
      findingId: f.id,
    });
    expect([e.kind, e.title, e.file.endsWith('.pdf')]).toEqual(['file', 'zsgz.pdf', true]);
    expect(readFileSync(path.join(dir, e.file)).equals(pdf)).toBe(true);
    expect(store.getFinding(f.id).evidenceIds).toEqual([e.id]);
  });

  it('refuses what it cannot read whole, naming the URL, and stores nothing', async () => {
    const { store } = freshAssessment();
    const t = store.addTarget({
      kind: 'website',
      unit: '单位',
      name: '网站',
      url: `${base}/`,
      classId: 'county',
      attributes: {},
      identifier: null,
      platform: null,
    });
    await expect(downloadEvidence({ store, url: `${base}/gone.pdf`, targetId: t.id })).rejects.toThrow(
      `下载失败：${base}/gone.pdf（HTTP 404）`,
    );
    await expect(
      downloadEvidence({ store, url: `${base}/big`, targetId: t.id, limits: { timeoutMs: 2000, maxBytes: 1024, maxRedirects: 1 } }),
    ).rejects.toThrow('未保存');
    await expect(downloadEvidence({ store, url: 'file:///etc/passwd', targetId: t.id })).rejects.toThrow('只能下载 http 或 https 网址');
    expect(store.listEvidence()).toEqual([]);
  });
});
