import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAssessment, verifyAssessment } from '../../../electron/services/store/open';
import { cli } from '../../helpers/run-cli';
import { callThroughDispatch } from '../../helpers/dispatch';

// Integrity enforced where the data is written, whatever the UI does: one
// action id writes once, a restore brings back exactly what was deleted,
// evidence never crosses targets or indicators, dismissals and deletions have reasons.
describe('review writes cannot duplicate or mislink', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-integrity-'));
  const call = callThroughDispatch(workspace);
  const total = async (targetId = 1) => (await call<{ score: { total: number } }>('review/target', { id: 'a', targetId })).score.total;

  beforeAll(async () => {
    await cli(workspace, 'new', 'a', '--ruleset', 'zhanjiang-2021');
    await cli(workspace, 'targets', 'add', 'a', '--name', '南岭市教育局', '--url', 'http://127.0.0.1:9/', '--class', '第二类');
    await cli(workspace, 'targets', 'add', 'a', '--name', '南岭市卫生健康局', '--url', 'http://127.0.0.1:9/', '--class', '第二类');
  });

  it('records one finding for one action id, even when the request comes twice at once', async () => {
    const add = { id: 'a', targetId: 1, indicatorId: 'basic.health.availability', rule: 1, count: 1, actionId: 'add:double-click-1' };
    const [first, second] = await Promise.all([call<{ id: number }>('findings/add', add), call<{ id: number }>('findings/add', add)]);
    expect(second.id).toBe(first.id);
    expect(await total()).toBe(99.8);
    // The same id for another kind of action is refused, not silently answered.
    await expect(
      call('findings/delete', { id: 'a', findingId: first.id, reason: '重复记录', actionId: 'add:double-click-1' }),
    ).rejects.toThrow('已用于另一种操作');
    // Without an action id the host cannot tell a repeat from a new finding: the contract requires one.
    await expect(call('findings/add', { ...add, actionId: undefined })).rejects.toThrow('actionId');
  });

  it('brings a deleted suggestion back as a suggestion, with its source and evidence, and only once', async () => {
    const store = openAssessment(path.join(workspace, 'a'));
    const list = store.addEvidence(Buffer.from('{"items":[]}'), {
      kind: 'file',
      ext: 'json',
      targetId: 1,
      indicatorId: 'basic.health.availability',
    });
    const suggestion = store.addFinding({
      targetId: 1,
      indicatorId: 'basic.health.availability',
      rule: 1,
      count: 3,
      note: '首页有 3 处链接打不开',
      status: 'suggested',
      source: 'links.home',
      evidenceIds: [list.id],
    });
    store.close();
    const before = await total();
    await expect(call('findings/delete', { id: 'a', findingId: suggestion.id, reason: '' })).rejects.toThrow('请填写删除原因');
    await call('findings/delete', { id: 'a', findingId: suggestion.id, reason: '重复记录', actionId: 'delete:suggestion-1' });
    const restored = await call<{ id: number; status: string; source: string; evidenceIds: number[]; count: number }>('findings/restore', {
      id: 'a',
      findingId: suggestion.id,
      reason: '撤销删除',
      actionId: 'undo:suggestion-1',
    });
    expect(restored).toMatchObject({ id: suggestion.id, status: 'suggested', source: 'links.home', evidenceIds: [list.id], count: 3 });
    expect(await total()).toBe(before);
    // A repeat of the same undo answers with the same finding; a new restore is refused.
    expect(
      (
        await call<{ id: number }>('findings/restore', {
          id: 'a',
          findingId: suggestion.id,
          reason: '撤销删除',
          actionId: 'undo:suggestion-1',
        })
      ).id,
    ).toBe(suggestion.id);
    await expect(
      call('findings/restore', { id: 'a', findingId: suggestion.id, reason: '撤销删除', actionId: 'undo:suggestion-2' }),
    ).rejects.toThrow('已经恢复过');
    expect(verifyAssessment(path.join(workspace, 'a')).ok).toBe(true);
  });

  it('refuses evidence of another indicator or another target, and a dismissal without a reason', async () => {
    const store = openAssessment(path.join(workspace, 'a'));
    const otherIndicator = store.addEvidence(Buffer.from('b'), {
      kind: 'screenshot',
      ext: 'png',
      targetId: 1,
      indicatorId: 'basic.health.maps',
    });
    const otherTarget = store.addEvidence(Buffer.from('c'), {
      kind: 'screenshot',
      ext: 'png',
      targetId: 2,
      indicatorId: 'basic.health.availability',
    });
    const finding = store.listFindings({ targetId: 1, status: 'confirmed' })[0]!;
    const suggestion = store.listFindings({ targetId: 1, status: 'suggested' })[0]!;
    store.close();
    await expect(call('findings/linkEvidence', { id: 'a', findingId: finding.id, evidenceId: otherIndicator.id })).rejects.toThrow(
      `证据 #${otherIndicator.id} 是为指标 basic.health.maps 采集的`,
    );
    await expect(call('findings/linkEvidence', { id: 'a', findingId: finding.id, evidenceId: otherTarget.id })).rejects.toThrow(
      '属于考评对象“南岭市卫生健康局”',
    );
    await expect(
      call('findings/add', {
        id: 'a',
        targetId: 1,
        indicatorId: 'basic.health.availability',
        rule: 1,
        count: 1,
        evidenceIds: [otherTarget.id],
        actionId: 'add:mislinked',
      }),
    ).rejects.toThrow('不能附到');
    await expect(call('findings/update', { id: 'a', findingId: suggestion.id, status: 'dismissed' })).rejects.toThrow('必须填写原因');
    await call('findings/update', {
      id: 'a',
      findingId: suggestion.id,
      status: 'dismissed',
      reason: '误报：核实后页面正常',
      actionId: 'status:s:dismissed',
    });
    const history = openAssessment(path.join(workspace, 'a'));
    expect(history.history().at(-1)).toMatchObject({ action: 'finding.update', reason: '误报：核实后页面正常' });
    history.close();
  });
});

describe('undoing a screenshot attached to a finding', () => {
  it('detaches the removed evidence from the finding, in the history, and verify stays whole', async () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-unlink-'));
    await cli(workspace, 'new', 'b', '--ruleset', 'zhanjiang-2021');
    await cli(workspace, 'targets', 'add', 'b', '--name', '南岭市教育局', '--url', 'http://127.0.0.1:9/', '--class', '第二类');
    const store = openAssessment(path.join(workspace, 'b'));
    const shot = store.addEvidence(Buffer.from('shot'), {
      kind: 'screenshot',
      ext: 'png',
      targetId: 1,
      indicatorId: 'basic.health.availability',
    });
    const f = store.addFinding({
      targetId: 1,
      indicatorId: 'basic.health.availability',
      rule: 1,
      count: 1,
      status: 'confirmed',
      evidenceIds: [shot.id],
    });
    store.removeEvidence(shot.id, '撤销截图');
    expect(store.getFinding(f.id).evidenceIds).toEqual([]);
    expect(store.history().at(-1)).toMatchObject({ action: 'finding.unlink-evidence', subject: `finding:${f.id}`, reason: '撤销截图' });
    store.close();
    expect(verifyAssessment(path.join(workspace, 'b')).ok).toBe(true);
  });
});
