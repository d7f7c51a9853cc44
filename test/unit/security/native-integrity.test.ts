import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256File, verifyNativeModule } from '../../../electron/services/security/native-integrity';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function fixture(content = 'ELF native module bytes') {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kaoping-native-'));
  dirs.push(dir);
  const file = path.join(dir, 'better_sqlite3.node');
  writeFileSync(file, content);
  const manifest = path.join(dir, 'native-integrity.json');
  writeFileSync(manifest, JSON.stringify({ 'better_sqlite3.node': sha256File(file) }));
  return { file, manifest };
}

describe('native module integrity', () => {
  it('loads a module whose hash matches the one recorded at packaging time', () => {
    const { file, manifest } = fixture();
    expect(() => verifyNativeModule(file, manifest, true)).not.toThrow();
  });

  it('refuses a module changed after packaging, in Chinese', () => {
    const { file, manifest } = fixture();
    writeFileSync(file, 'ELF native module bytes, patched');
    expect(() => verifyNativeModule(file, manifest, true)).toThrow(/better_sqlite3\.node 的 SHA-256 与打包时记录的不一致/u);
  });

  it('refuses a packaged app without a manifest or without an entry, and allows development builds without one', () => {
    const { file, manifest } = fixture();
    expect(() => verifyNativeModule(file, `${manifest}.missing`, true)).toThrow(/缺少原生模块校验清单/u);
    expect(() => verifyNativeModule(file, `${manifest}.missing`, false)).not.toThrow();
    writeFileSync(manifest, JSON.stringify({ 'other.node': 'x' }));
    expect(() => verifyNativeModule(file, manifest, false)).toThrow(/没有 better_sqlite3\.node/u);
  });
});
