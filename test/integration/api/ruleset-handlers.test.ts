import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/services/api/handlers';
import { dispatch } from '../../../electron/services/api/dispatch';
import type { CallResult } from '../../../shared/api/define';
import type { RulesetChange, RulesetDocumentView, RulesetLibraryRow, RulesetSavedView, RulesetVersionRow } from '../../../shared/api/views';
import { setGradeLines, setResultsRule } from '../../../shared/ruleset/edit';
import { cli } from '../../helpers/run-cli';

const fixtures = path.resolve(__dirname, '../../fixtures/rulesets');

// The library calls as the renderer makes them, through dispatch and the contract.
describe('ruleset library handlers through dispatch', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-rs-handlers-'));
  const handlers = createHandlers({ workspaceDir: workspace, mode: 'browser', version: 'test' });
  const raw = (method: string, input: unknown): Promise<CallResult> =>
    dispatch(handlers, method, input, (e) => {
      throw e;
    });
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await raw(method, input);
    if (!r.ok) throw new Error(`${r.error.message} ${r.error.details.join('；')}`);
    return r.value as T;
  };

  it('imports a Word scheme with its open questions, refuses to create from it, and saves a decided version', async () => {
    const contentBase64 = readFileSync(path.join(fixtures, 'zengdu-2023-table.docx')).toString('base64');
    const imported = await call<RulesetSavedView & { report: { decisions: unknown[] } }>('rulesets/importFile', {
      fileName: '曾都区2023年指标.docx',
      contentBase64,
      rulesetId: 'zengdu-local',
    });
    expect(imported).toMatchObject({ id: 'zengdu-local', version: 1 });
    expect(imported.pending).toBe(imported.report.decisions.length);
    const list = await call<RulesetLibraryRow[]>('rulesets/library', {});
    expect(list.find((r) => r.id === 'zengdu-local')).toMatchObject({ origin: 'library', pending: imported.pending });

    const refused = await raw('assessments/create', { name: '曾都2023', year: 2023, rulesetId: 'zengdu-local' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ruleset-pending' } });

    const doc = await call<RulesetDocumentView>('rulesets/get', { rulesetId: 'zengdu-local' });
    const draft = doc.ruleset;
    // A save that breaks the weights is refused, naming the section.
    draft.parts[0]!.sections[1]!.indicators[0]!.weight = 4;
    const bad = await raw('rulesets/save', { ruleset: draft, note: '' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.details.join('\n')).toContain('办事服务：指标分值之和 4 不等于一级指标分值 5');
    draft.parts[0]!.sections[1]!.indicators[0]!.weight = 5;
    delete draft.pending;
    const saved = await call<RulesetSavedView>('rulesets/save', { ruleset: draft, note: '逐项处理完毕' });
    expect(saved).toEqual({ id: 'zengdu-local', version: 2, pending: 0 });
    const created = await call<{ id: string; rulesetName: string }>('assessments/create', {
      name: '曾都2023',
      year: 2023,
      rulesetId: 'zengdu-local',
    });
    expect(created.rulesetName).toContain('曾都区');
  });

  it('refuses a file type the library does not read, before any handler runs', async () => {
    const r = await raw('rulesets/importFile', { fileName: '方案.pdf', contentBase64: '' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('adopts a new library version for an assessment only with a reason, recorded in the history', async () => {
    await call('rulesets/copy', { from: 'zhanjiang-2021', rulesetId: 'zj-local' });
    expect((await cli(workspace, 'new', 'zj', '--ruleset', 'zj-local')).code).toBe(0);
    const doc = await call<RulesetDocumentView>('rulesets/get', { rulesetId: 'zj-local' });
    await call('rulesets/save', { ruleset: { ...doc.ruleset, version: '2021.2' }, note: '改版本号' });
    expect(await call('assessment/rulesetStatus', { id: 'zj' })).toEqual({ rulesetId: 'zj-local', libraryVersion: 1, latest: 2 });
    const noReason = await raw('assessment/adoptRuleset', { id: 'zj', version: 2, reason: '' });
    expect(noReason.ok).toBe(false);
    const adopted = await call<{ from: string; to: string }>('assessment/adoptRuleset', {
      id: 'zj',
      version: 2,
      reason: '市里发布了修订版',
    });
    expect(adopted).toEqual({ from: 'zj-local 第 1 版', to: 'zj-local 第 2 版' });
    expect(await call('assessment/rulesetStatus', { id: 'zj' })).toEqual({ rulesetId: 'zj-local', libraryVersion: 2, latest: 2 });
    const verified = await call<{ ok: boolean }>('assessment/verify', { id: 'zj' });
    expect(verified.ok).toBe(true);
  });
  it('lists versions, compares two, saves an older one as the newest and refuses grade lines out of order', async () => {
    await call('rulesets/copy', { from: 'zhanjiang-2021', rulesetId: 'zj-versions' });
    const v1 = (await call<RulesetDocumentView>('rulesets/get', { rulesetId: 'zj-versions' })).ruleset;
    const upward = setGradeLines(v1, 'class:county', [
      { name: '优秀', min: 80 },
      { name: '良好', min: 85 },
    ]);
    const refused = await raw('rulesets/save', { ruleset: upward, note: '' });
    expect(!refused.ok && refused.error.details).toContain(
      '等次分数线（第一类（各县（市、区）政府，湛江经济技术开发区、奋勇高新区管委会））第 2 行：等次应从高到低排列：“良好”的分数线 85 不低于上一等次“优秀”的 80',
    );
    const v2 = setResultsRule(setGradeLines(v1, 'class:county', [{ name: '优秀', min: 85 }]), { ties: 'shared' });
    expect(await call('rulesets/save', { ruleset: v2, note: '第一类优秀线' })).toEqual({ id: 'zj-versions', version: 2, pending: 0 });
    const versions = await call<RulesetVersionRow[]>('rulesets/versions', { rulesetId: 'zj-versions' });
    expect(versions.map((v) => [v.version, v.note])).toEqual([
      [1, '复制自 zhanjiang-2021（2021.1）'],
      [2, '第一类优秀线'],
    ]);
    const diff = await call<RulesetChange[]>('rulesets/diff', { rulesetId: 'zj-versions', from: 1, to: 2 });
    expect(diff.map((c) => `${c.where}：${c.text}`)).toEqual([
      '等次分数线（第一类（各县（市、区）政府，湛江经济技术开发区、奋勇高新区管委会））：优秀≥85',
      '同分排名：同分按名单顺序依次排名（1、2、3） → 同分并列（1、1、3）',
    ]);
    expect(await raw('rulesets/diff', { rulesetId: 'zj-versions', from: 0, to: 2 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await call('rulesets/saveVersionAs', { rulesetId: 'zj-versions', version: 1, note: '回到原方案' })).toEqual({
      id: 'zj-versions',
      version: 3,
      pending: 0,
    });
    expect(await call('rulesets/diff', { rulesetId: 'zj-versions', from: 1, to: 3 })).toEqual([]);
    const kept = (await call<RulesetDocumentView>('rulesets/get', { rulesetId: 'zj-versions', version: 2 })).ruleset;
    expect(kept.ranking).toEqual({ ties: 'shared' });
    expect(await raw('rulesets/versions', { rulesetId: 'zhanjiang-2021' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-ruleset' },
    });
  });
});
