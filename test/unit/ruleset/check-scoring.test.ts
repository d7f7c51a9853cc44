import { describe, expect, it } from 'vitest';
import { validateRuleset } from '../../../shared/ruleset/validate';
import { setGradeLines, setResultsRule, updateRule } from '../../../shared/ruleset/edit';
import type { Ruleset } from '../../../shared/ruleset/types';
import { ruleset } from '../../helpers/rulesets';

const zj = () => structuredClone(ruleset('zhanjiang-2021'));
const problemsOf = (r: Ruleset) => validateRuleset(r).problems;

// Issue 16 (editor of #14's fields): grade lines per kind and class, detects with conditions, problem phrases.
describe('live validation of grade lines, conditional detects and results settings', () => {
  it('passes every built-in ruleset and a ruleset with valid per-class and per-kind lines and a tie rule', () => {
    for (const id of ['zhanjiang-2021', 'zengdu-2023', 'guoban-2019', 'guoban-supervision-2019'])
      expect(problemsOf(ruleset(id))).toEqual([]);
    let r = setGradeLines(zj(), 'class:county', [
      { name: '优秀', min: 85 },
      { name: '良好', min: 75 },
    ]);
    r = setGradeLines(r, 'kind:account', [{ name: '合格', min: 60 }]);
    r = setResultsRule(r, { ties: 'shared', accountResults: 'unit' });
    expect(problemsOf(r)).toEqual([]);
    expect(r.grades.byClass).toEqual({
      county: [
        { name: '优秀', min: 85 },
        { name: '良好', min: 75 },
      ],
    });
    expect(r.ranking).toEqual({ ties: 'shared' });
  });

  it('points at the row of grade lines that do not descend, repeat a name, are negative or name the fail grade', () => {
    const r = setGradeLines(zj(), 'class:county', [
      { name: '优秀', min: 80 },
      { name: '良好', min: 85 },
      { name: '良好', min: 70 },
      { name: '不合格', min: -1 },
    ]);
    const problems = problemsOf(r);
    expect(problems.map((p) => [p.where, p.row, p.message])).toEqual([
      [
        '等次分数线（第一类（各县（市、区）政府，湛江经济技术开发区、奋勇高新区管委会））第 2 行',
        'class:county#1',
        '等次应从高到低排列：“良好”的分数线 85 不低于上一等次“优秀”的 80',
      ],
      ['等次分数线（第一类（各县（市、区）政府，湛江经济技术开发区、奋勇高新区管委会））第 3 行', 'class:county#2', '等次“良好”重复'],
      [
        '等次分数线（第一类（各县（市、区）政府，湛江经济技术开发区、奋勇高新区管委会））第 4 行',
        'class:county#3',
        '“不合格”是不达线的等次，不能再设分数线',
      ],
      ['等次分数线（第一类（各县（市、区）政府，湛江经济技术开发区、奋勇高新区管委会））第 4 行', 'class:county#3', '分数线 -1 不能为负'],
    ]);
    expect(problems.every((p) => p.area === 'grades')).toBe(true);
  });

  it('refuses lines for a class that does not exist and for a kind without classes, and unit results without accounts', () => {
    const noAccounts = { ...zj(), classes: zj().classes.filter((c) => c.kind === 'website') };
    noAccounts.transfers = [];
    let r = setGradeLines(noAccounts, 'all', []);
    r = setGradeLines(r, 'class:nowhere', [{ name: '优秀', min: 90 }]);
    r = setGradeLines(r, 'kind:account', [{ name: '优秀', min: 90 }]);
    r = setResultsRule(r, { accountResults: 'unit' });
    const messages = problemsOf(r)
      .filter((p) => p.area === 'grades')
      .map((p) => p.message);
    expect(messages).toEqual([
      '至少要有一档等次',
      '方案中没有政务新媒体类别，这组分数线不会用到',
      '未知类别 nowhere',
      '按单位汇总政务新媒体结果，但方案中没有政务新媒体类别',
    ]);
  });

  it('checks conditional detects: a check listed twice, an unknown option, a wrong option type, a bad exemption; and the problem phrase', () => {
    const r = updateRule(zj(), 'basic.health.supervision', 1, {
      detects: [
        { check: 'footer.identity', options: { contactLink: 'yes', colour: true } },
        'footer.identity',
        { check: 'links.home', unless: '服务号' },
      ],
      problem: '两行\n短语',
    });
    const problems = problemsOf(r);
    expect(problems.map((p) => p.message)).toEqual([
      '自动检查“页面底部网站标识信息不全”的选项 contactLink 应为是/否',
      '自动检查“页面底部网站标识信息不全”没有选项 colour（可用：contactLink）',
      '自动检查“页面底部网站标识信息不全”重复列出',
      '自动检查“首页链接打不开”的豁免属性“服务号”无效：属性名只能用字母、数字和下划线',
      '问题短语应为一行文字（不需要时清空即可）',
    ]);
    expect(new Set(problems.map((p) => `${p.nodeId}#${p.rule}`))).toEqual(new Set(['basic.health.supervision#1']));
    expect(problems[0]!.where).toBe('健康情况/常态化监管/第1条');
    const fixed = updateRule(r, 'basic.health.supervision', 1, {
      detects: [
        { check: 'footer.identity', atLeast: 2, options: { contactLink: true } },
        { check: 'links.home', unless: 'serviceAccount' },
      ],
      problem: '网站标识信息不全',
    });
    expect(problemsOf(fixed)).toEqual([]);
  });
});
