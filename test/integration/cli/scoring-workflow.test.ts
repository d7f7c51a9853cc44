import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/run-cli';

// The issue-3 CLI as users script it: new → targets add → findings add → score --json.
describe('kaoping new / targets add / findings add / score', () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'kaoping-cli-'));

  it('scores an assessment end to end with the documented JSON shape', async () => {
    expect((await cli(cwd, 'new', 'a', '--ruleset', 'zhanjiang-2021', '--name', '2025年度考评', '--year', '2025')).code).toBe(0);
    const county = await cli(
      cwd,
      'targets',
      'add',
      'a',
      '--name',
      '南岭县人民政府门户网站',
      '--url',
      'www.nanling.gov.cn',
      '--class',
      '第一类',
    );
    expect(county.code).toBe(0);
    expect(county.stderr).toContain('http://www.nanling.gov.cn/');
    await cli(cwd, 'targets', 'add', 'a', '--name', '北岭县人民政府门户网站', '--url', 'https://www.beiling.gov.cn');
    await cli(cwd, 'targets', 'add', 'a', '--name', '南岭市档案馆', '--url', 'http://daj.nanling.gov.cn', '--class', '第三类');

    const shot = path.join(cwd, 'shot.png');
    writeFileSync(shot, 'png-bytes');
    const added = await cli(
      cwd,
      'findings',
      'add',
      'a',
      '--target',
      '南岭县人民政府门户网站',
      '--indicator',
      '健康情况/可用性',
      '--rule',
      '1',
      '--count',
      '3',
      '--evidence',
      shot,
    );
    expect(added.code).toBe(0);
    expect(added.stdout.trim()).toMatch(/^\d+$/);
    await cli(cwd, 'findings', 'add', 'a', '--target', 'https://www.beiling.gov.cn/', '--indicator', '单项否决/首页不更新');
    await cli(cwd, 'findings', 'add', 'a', '--target', '南岭市档案馆', '--indicator', '健康情况/内容安全', '--count', '2');

    // Issue 14: a score is final (graded, ranked) only once the reviewer marks the review done.
    const provisional = await cli(cwd, 'score', 'a', '--json');
    expect(provisional.stderr).toContain('2 个考评对象尚未评审完毕'); // the vetoed one is decided by its veto
    expect(JSON.parse(provisional.stdout).targets[0]).toMatchObject({ total: 99.4, grade: null, rank: null, complete: false });
    for (const t of ['南岭县人民政府门户网站', '北岭县人民政府门户网站', '南岭市档案馆'])
      expect((await cli(cwd, 'review', 'done', 'a', '--target', t)).code).toBe(0);

    const scored = await cli(cwd, 'score', 'a', '--json');
    expect(scored.code).toBe(0);
    const { targets } = JSON.parse(scored.stdout) as { targets: Record<string, unknown>[] };
    // 南岭县: 100 − 3 × 0.2 = 99.4, rank 1 of 第一类
    expect(targets[0]).toMatchObject({
      name: '南岭县人民政府门户网站',
      class: '第一类',
      veto: false,
      basic: 99.4,
      bonus: 0,
      total: 99.4,
      grade: '优秀',
      rank: 1,
    });
    expect(targets[0]!.sections).toContainEqual({ id: 'basic.health', part: 'basic', name: '健康情况', score: 19.4, max: 20 });
    // 北岭县: vetoed, total null, ranked last
    expect(targets[1]).toMatchObject({ veto: true, total: null, grade: '不合格', rank: 2, vetoReasons: ['首页不更新：首页2周以上未更新'] });
    // 档案馆 (第三类, out of 85): (85 − 1) × 100 / 85 = 98.82
    expect(targets[2]).toMatchObject({ class: '第三类', total: 98.82, rank: 1 });
  });

  it('refuses bad input in Chinese and changes nothing', async () => {
    const before = (await cli(cwd, 'score', 'a', '--json')).stdout;
    const cases: [string[], RegExp][] = [
      [['--target', '南岭县人民政府门户网站', '--indicator', '健康情况/不存在'], /没有指标/],
      [['--target', '南岭县人民政府门户网站', '--indicator', '可用性', '--rule', '9'], /没有第 9 条评分细则/],
      [['--target', '南岭县人民政府门户网站', '--indicator', '可用性', '--count', '0'], /次数必须是正整数/],
      [['--target', '南岭县人民政府门户网站', '--indicator', '可用性', '--count', '1.5'], /次数必须是正整数/],
      [['--target', '不存在的网站', '--indicator', '可用性'], /找不到考评对象/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(cwd, 'findings', 'add', 'a', ...args);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(message);
    }
    expect((await cli(cwd, 'score', 'a', '--json')).stdout).toBe(before);
  });

  it('lists the rulesets', async () => {
    const result = await cli(cwd, 'rulesets', '--json');
    expect(JSON.parse(result.stdout).rulesets.map((r: { id: string }) => r.id)).toContain('zhanjiang-2021');
  });
});
