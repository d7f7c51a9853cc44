import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSites } from '../../../electron/services/demo/sample-sites';
import { serveSampleSite, type RunningSite } from '../../../electron/services/demo/site-server';
import { DEFAULT_WEBSITE_CHECK } from '../../../electron/services/checks/check-website';
import { runChecks } from '../../../electron/services/checks/run-checks';
import { freshAssessment } from '../../helpers/assessment';

// The reviewer's own files beside the assessment steer the checks: words.txt adds
// 错敏字, columns.txt corrects a guessed column kind.
describe('checks steered by the reviewer', () => {
  let county: RunningSite;
  beforeAll(async () => {
    county = await serveSampleSite(sampleSites(new Date()).find((s) => s.key === 'county')!);
  });
  afterAll(() => county.close());

  const run = async (files: Record<string, string>, only: ('freshness' | 'content')[]) => {
    const { dir, store } = freshAssessment();
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const target = store.addTarget({
      kind: 'website',
      unit: '南岭县人民政府',
      name: '南岭县人民政府门户网站',
      url: county.url,
      classId: 'county',
      attributes: {},
      identifier: null,
      platform: null,
    });
    const lines: string[] = [];
    try {
      const result = await runChecks({
        store,
        targets: [target],
        options: { ...DEFAULT_WEBSITE_CHECK, only, external: false, now: new Date() },
        progress: (l) => lines.push(l),
      });
      return {
        suggestions: result.suggestions.map((s) => `${s.indicator}#${s.rule}×${s.count}`),
        stored: store.listFindings().map((f) => f.status),
        lines,
      };
    } finally {
      store.close();
    }
  };

  it('suggests the stale 通知公告 column, and not once the reviewer marks it 忽略', async () => {
    expect((await run({}, ['freshness'])).suggestions).toContain('发布解读/通知公告#2×1');
    const corrected = await run({ 'columns.txt': `# 该栏目已停用\n${county.url}tzgg/ => 忽略\n` }, ['freshness']);
    expect(corrected.suggestions).not.toContain('发布解读/通知公告#2×1');
    expect(corrected.stored.every((s) => s === 'suggested')).toBe(true);
  });

  it('counts as waiting only the suggestions the reviewer has not decided', async () => {
    const { store } = freshAssessment();
    const target = store.addTarget({
      kind: 'website',
      unit: '南岭县人民政府',
      name: '南岭县人民政府门户网站',
      url: county.url,
      classId: 'county',
      attributes: {},
      identifier: null,
      platform: null,
    });
    const check = () =>
      runChecks({
        store,
        targets: [target],
        options: { ...DEFAULT_WEBSITE_CHECK, only: ['content'], external: false, now: new Date() },
        progress: () => undefined,
      });
    try {
      const first = await check();
      expect(first.pending).toBe(first.suggestions.length);
      expect(first.pending).toBeGreaterThan(0);
      for (const f of store.listFindings({ status: 'suggested' })) store.updateFinding(f.id, { status: 'confirmed' }, '核实属实');
      const again = await check();
      // Found again, but all decided: nothing waits, as the checks dialog then says.
      expect(again.suggestions.length).toBe(first.suggestions.length);
      expect(again.pending).toBe(0);
    } finally {
      store.close();
    }
  });

  it('adds the reviewers’ words to the shipped list', async () => {
    expect((await run({}, ['content'])).suggestions).toEqual(['健康情况/内容安全#1×1']);
    // The news title is on the home page, its column list and the article itself: 3 more occurrences.
    expect((await run({ 'words.txt': '防汛应急演练=>防汛应急演习\n' }, ['content'])).suggestions).toEqual(['健康情况/内容安全#1×4']);
  });

  it('stops with the file and line named when a correction is miswritten', async () => {
    await expect(run({ 'columns.txt': `${county.url}tzgg/ => 公告\n` }, ['freshness'])).rejects.toThrow('columns.txt 第 1 行写法有误');
  });
});
