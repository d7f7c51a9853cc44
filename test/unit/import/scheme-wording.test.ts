import { describe, expect, it } from 'vitest';
import { parseWording } from '../../../electron/services/import/scheme/wording';
import { splitRuleText } from '../../../electron/services/import/scheme/rule-items';
import { readDocx } from '../../../electron/services/import/scheme/docx-read';
import { docxBytes } from '../../../scripts/fixtures/docx-writer';

describe('standard wordings of 评分细则', () => {
  const cases: [string, 'basic' | 'bonus', Record<string, unknown>][] = [
    ['首页上的链接打不开或错误的，每发现一处扣0.2分，扣完为止。', 'basic', { kind: 'per-occurrence', points: 0.2 }],
    ['未开设概况信息类栏目的，此项不得分。', 'basic', { kind: 'zero' }],
    ['仅通过文字进行解读的，扣1分。', 'basic', { kind: 'fixed', points: 1 }],
    ['被解读的文件数量每少一个，扣0.5分。', 'basic', { kind: 'per-occurrence', points: 0.5 }],
    ['按要求提供网站适老化服务的加２分。', 'bonus', { kind: 'fixed-bonus', points: 2 }],
    ['提供个人主页、多语言版本、无障碍服务、智能问答等个性化服务，有其中两项即可加2分。', 'bonus', { kind: 'fixed-bonus', points: 2 }],
    [
      '提供3项及以上的,加2分;提供1至2项的,加1分。',
      'bonus',
      {
        kind: 'tiered-bonus',
        tiers: [
          { min: 1, points: 1 },
          { min: 3, points: 2 },
        ],
      },
    ],
    ['栏目内容与栏目名称一致，不存在关联性不高的信息噪音，50%。', 'basic', { kind: 'percent', percent: 50 }],
    ['每发现一条扣10%。', 'basic', { kind: 'percent', percent: 10, perOccurrence: true }],
    ['每被省政府办公厅通报或点名批评一个网站，扣权重的5%。', 'basic', { kind: 'percent', percent: 5, perOccurrence: true }],
    ['出现重大安全事故的，即单项否决。', 'basic', { kind: 'veto' }],
  ];
  it.each(cases)('%s', (text, part, rule) => {
    const parsed = parseWording(text, part);
    expect(parsed.question).toBeUndefined();
    expect(parsed.rule).toMatchObject(rule);
  });

  it('asks instead of guessing: two phrases, wrong sign for the part, no phrase', () => {
    expect(parseWording('1个月内未更新的，扣0.5分；3个月内未更新的，此项不得分。', 'basic').question).toContain('多个计分规定');
    expect(parseWording('提供智能问答的，加1分。', 'basic').question).toContain('加分的写法出现在扣分指标中');
    expect(parseWording('根据各季度检查扣分情况按比重扣分。', 'basic')).toMatchObject({
      rule: { kind: 'fixed', points: 0 },
      question: expect.stringContaining('没有可识别的计分写法'),
    });
  });

  it('splits a cell into items, notes and the veto clause', () => {
    const cell =
      '１．出现严重表述错误。\n2.泄露国家秘密。 3.发布反动内容。\n上述情况出现任意一种，即单项否决。\n注：对不承担对外服务职能的单位，\n不检查该项指标';
    expect(splitRuleText(cell)).toEqual({
      items: ['出现严重表述错误。', '泄露国家秘密。', '发布反动内容。'],
      notes: ['注：对不承担对外服务职能的单位，不检查该项指标'],
      preamble: [],
      clauses: ['上述情况出现任意一种，即单项否决。'],
    });
    // "2.2021 年…" is item 2, not a decimal.
    expect(splitRuleText('1.未提供渠道的，本项不得分。\n2.2021 年开展活动未超过6次的，本项不得分。').items).toHaveLength(2);
  });
});

describe('reading Word tables', () => {
  it('repeats merged cells (down and across) and keeps line breaks inside cells', () => {
    const bytes = docxBytes([
      { para: '二、基础性指标（100分）' },
      {
        table: [
          [{ text: '标题', span: 3 }],
          [{ text: '健康情况\n（20分）', vMerge: 'restart' }, { text: '可用性' }, { text: '1.甲\n2.乙', breaks: 'br' }],
          [{ text: '', vMerge: 'continue' }, { text: '内容安全' }, { text: '1.丙\n2.丁', breaks: 'para' }],
        ],
      },
    ]);
    expect(readDocx(bytes)).toEqual([
      { type: 'para', text: '二、基础性指标（100分）' },
      {
        type: 'table',
        rows: [
          ['标题', '标题', '标题'],
          ['健康情况\n（20分）', '可用性', '1.甲\n2.乙'],
          ['健康情况\n（20分）', '内容安全', '1.丙\n2.丁'],
        ],
      },
    ]);
  });

  it('refuses a file that is not a .docx, in Chinese', () => {
    expect(() => readDocx(new Uint8Array([1, 2, 3]), '方案.doc')).toThrow(/无法读取 Word 文件 方案\.doc/u);
  });
});
