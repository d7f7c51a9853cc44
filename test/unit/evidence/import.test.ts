import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotateEvidence, importEvidenceImage, IMPORT_MAX_BYTES } from '../../../electron/services/evidence/capture';
import { sniffImage } from '../../../electron/services/evidence/image-bytes';
import { freshAssessment } from '../../helpers/assessment';
import { decodePng, isRed, rgba, solidPng } from './pixels';

const site = {
  kind: 'website' as const,
  unit: '南岭县人民政府',
  name: '南岭县人民政府门户网站',
  url: 'http://www.nanling.gov.cn/',
  classId: 'county',
  attributes: {},
  identifier: null,
  platform: null,
};
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function setup() {
  const { store } = freshAssessment();
  const target = store.addTarget(site);
  const finding = store.addFinding({
    targetId: target.id,
    indicatorId: 'basic.health.availability',
    rule: 1,
    count: 1,
    status: 'confirmed',
  });
  return { store, target, finding };
}

describe('image magic bytes', () => {
  it.each([
    ['png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
    ['jpeg', Buffer.from('ffd8ffe000104a464946', 'hex')],
    ['webp', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')])],
    ['gif', Buffer.from('GIF89a\u0001\u0000')],
  ])('recognises %s', (type, bytes) => expect(sniffImage(bytes)).toBe(type));

  it.each([
    ['text named .png', Buffer.from('hello.png')],
    ['RIFF that is not WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt ')])],
    ['a PDF', Buffer.from('%PDF-1.7')],
    ['a truncated PNG signature', Buffer.from('89504e47', 'hex')],
  ])('refuses %s', (_, bytes) => expect(sniffImage(bytes)).toBeNull());
});

describe('importing a reviewer’s screenshot', () => {
  it('stores the bytes unchanged, content-addressed, typed by content, and linked to the finding', async () => {
    const { store, target, finding } = setup();
    const png = solidPng(64, 48, '#3366cc');
    const evidence = await importEvidenceImage({
      store,
      bytes: png,
      fileName: '首页截图.jpg',
      targetId: target.id,
      indicatorId: 'basic.health.availability',
      findingId: finding.id,
    });
    expect(evidence).toMatchObject({
      kind: 'screenshot',
      sha256: sha(png),
      file: `evidence/${sha(png)}.png`,
      title: '首页截图.jpg',
      targetId: target.id,
      indicatorId: 'basic.health.availability',
    });
    expect(readFileSync(store.evidencePath(evidence)).equals(png)).toBe(true);
    expect(store.getFinding(finding.id).evidenceIds).toEqual([evidence.id]);
    const jpeg = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(100)]);
    expect((await importEvidenceImage({ store, bytes: jpeg, fileName: 'a.png', targetId: target.id })).file).toMatch(/\.jpg$/u);
  });

  it('refuses non-images, empty files and files over 20 MB, naming the file', async () => {
    const { store, target } = setup();
    await expect(
      importEvidenceImage({ store, bytes: Buffer.from('<html></html>'), fileName: '截图.png', targetId: target.id }),
    ).rejects.toThrow('“截图.png”不是 PNG、JPEG、WebP 或 GIF 图片');
    await expect(importEvidenceImage({ store, bytes: Buffer.alloc(0), fileName: '空.png', targetId: target.id })).rejects.toThrow(
      '“空.png”是空文件',
    );
    const big = Buffer.concat([solidPng(4, 4, '#fff'), Buffer.alloc(IMPORT_MAX_BYTES)]);
    await expect(importEvidenceImage({ store, bytes: big, fileName: '大图.png', targetId: target.id })).rejects.toThrow(
      '“大图.png”超过 20 MB',
    );
    const justFits = Buffer.concat([solidPng(4, 4, '#fff'), Buffer.alloc(IMPORT_MAX_BYTES - 200)]);
    await expect(importEvidenceImage({ store, bytes: justFits, fileName: '刚好.png', targetId: target.id })).resolves.toMatchObject({
      kind: 'screenshot',
    });
    expect(store.counts().evidence).toBe(1);
  });
});

describe('annotated copies', () => {
  it('stores a new annotated file derived from the original, which stays byte for byte', async () => {
    const { store, target, finding } = setup();
    const png = solidPng(200, 100, '#ffffff');
    const original = await importEvidenceImage({
      store,
      bytes: png,
      fileName: 'a.png',
      targetId: target.id,
      indicatorId: 'basic.health.availability',
      findingId: finding.id,
    });
    const copy = await annotateEvidence({
      store,
      evidenceId: original.id,
      shapes: [{ type: 'rect', x: 10, y: 10, width: 50, height: 40 }],
    });
    expect(copy).toMatchObject({
      kind: 'annotated',
      derivedFrom: original.id,
      targetId: target.id,
      indicatorId: 'basic.health.availability',
    });
    expect(copy.sha256).not.toBe(original.sha256);
    const copyBytes = readFileSync(store.evidencePath(copy));
    expect(sha(copyBytes)).toBe(copy.sha256);
    expect(readFileSync(store.evidencePath(original)).equals(png)).toBe(true);
    expect(isRed(rgba(await decodePng(copyBytes), 10, 30))).toBe(true);
    // The copy supports the same finding as the original.
    expect(store.getFinding(finding.id).evidenceIds).toEqual([original.id, copy.id]);
  });

  it('refuses to annotate a file that no longer matches its recorded hash, and non-images', async () => {
    const { store, target } = setup();
    const original = await importEvidenceImage({ store, bytes: solidPng(50, 50, '#fff'), fileName: 'a.png', targetId: target.id });
    writeFileSync(store.evidencePath(original), solidPng(50, 50, '#000'));
    await expect(
      annotateEvidence({ store, evidenceId: original.id, shapes: [{ type: 'rect', x: 1, y: 1, width: 9, height: 9 }] }),
    ).rejects.toThrow('SHA-256 不一致');
    const page = store.addEvidence(Buffer.from('MIME-Version: 1.0'), { kind: 'mhtml', ext: 'mhtml', targetId: target.id });
    await expect(
      annotateEvidence({ store, evidenceId: page.id, shapes: [{ type: 'rect', x: 1, y: 1, width: 9, height: 9 }] }),
    ).rejects.toThrow('不是截图');
  });
});
