import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readChainHead } from '../../electron/services/export/ooxml/chain-head-property';
import { chainHash, GENESIS } from '../../electron/services/store/history-chain';
import { cli } from '../helpers/run-cli';

process.env.KAOPING_CONFIG_DIR = mkdtempSync(path.join(os.tmpdir(), 'kaoping-profile-exports-'));

const FORMULA_NAME = '=HYPERLINK("http://evil.example","点此")';

async function assessment() {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'kaoping-exports-'));
  await cli(cwd, 'new', 'a', '--ruleset', 'zhanjiang-2021', '--name', '2025年度考评');
  await cli(cwd, 'targets', 'add', 'a', '--name', '@南岭县网站', '--unit', FORMULA_NAME, '--url', 'http://www.nanling.gov.cn');
  writeFileSync(path.join(cwd, 'shot.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
  const added = await cli(
    cwd,
    'findings',
    'add',
    'a',
    '--target',
    '1',
    '--indicator',
    '单项否决/站点无法访问',
    '--note=-1 处',
    '--evidence',
    'shot.png',
  );
  expect(added.code).toBe(0);
  return cwd;
}

/** The cellXfs entry of the cell holding `text` in the first sheet. */
function styleOfCellWith(xlsx: Uint8Array, text: string): string {
  const files = unzipSync(xlsx);
  const strings = [...strFromU8(files['xl/sharedStrings.xml']!).matchAll(/<si>([\s\S]*?)<\/si>/gu)].map((m) =>
    m[1]!.replace(/<[^>]+>/gu, '').replace(/&quot;/gu, '"'),
  );
  const index = strings.indexOf(text);
  expect(index).toBeGreaterThanOrEqual(0);
  const sheetName = Object.keys(files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/u.test(n))!;
  const cell = new RegExp(`<c\\b[^>]*t="s"[^>]*><v>${index}</v></c>`, 'u').exec(strFromU8(files[sheetName]!))![0];
  const s = Number(/\bs="(\d+)"/u.exec(cell)?.[1] ?? 0);
  const xfs = [...strFromU8(files['xl/styles.xml']!).matchAll(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/gu)][0]![1]!.match(
    /<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/gu,
  )!;
  return xfs[s]!;
}

describe('exports: formula-safe cells and the recorded chain head', () => {
  it('writes text starting with = + - @ with a quote prefix in every workbook the app writes', async () => {
    const cwd = await assessment();
    expect((await cli(cwd, 'export', 'a', '--format', 'targets', '--out', 'targets.xlsx')).code).toBe(0);
    const targets = new Uint8Array(readFileSync(path.join(cwd, 'targets.xlsx')));
    expect(styleOfCellWith(targets, FORMULA_NAME)).toContain('quotePrefix="1"');
    // An ordinary cell keeps its style without the prefix.
    expect(styleOfCellWith(targets, 'http://www.nanling.gov.cn/')).not.toContain('quotePrefix');
    await cli(cwd, 'selfeval', 'template', 'a', '--target', '1', '--out', 'form.xlsx');
    expect(styleOfCellWith(new Uint8Array(readFileSync(path.join(cwd, 'form.xlsx'))), FORMULA_NAME)).toContain('quotePrefix="1"');
  });

  it('records the signed head in docx and xlsx properties and the evidence-pack index; verify --export compares', async () => {
    const cwd = await assessment();
    for (const [format, out] of [
      ['circular-zhanjiang', 'circular.docx'],
      ['annex-zhanjiang', 'annex.xlsx'],
      ['evidence-pack', 'pack.zip'],
    ])
      expect((await cli(cwd, 'export', 'a', '--format', format!, '--out', out!)).code).toBe(0);
    const now = await cli(cwd, 'verify', 'a');
    const head = /链头：第 (\d+) 条 ([0-9a-f]{64})/u.exec(now.stdout)!;
    for (const out of ['circular.docx', 'annex.xlsx', 'pack.zip']) {
      expect(readChainHead(new Uint8Array(readFileSync(path.join(cwd, out)))), out).toMatch(
        new RegExp(`^${head[1]}:${head[2]}:[0-9a-f]{16}:[0-9a-f]{64}$`, 'u'),
      );
    }
    expect(strFromU8(unzipSync(new Uint8Array(readFileSync(path.join(cwd, 'pack.zip'))))['index.html']!)).toContain(
      `${head[1]}:${head[2]}`,
    );
    const same = await cli(cwd, 'verify', 'a', '--export', 'circular.docx', '--export', 'pack.zip');
    expect(same.stdout).toMatch(/circular\.docx 导出时的链头（第 \d+ 条）与当前一致[\s\S]*pack\.zip 导出时的链头/u);

    // A change after publication shows against the published head.
    await cli(cwd, 'findings', 'add', 'a', '--target', '1', '--indicator', '单项否决/站点无法访问', '--note', '补充');
    expect((await cli(cwd, 'verify', 'a', '--export', 'annex.xlsx')).stdout).toMatch(
      /annex\.xlsx 导出于第 \d+ 条历史记录之后，此后又有 1 条改动/u,
    );

    // A history rewritten by hand (hashes recomputed): the published head is no longer in it.
    const db = new Database(path.join(cwd, 'a', 'assessment.sqlite'));
    db.exec("UPDATE history SET reason = '改写' WHERE seq = 3");
    let prev = GENESIS;
    for (const r of db.prepare('SELECT * FROM history ORDER BY seq').all() as Record<string, string>[]) {
      const hash = chainHash(prev, {
        at: r.at!,
        actor: r.actor!,
        action: r.action!,
        subject: r.subject!,
        before_json: r.before_json!,
        after_json: r.after_json!,
        reason: r.reason!,
      });
      db.prepare('UPDATE history SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
      prev = hash;
    }
    db.close();
    const rewritten = await cli(cwd, 'verify', 'a', '--export', 'annex.xlsx');
    expect(rewritten.code).toBe(1);
    expect(rewritten.stdout).toMatch(/annex\.xlsx 导出时的链头（第 \d+ 条）不在当前历史中：导出后历史被改写/u);
  });

  it('never packs a link in evidence/ that points outside it', async () => {
    const cwd = await assessment();
    const evidence = path.join(cwd, 'a', 'evidence');
    const [stored] = readdirSync(evidence);
    writeFileSync(path.join(cwd, 'secret.txt'), 'secret');
    rmSync(path.join(evidence, stored!));
    symlinkSync(path.join(cwd, 'secret.txt'), path.join(evidence, stored!));
    const run = await cli(cwd, 'export', 'a', '--format', 'evidence-pack', '--out', 'pack.zip');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/是指向证据目录之外的链接，已拒绝打包/u);
  });
});
