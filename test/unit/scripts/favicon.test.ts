import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { icoFromPngs } from '../../../scripts/favicon.mjs';
import { startBridge } from '../../../electron/services/server/http-bridge';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const dir = mkdtempSync(path.join(os.tmpdir(), 'kaoping-favicon-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the app icon as /favicon.ico in browser mode', () => {
  const ico: Buffer = icoFromPngs([16, 32, 48].map((s) => path.join('resources', 'icons', `${s}x${s}.png`)));

  it('is an ICO of the 16, 32 and 48 px PNG icons', () => {
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
    const entries = [0, 1, 2].map((i) => ({
      size: ico.readUInt8(6 + 16 * i),
      bytes: ico.readUInt32LE(6 + 16 * i + 8),
      at: ico.readUInt32LE(6 + 16 * i + 12),
    }));
    expect(entries.map((e) => e.size)).toEqual([16, 32, 48]);
    for (const e of entries) expect(ico.subarray(e.at, e.at + 4).equals(PNG)).toBe(true);
    expect(entries[2]!.at + entries[2]!.bytes).toBe(ico.length);
  });

  it('is served by the browser-mode bridge with an icon type', async () => {
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(dir, 'favicon.ico'), ico);
    const bridge = await startBridge({ handlers: {} as never, rendererDir: dir });
    try {
      const res = await fetch(`http://127.0.0.1:${bridge.port}/favicon.ico`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/x-icon');
      expect(Buffer.from(await res.arrayBuffer()).equals(ico)).toBe(true);
    } finally {
      await bridge.close();
    }
  });
});
