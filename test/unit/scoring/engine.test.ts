import { describe, expect, it } from 'vitest';
import { scoreTargets } from '../../../shared/scoring/engine';
import type { ScoringFinding, ScoringTarget } from '../../../shared/scoring/types';
import type { Ruleset } from '../../../shared/ruleset/types';
import { resolveIndicator } from '../../../shared/ruleset/walk';
import { ruleset } from '../../helpers/rulesets';

const zj = ruleset('zhanjiang-2021');
let nextId = 1;
function finding(target: ScoringTarget, path: string, rule: number, count = 1, evidenceIds: number[] = []): ScoringFinding {
  return {
    id: nextId++,
    targetId: target.id,
    indicatorId: resolveIndicator(zj, path, target.kind).indicator.id,
    rule,
    count,
    note: '',
    evidenceIds,
  };
}
const county: ScoringTarget = { id: 1, name: '南岭县人民政府', kind: 'website', classId: 'county', attributes: {} };
const section = (s: ReturnType<typeof scoreTargets>[number], name: string) => s.sections.find((x) => x.name === name)!;

describe('scoring engine on zhanjiang-2021 (hand-computed from seed 000, annex 2)', () => {
  it('per-occurrence deductions within one indicator are capped at its weight (扣完为止)', () => {
    // 可用性 (weight 1): rule 1 home page 3 × 0.2 = 0.6; rule 2 other pages 7 × 0.1 = 0.7; 1.3 > 1 → capped at 1.
    const [s] = scoreTargets(
      zj,
      [county],
      [finding(county, '健康情况/可用性', 1, 3, [12, 13, 14]), finding(county, '健康情况/可用性', 2, 7)],
    );
    expect(section(s!, '健康情况')).toEqual({ id: 'basic.health', name: '健康情况', part: 'basic', score: 19, max: 20 });
    expect(s!.basic).toBe(99);
    const health = s!.explanation.find((e) => e.text.startsWith('健康情况'))!;
    expect(health.children![0]!.text).toBe('可用性 −1，封顶 1 分');
    expect(health.children![0]!.children![0]!.text).toBe('第1条 −0.6：首页链接打不开 3 处（证据 #12 #13 #14）');
  });

  it('sums exactly: 0.2 + 0.1 = 0.3, not 0.30000000000000004', () => {
    const [s] = scoreTargets(zj, [county], [finding(county, '可用性', 1), finding(county, '可用性', 2)]);
    // 100 − (0.2 + 0.1) = 99.7
    expect(s!.basic).toBe(99.7);
    expect(s!.indicators.find((i) => i.path === '健康情况/可用性')!.change).toBe(-0.3);
  });

  it('"此项不得分" zeroes the indicator', () => {
    const [s] = scoreTargets(zj, [county], [finding(county, '健康情况/问题地图', 2)]);
    expect(section(s!, '健康情况').score).toBe(19); // 20 − 1 (问题地图 weight 1)
  });

  it('fixed deductions apply once whatever the count', () => {
    const [s] = scoreTargets(zj, [county], [finding(county, '政策解读', 3, 4)]);
    expect(section(s!, '发布解读').score).toBe(19); // 政策解读 rule 3: 仅文字解读 扣1分
  });

  it('units without external services are scored out of 85 and scaled by 100/85', () => {
    const unit: ScoringTarget = { id: 2, name: '市档案馆', kind: 'website', classId: 'city-noservice', attributes: {} };
    // 内容安全 rule 1: 2 × 0.5 = 1 → raw 85 − 1 = 84; 84 × 100 / 85 = 98.8235… → 98.82
    const [s] = scoreTargets(zj, [unit], [finding(unit, '健康情况/内容安全', 1, 2)]);
    expect(s!.sections.map((x) => x.name)).not.toContain('办事服务');
    expect(s!.basic).toBe(98.82);
  });

  it('moves weight where the ruleset says: no policy-file column → 机构职能 and 领导信息 gain 1 each', () => {
    const unit: ScoringTarget = {
      id: 3,
      name: '市教育局',
      kind: 'website',
      classId: 'city-service',
      attributes: { hasPolicyColumn: false },
    };
    const [s] = scoreTargets(zj, [unit], [finding(unit, '机构职能', 1)]);
    const functions = s!.indicators.find((i) => i.path === '发布解读/机构职能')!;
    expect(functions.weight).toBe(2); // 1 + 政策文件 2 / 2
    expect(functions.score).toBe(0);
    expect(s!.indicators.find((i) => i.path === '发布解读/政策文件')!.applicable).toBe(false);
    // 年报报表 also gains 概况信息's 1 point for city units
    expect(s!.indicators.find((i) => i.path === '发布解读/年报报表')!.weight).toBe(2);
    expect(section(s!, '发布解读')).toMatchObject({ score: 18, max: 20 });
  });

  it('tiered bonus: 1–2 items +1, 3 or more +2', () => {
    const [two] = scoreTargets(zj, [county], [finding(county, '服务内容', 1, 2)]);
    const [three] = scoreTargets(zj, [county], [finding(county, '服务内容', 1, 3)]);
    expect(two!.bonus).toBe(1);
    expect(three!.bonus).toBe(2);
    expect(three!.total).toBe(102);
  });

  it('a veto fails the target, drops its total and ranks it last in its class', () => {
    const other: ScoringTarget = { ...county, id: 4, name: '北岭县人民政府' };
    const scores = scoreTargets(zj, [county, other], [finding(county, '单项否决/首页不更新', 1), finding(other, '可用性', 1)]);
    expect(scores[0]).toMatchObject({ veto: true, total: null, grade: '不合格', rank: 2, vetoReasons: ['首页不更新：首页2周以上未更新'] });
    expect(scores[1]).toMatchObject({ veto: false, total: 99.8, grade: '优秀', rank: 1 });
  });

  it('ties follow list order by default (1,2,3 as seed 002 prints 14 units at 100), or share a rank when set (1,1,3)', () => {
    const t = [1, 2, 3].map((id) => ({ ...county, id, name: `县${id}` }));
    const findings = [finding(t[2]!, '可用性', 1)];
    expect(scoreTargets(zj, t, findings).map((s) => s.rank)).toEqual([1, 2, 3]);
    expect(scoreTargets(zj, t, findings, { ties: 'shared' }).map((s) => s.rank)).toEqual([1, 1, 3]);
    expect(scoreTargets({ ...zj, ranking: { ties: 'shared' } }, t, findings).map((s) => s.rank)).toEqual([1, 1, 3]);
  });

  it('accounts are judged by vetoes only in this scheme', () => {
    const account: ScoringTarget = { id: 9, name: '南岭发布', kind: 'account', classId: 'account', attributes: {} };
    const [ok] = scoreTargets(zj, [account], []);
    expect(ok).toMatchObject({ veto: false, total: null, grade: '合格', rank: null, sections: [] });
    const [bad] = scoreTargets(zj, [account], [finding(account, '单项否决/内容不更新', 1)]);
    expect(bad).toMatchObject({ veto: true, grade: '不合格' });
  });

  it('grade bands can be overridden per assessment', () => {
    const [s] = scoreTargets(zj, [county], [finding(county, '规范运维', 2)], {
      gradeBands: [
        { name: '优秀', min: 96 },
        { name: '良好', min: 90 },
        { name: '合格', min: 60 },
      ],
    });
    expect(s!.total).toBe(95); // 规范运维 rule 2: 5 points
    expect(s!.grade).toBe('良好');
  });
});

describe('scoring engine on rule kinds the zhanjiang scheme does not use', () => {
  const tiny: Ruleset = {
    id: 'tiny',
    name: '测试方案',
    version: '1',
    source: 'test',
    classes: [{ id: 'c', label: '第一类', name: '测试', kind: 'website' }],
    parts: [
      {
        id: 'basic',
        kind: 'basic',
        name: '基础',
        max: 100,
        sections: [
          {
            id: 's',
            name: '一级',
            max: 100,
            indicators: [
              {
                id: 'a',
                name: '甲',
                weight: 40,
                rules: [{ n: 1, text: '每处扣权重的10%', kind: 'percent', percent: 10, perOccurrence: true }],
              },
              { id: 'b', name: '乙', weight: 60, rules: [{ n: 1, text: '扣权重的25%', kind: 'percent', percent: 25 }] },
            ],
          },
        ],
      },
      {
        id: 'bonus',
        kind: 'bonus',
        name: '加分',
        max: 30,
        sections: [
          {
            id: 'x',
            name: '加分项',
            max: 30,
            indicators: [
              { id: 'x1', name: '创新', weight: 30, rules: [{ n: 1, text: '每项加3分', kind: 'per-occurrence-bonus', points: 3 }] },
            ],
          },
        ],
      },
      {
        id: 'neg',
        kind: 'negative',
        name: '扣分',
        max: 10,
        sections: [
          {
            id: 'n',
            name: '负面',
            max: 10,
            indicators: [{ id: 'n1', name: '问责', weight: 10, rules: [{ n: 1, text: '每次扣4分', kind: 'per-occurrence', points: 4 }] }],
          },
        ],
      },
    ],
    transfers: [],
    normaliseBasic: false,
    thresholds: { pass: 60, bonusOnlyAbove: 80 },
    grades: { bands: [{ name: '合格', min: 60 }], failName: '不合格', configurable: true },
  };
  const t: ScoringTarget = { id: 1, name: '甲网站', kind: 'website', classId: 'c', attributes: {} };
  const f = (indicatorId: string, count = 1): ScoringFinding => ({
    id: nextId++,
    targetId: 1,
    indicatorId,
    rule: 1,
    count,
    note: '',
    evidenceIds: [],
  });

  it('percent of weight, per occurrence and once', () => {
    // 甲: 3 × 10% × 40 = 12; 乙: 25% × 60 = 15 → 100 − 27 = 73
    const [s] = scoreTargets(tiny, [t], [f('a', 3), f('b', 2)]);
    expect(s!.basic).toBe(73);
  });

  it('bonus counts only above the threshold', () => {
    // basic 73 ≤ 80 → bonus 0 although 2 × 3 = 6 was earned
    const [low] = scoreTargets(tiny, [t], [f('a', 3), f('b'), f('x1', 2)]);
    expect(low!.bonus).toBe(0);
    const [high] = scoreTargets(tiny, [t], [f('a', 1), f('x1', 2)]);
    expect(high!.basic).toBe(96);
    expect(high!.bonus).toBe(6);
    expect(high!.total).toBe(102);
  });

  it('negative indicators are subtracted from the total, capped at the part maximum', () => {
    // 3 × 4 = 12 → capped at 10; 100 − 10 = 90
    const [s] = scoreTargets(tiny, [t], [f('n1', 3)]);
    expect(s!.negative).toBe(10);
    expect(s!.total).toBe(90);
  });

  it('a total below the pass line fails', () => {
    // 甲 10 × 10% × 40 = 40 (cap 40) + 乙 15 → 45
    const [s] = scoreTargets(tiny, [t], [f('a', 10), f('b')]);
    expect(s!.total).toBe(45);
    expect(s!.grade).toBe('不合格');
  });
});

describe('scoring engine on guoban-2019 (hand-computed from seed 003)', () => {
  const gb = ruleset('guoban-2019');
  const f = (t: ScoringTarget, path: string, rule: number, count = 1): ScoringFinding => ({
    id: nextId++,
    targetId: t.id,
    indicatorId: resolveIndicator(gb, path, t.kind).indicator.id,
    rule,
    count,
    note: '',
    evidenceIds: [],
  });

  it('departments without external services are scored out of 75 and multiplied by 4/3', () => {
    const dept: ScoringTarget = { id: 1, name: '某部', kind: 'website', classId: 'department', attributes: { hasExternalServices: false } };
    // 机构职能 (2 + 概况信息's 2 = 4) not opened → −4; 页面标签 3 × 0.1 → −0.3
    // raw = 75 − 4.3 = 70.7; 70.7 × 100/75 = 94.2666… → 94.27; above 80 so bonus counts: 领导肯定 +3
    const [s] = scoreTargets(gb, [dept], [f(dept, '机构职能', 1), f(dept, '页面标签', 1, 3), f(dept, '领导肯定', 1)]);
    expect(s!.basic).toBe(94.27);
    expect(s!.bonus).toBe(3);
    expect(s!.total).toBe(97.27);
    expect(s!.grade).toBe('合格');
  });

  it('bonus is scored only above 80, and below 60 fails', () => {
    const portal: ScoringTarget = { id: 2, name: '某市政府', kind: 'website', classId: 'portal', attributes: {} };
    // 信息提交 −7, 办理答复 2 × 4 = −8 → capped 7, 在线申请 −5 −5 → 5: 100 − 19 = 81 > 80 → bonus counts
    const above = scoreTargets(
      gb,
      [portal],
      [f(portal, '信息提交', 1), f(portal, '办理答复', 1, 2), f(portal, '在线申请', 1), f(portal, '在线申请', 2), f(portal, '实时互动', 1)],
    )[0]!;
    expect(above.basic).toBe(81);
    expect(above.total).toBe(84);
    // + 站内搜索 −4 → 77 ≤ 80: the 3 bonus points do not count
    const below = scoreTargets(
      gb,
      [portal],
      [f(portal, '信息提交', 1), f(portal, '办理答复', 1, 2), f(portal, '在线申请', 1), f(portal, '站内搜索', 1), f(portal, '实时互动', 1)],
    )[0]!;
    expect(below.basic).toBe(77);
    expect(below.total).toBe(77);
    // 发布解读: 动态要闻/政策文件/政策解读 not opened (−15), 其他栏目 −4 … and 办事服务 fails: below 60 is 不合格
    const fail = scoreTargets(
      gb,
      [portal],
      [
        f(portal, '动态要闻', 1),
        f(portal, '政策文件', 1),
        f(portal, '政策解读', 1),
        f(portal, '办事指南', 1, 2),
        f(portal, '内容准确', 1, 5),
        f(portal, '信息提交', 1),
        f(portal, '留言公开', 1),
      ],
    )[0]!;
    expect(fail.total).toBe(100 - 15 - 8 - 5 - 7 - 6);
    expect(fail.grade).toBe('不合格');
  });
});

describe('scoring engine on guoban-supervision-2019 (seed 003, annual supervision indicators)', () => {
  const sv = ruleset('guoban-supervision-2019');
  const f = (t: ScoringTarget, path: string, rule: number, count = 1): ScoringFinding => ({
    id: nextId++,
    targetId: t.id,
    indicatorId: resolveIndicator(sv, path, t.kind).indicator.id,
    rule,
    count,
    note: '',
    evidenceIds: [],
  });

  it('departments are scored out of 90 and multiplied by 10/9', () => {
    const dept: ScoringTarget = { id: 1, name: '某部办公厅', kind: 'website', classId: 'department', attributes: {} };
    // 集约整合 2 × 5 = −10 → 80 of 90; 80 × 10/9 = 88.888… → 88.89
    const [s] = scoreTargets(sv, [dept], [f(dept, '集约整合', 1, 2)]);
    expect(s!.basic).toBe(88.89);
  });
});

describe('scoring engine on zengdu-2023 (seed 001: three levels, percentages of weight, bonus and negative)', () => {
  const zd = ruleset('zengdu-2023');
  const unit: ScoringTarget = { id: 1, name: '区教育局', kind: 'website', classId: 'unit', attributes: {} };
  const f = (t: ScoringTarget, path: string, rule: number, count = 1): ScoringFinding => ({
    id: nextId++,
    targetId: t.id,
    indicatorId: resolveIndicator(zd, path, t.kind).indicator.id,
    rule,
    count,
    note: '',
    evidenceIds: [],
  });

  it('addresses 三级 indicators by their full path and deducts percentages of their weight', () => {
    expect(resolveIndicator(zd, '政府信息公开/基本信息公开/政策文件', 'website').indicator.id).toBe('basic.disclosure.basic-info.policies');
    // 政策文件 (2): rule 3 per item 10% × 3 = 0.6; 政策解读 (5): rule 2 10% = 0.5 → 100 − 1.1 = 98.9
    const [s] = scoreTargets(zd, [unit], [f(unit, '基本信息公开/政策文件', 3, 3), f(unit, '政策解读', 2)]);
    expect(s!.basic).toBe(98.9);
  });

  it('adds the bonus and subtracts negative indicators, each capped', () => {
    // 表彰宣传 +5; 通报曝光 (6): 国办 2 × 50% = 6 (cap 6) + 省 1 × 5% = 0.3 → capped at 6; 媒体曝光 (4): 省级 1 × 10% = 0.4
    // total = 100 + 5 − 6.4 = 98.6
    const [s] = scoreTargets(
      zd,
      [unit],
      [f(unit, '表彰宣传', 1), f(unit, '通报曝光', 1, 2), f(unit, '通报曝光', 2), f(unit, '媒体曝光', 2)],
    );
    expect(s!.bonus).toBe(5);
    expect(s!.negative).toBe(6.4);
    expect(s!.total).toBe(98.6);
  });

  it('spreads the key-area weight over the other disclosure indicators when a unit has none', () => {
    const noKeyAreas: ScoringTarget = { ...unit, attributes: { hasKeyAreas: false } };
    const [s] = scoreTargets(zd, [noKeyAreas], [f(noKeyAreas, '政策解读', 7)]);
    // 18 points over 10 indicators = 1.8 each: 政策解读 5 + 1.8 = 6.8, zeroed → 100 − 6.8 = 93.2
    expect(s!.indicators.find((i) => i.indicatorId === 'basic.disclosure.readings')!.weight).toBe(6.8);
    expect(s!.basic).toBe(93.2);
  });
});
