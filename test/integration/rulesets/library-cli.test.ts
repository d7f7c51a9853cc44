import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/run-cli';
import { openAssessment, verifyAssessment } from '../../../electron/services/store/open';
import type { Ruleset } from '../../../shared/ruleset/types';

const fixtures = path.resolve(__dirname, '../../fixtures/rulesets');

// The workspace library through the CLI: import, list, export, edit as a new version,
// create an assessment from a library id or a file, adopt the new version explicitly.
describe('kaoping rulesets: the workspace library', () => {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'kaoping-lib-'));

  it('copies a built-in, exports it, re-imports an edit as version 2, and lists both kinds', async () => {
    const copy = await cli(
      ws,
      'rulesets',
      'copy',
      'zhanjiang-2021',
      '--id',
      'nanling-2025',
      '--name',
      '南岭市2025年度考评方案',
      '--workspace',
      ws,
    );
    expect(copy.stderr).toBe('');
    expect(copy.stdout).toContain('基于 zhanjiang-2021');
    const out = path.join(ws, 'nanling.json');
    expect((await cli(ws, 'rulesets', 'export', 'nanling-2025', '--out', out, '--workspace', ws)).code).toBe(0);
    const edited = JSON.parse(readFileSync(out, 'utf8')) as Ruleset;
    expect(edited.libraryVersion).toBe(1);
    edited.grades.bands = [
      { name: '优秀', min: 95 },
      { name: '良好', min: 85 },
      { name: '合格', min: 60 },
    ];
    writeFileSync(out, JSON.stringify(edited));
    const again = await cli(ws, 'rulesets', 'import', out, '--workspace', ws);
    expect(again.stdout).toContain('nanling-2025（南岭市2025年度考评方案）第 2 版');

    const listed = JSON.parse((await cli(ws, 'rulesets', 'list', '--workspace', ws, '--json')).stdout) as {
      rulesets: { id: string; origin: string; libraryVersion: number | null }[];
    };
    expect(listed.rulesets.find((r) => r.id === 'zhanjiang-2021')?.origin).toBe('built-in');
    expect(listed.rulesets.find((r) => r.id === 'nanling-2025')).toMatchObject({ origin: 'library', libraryVersion: 2 });
    // Versions are files that are never overwritten.
    expect(existsSync(path.join(ws, 'rulesets', 'nanling-2025', 'v1.json'))).toBe(true);
    expect(existsSync(path.join(ws, 'rulesets', 'nanling-2025', 'v2.json'))).toBe(true);
  });

  it('refuses a built-in id in the library and an invalid file, naming what is wrong', async () => {
    const zj = path.join(ws, 'zj.json');
    expect((await cli(ws, 'rulesets', 'export', 'zhanjiang-2021', '--out', zj)).code).toBe(0);
    const taken = await cli(ws, 'rulesets', 'import', zj, '--workspace', ws);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('内置考评方案的编号');
    const bad = JSON.parse(readFileSync(zj, 'utf8')) as Ruleset;
    bad.parts[1]!.sections[0]!.indicators[0]!.weight = 13;
    bad.transfers[0]!.to = ['basic.nowhere'];
    writeFileSync(zj, JSON.stringify(bad));
    const invalid = await cli(ws, 'rulesets', 'validate', zj);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('健康情况：指标分值之和 19 不等于一级指标分值 20');
    expect(invalid.stderr).toContain('未知指标 basic.nowhere');
  });

  it('creates an assessment from a library id (in the workspace holding the folder) and from a file path', async () => {
    const byId = await cli(ws, 'new', path.join(ws, 'a1'), '--ruleset', 'nanling-2025@1', '--year', '2025');
    expect(byId.stderr).toBe('');
    const store = openAssessment(path.join(ws, 'a1'));
    expect(store.rulesetSnapshot().libraryVersion).toBe(1);
    store.close();
    const byFile = await cli(ws, 'new', path.join(ws, 'a2'), '--ruleset', 'nanling.json', '--year', '2025');
    expect(byFile.stderr).toBe('');
    const elsewhere = await cli(
      os.tmpdir(),
      'new',
      path.join(mkdtempSync(path.join(os.tmpdir(), 'kaoping-other-')), 'x'),
      '--ruleset',
      'nanling-2025',
    );
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain('没有考评方案“nanling-2025”');
  });

  it('keeps the snapshot on later edits and adopts a new version only when asked, in the history', async () => {
    const dir = path.join(ws, 'a1');
    expect(
      (await cli(ws, 'targets', 'add', dir, '--name', '南岭县人民政府门户网站', '--url', 'www.nanling.gov.cn', '--class', '第一类')).code,
    ).toBe(0);
    expect(
      (await cli(ws, 'findings', 'add', dir, '--target', '南岭县人民政府门户网站', '--indicator', '健康情况/可用性', '--count', '3')).code,
    ).toBe(0);
    // Grades are given to fully reviewed targets only.
    expect((await cli(ws, 'review', 'done', dir, '--target', '南岭县人民政府门户网站')).code).toBe(0);
    const before = JSON.parse((await cli(ws, 'score', dir, '--json')).stdout) as { targets: { grade: string; total: number }[] };
    expect(before.targets[0]).toMatchObject({ total: 99.4, grade: '优秀' });

    const noReason = await cli(ws, 'rulesets', 'adopt', dir);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('须填写原因');
    const adopted = await cli(ws, 'rulesets', 'adopt', dir, '--reason', '等次分数线按市里新通知调整');
    expect(adopted.stdout).toContain('nanling-2025 第 1 版 → nanling-2025 第 2 版');
    const store = openAssessment(dir);
    const last = store.history().at(-1)!;
    expect(last).toMatchObject({ action: 'ruleset.adopt', reason: '等次分数线按市里新通知调整' });
    expect(store.rulesetSnapshot().libraryVersion).toBe(2);
    store.close();
    expect(verifyAssessment(dir).ok).toBe(true);
  });

  it('imports an office Word file and refuses to create an assessment until its decisions are made', async () => {
    const imported = await cli(
      ws,
      'rulesets',
      'import',
      path.join(fixtures, 'zhanjiang-2021-scheme.docx'),
      '--workspace',
      ws,
      '--id',
      'zj-imported',
    );
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('第一类：各县（市、区）政府，湛江经济技术开发区、奋勇高新区管委会（共 11 个）');
    expect(imported.stdout).toMatch(/待决定 \d+ 项/u);
    expect(imported.stdout).toContain('权重转移');
    const refused = await cli(ws, 'new', path.join(ws, 'a3'), '--ruleset', 'zj-imported');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('待决定的事项');
    expect(existsSync(path.join(ws, 'a3'))).toBe(false);
  });
});
