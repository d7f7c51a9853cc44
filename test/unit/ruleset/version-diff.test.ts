import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffRulesets } from '../../../electron/services/rulesets/diff';
import { diffVersions, listVersions, saveVersionAsNew } from '../../../electron/services/rulesets/versions';
import { loadFromLibrary, saveToLibrary } from '../../../electron/services/rulesets/library';
import {
  addIndicator,
  addRule,
  removeNode,
  removeRule,
  setGradeLines,
  setResultsRule,
  updateNode,
  updateRule,
} from '../../../shared/ruleset/edit';
import { amend, record, redo, startHistory, undo } from '../../../shared/ruleset/history';
import type { Ruleset } from '../../../shared/ruleset/types';
import { ruleset } from '../../helpers/rulesets';

const base = (): Ruleset => ({ ...structuredClone(ruleset('zhanjiang-2021')), id: 'nanling-2025', name: '南岭市方案' });

describe('the difference between two versions of a ruleset, in Chinese by indicator and rule', () => {
  it('lists added, removed and changed indicators and rules, grade lines, tie rule and settings', () => {
    const a = base();
    let b = updateNode(a, 'basic.health.availability', { weight: 5 });
    b = updateNode(b, 'basic.health.supervision', { weight: 13 });
    b = updateRule(b, 'basic.health.supervision', 1, { points: 0.02, problem: '常态化监管扣分' });
    b = addRule(b, 'basic.health.supervision', { text: '未按要求整改的，扣1分。', kind: 'fixed', points: 1 });
    b = removeRule(b, 'basic.publish.news', 2);
    b = removeNode(b, 'bonus.ops.notices');
    b = addIndicator(b, 'basic.health', '安全防护', 0);
    b = setGradeLines(b, 'class:county', [
      { name: '优秀', min: 85 },
      { name: '良好', min: 75 },
      { name: '合格', min: 60 },
    ]);
    b = setResultsRule(b, { ties: 'shared' });
    b = { ...b, normaliseBasic: false };
    const changes = diffRulesets(a, b);
    const find = (where: string) => changes.filter((c) => c.where === where).map((c) => `${c.change}:${c.text}`);
    expect(find('健康情况/可用性')).toEqual(['changed:分值 1 → 5']);
    expect(find('健康情况/常态化监管')).toEqual([
      'changed:分值 14 → 13；第1条：每处扣分 0.01 分 → 每处扣分 0.02 分，问题短语 无 → “常态化监管扣分”；新增第4条（扣固定分 1 分）：“未按要求整改的，扣1分。”',
    ]);
    expect(find('健康情况/安全防护')).toEqual(['added:新增（0 分）']);
    expect(find('发布解读/动态要闻')[0]).toMatch(/^changed:删除第2条（此项不得分）：“.+”$/u);
    expect(find('运维保障/上级通报')).toEqual(['removed:删除（4 分）']);
    expect(find('等次分数线（第一类（各县（市、区）政府，湛江经济技术开发区、奋勇高新区管委会））')).toEqual([
      'added:优秀≥85、良好≥75、合格≥60',
    ]);
    expect(find('同分排名')).toEqual(['changed:同分按名单顺序依次排名（1、2、3） → 同分并列（1、1、3）']);
    expect(find('满分折算')).toEqual(['changed:是 → 否']);
    expect(diffRulesets(a, structuredClone(a))).toEqual([]);
  });

  it('lists versions with their notes, compares any two and saves an older one as the newest without overwriting', () => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'kaoping-versions-'));
    const v1 = saveToLibrary(ws, base(), '导入').ruleset;
    const v2 = saveToLibrary(ws, setGradeLines(v1, 'kind:website', [{ name: '优秀', min: 88 }]), '网站分数线').ruleset;
    expect(listVersions(ws, 'nanling-2025').map((v) => [v.version, v.note, v.name])).toEqual([
      [1, '导入', '南岭市方案'],
      [2, '网站分数线', '南岭市方案'],
    ]);
    expect(diffVersions(ws, 'nanling-2025', 1, 2)).toEqual([{ change: 'added', where: '等次分数线（网站）', text: '优秀≥88' }]);
    expect(diffVersions(ws, 'nanling-2025', 2, 1)).toEqual([
      { change: 'removed', where: '等次分数线（网站）', text: '优秀≥88（改用通用分数线）' },
    ]);
    const back = saveVersionAsNew(ws, 'nanling-2025', 1, '');
    expect(back.version).toBe(3);
    expect(loadFromLibrary(ws, 'nanling-2025', 2).grades.byKind).toEqual(v2.grades.byKind);
    expect(loadFromLibrary(ws, 'nanling-2025', 3).grades.byKind).toBeUndefined();
    expect(listVersions(ws, 'nanling-2025')[2]!.note).toBe('以第 1 版为基础另存（原最新为第 2 版）');
    expect(() => listVersions(ws, 'zhanjiang-2021')).toThrow('考评方案库中没有“zhanjiang-2021”（内置方案没有版本）');
    expect(() => diffVersions(ws, 'nanling-2025', 1, 9)).toThrow('没有第 9 版');
  });
});

describe('undo and redo over editor drafts', () => {
  it('steps back and forth, drops the redo branch on a new edit and ignores an edit that changed nothing', () => {
    const a = base();
    const b = updateNode(a, 'basic.health.availability', { weight: 5 });
    const c = setResultsRule(b, { ties: 'shared' });
    let h = record(record(startHistory(a), b), c);
    expect(record(h, h.present)).toBe(h);
    h = undo(h);
    expect(h.present).toBe(b);
    h = undo(h);
    expect(h.present).toBe(a);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe(b);
    const d = setResultsRule(b, { ties: 'sequential' });
    h = record(h, d);
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
    expect(undo(h).present).toBe(b);
    const stamped = { ...d, libraryVersion: 2 };
    expect(amend(h, stamped)).toMatchObject({ present: stamped, past: h.past, future: [] });
    let long = startHistory(0);
    for (let i = 1; i <= 5; i++) long = record(long, i, { limit: 3 });
    expect(long.past).toEqual([2, 3, 4]);
    // Typing into one number field is one step.
    let typed = record(startHistory(a), b);
    typed = record(typed, c, { mergeKey: 'weight:x' });
    typed = record(typed, d, { mergeKey: 'weight:x' });
    expect(typed.past).toEqual([a, b]);
    expect(undo(typed).present).toBe(b);
    expect(record(typed, a, { mergeKey: 'weight:y' }).past).toEqual([a, b, d]);
  });
});
