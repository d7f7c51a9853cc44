import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/run-cli';
import { saveToLibrary } from '../../../electron/services/rulesets/library';
import { addIndicator, addPart, addRule, addSection, blankRuleset, setClasses, updateNode } from '../../../shared/ruleset/edit';
import type { Ruleset } from '../../../shared/ruleset/types';

/** Seed 002, 附件1 政府网站考评情况表, as printed. */
const SEED_ANNEX_1 = [
  [
    '排名',
    '单位名称',
    '单项否决',
    '健康情况',
    '展现标识',
    '发布解读',
    '办事服务',
    '互动交流',
    '功能应用',
    '政务新媒体',
    '支撑保障',
    '加分指标',
    '总计',
  ],
  ['1', '饶平县人民政府', '0', '22.49', '7.5', '24', '9.63', '8', '5', '5', '3', '1', '85.62'],
  ['2', '潮安区人民政府', '0', '18.86', '8', '21.75', '9.62', '9.5', '5', '5', '2', '2', '81.73'],
  ['3', '湘桥区人民政府', '0', '14.6', '8', '22.5', '9.5', '8.5', '4', '5', '4', '2', '78.1'],
  ['4', '枫溪区管委会', '0', '15', '7', '20.5', '10', '7', '2.5', '5', '2', '2', '71'],
];

/**
 * The Chaozhou 2019 layout built with the editor's operations, as a reviewer would:
 * eight 一级指标 of a 100-point basic part and a 加分指标 part (nine categories).
 * Section maxima are the office's; the findings below give the seed's figures.
 */
function chaozhouRuleset(): Ruleset {
  let r = blankRuleset('chaozhou-2019', '2019年度潮州市政府网站和政务新媒体考评方案');
  r = setClasses(r, [
    { id: 'county', label: '第一类', name: '各县区政府（管委会）门户网站', kind: 'website' },
    { id: 'account', label: '政务新媒体', name: '开设有政务新媒体的市、县部门', kind: 'account' },
  ]);
  r = updateNode(r, 'basic', { appliesTo: { kinds: ['website'] } });
  const sections: [
    string,
    number,
    [string, number, Omit<Ruleset['parts'][number]['sections'][number]['indicators'][number]['rules'][number], 'n'>][],
  ][] = [
    ['健康情况', 25, [['常态化监管', 25, { text: '按季度检查扣分折算，每 0.01 分记一处', kind: 'per-occurrence', points: 0.01 }]]],
    [
      '展现标识',
      10,
      [
        ['网站标识', 5, { text: '每发现一处标识不规范扣0.5分，扣完为止', kind: 'per-occurrence', points: 0.5 }],
        ['页面标签', 5, { text: '每发现一处标签不规范扣0.5分，扣完为止', kind: 'per-occurrence', points: 0.5 }],
      ],
    ],
    [
      '发布解读',
      30,
      [
        ['信息发布', 20, { text: '每发现一处未更新扣0.25分，扣完为止', kind: 'per-occurrence', points: 0.25 }],
        ['政策解读', 10, { text: '每少解读一个文件扣0.25分', kind: 'per-occurrence', points: 0.25 }],
      ],
    ],
    ['办事服务', 10, [['办事指南', 10, { text: '办事指南要素缺失，每处扣0.01分', kind: 'per-occurrence', points: 0.01 }]]],
    [
      '互动交流',
      10,
      [
        ['咨询投诉', 6, { text: '每发现一次回应不及时扣0.5分，扣完为止', kind: 'per-occurrence', points: 0.5 }],
        ['在线访谈', 4, { text: '每少一次扣0.5分', kind: 'per-occurrence', points: 0.5 }],
      ],
    ],
    ['功能应用', 5, [['转载传递', 5, { text: '每发现一次未及时转载扣0.5分，扣完为止', kind: 'per-occurrence', points: 0.5 }]]],
    ['政务新媒体', 5, [['账号管理', 5, { text: '每发现一个账号不规范扣1分，扣完为止', kind: 'per-occurrence', points: 1 }]]],
    ['支撑保障', 5, [['机制保障', 5, { text: '每发现一项机制缺失扣1分，扣完为止', kind: 'per-occurrence', points: 1 }]]],
  ];
  for (const [name, max, indicators] of sections) {
    r = addSection(r, 'basic', name, max);
    const sectionId = r.parts[1]!.sections.at(-1)!.id;
    for (const [indName, weight, rule] of indicators) {
      r = addIndicator(r, sectionId, indName, weight);
      r = addRule(r, r.parts[1]!.sections.at(-1)!.indicators.at(-1)!.id, rule);
    }
  }
  r = addPart(r, 'bonus', '加分指标', 5);
  r = updateNode(r, 'bonus', { appliesTo: { kinds: ['website'] } });
  r = addSection(r, 'bonus', '加分指标', 5);
  r = addIndicator(r, 'bonus.1', '创新发展', 5);
  r = addRule(r, 'bonus.1.1', { text: '每有一项创新做法加1分', kind: 'per-occurrence-bonus', points: 1 });
  r.accountScoring = 'veto-only';
  r.grades = {
    bands: [
      { name: '优秀', min: 80 },
      { name: '良好', min: 70 },
      { name: '合格', min: 60 },
    ],
    failName: '不合格',
    configurable: true,
  };
  return r;
}

/** Findings per unit as "一级/二级" → count, giving the seed's figures. */
const FINDINGS: Record<string, [string, number][]> = {
  饶平县人民政府: [
    ['健康情况/常态化监管', 251],
    ['展现标识/网站标识', 5],
    ['发布解读/信息发布', 24],
    ['办事服务/办事指南', 37],
    ['互动交流/咨询投诉', 4],
    ['支撑保障/机制保障', 2],
    ['加分指标/创新发展', 1],
  ],
  潮安区人民政府: [
    ['健康情况/常态化监管', 614],
    ['展现标识/页面标签', 4],
    ['发布解读/信息发布', 25],
    ['发布解读/政策解读', 8],
    ['办事服务/办事指南', 38],
    ['互动交流/在线访谈', 1],
    ['支撑保障/机制保障', 3],
    ['加分指标/创新发展', 2],
  ],
  湘桥区人民政府: [
    ['健康情况/常态化监管', 1040],
    ['展现标识/网站标识', 4],
    ['发布解读/政策解读', 30],
    ['办事服务/办事指南', 50],
    ['互动交流/咨询投诉', 3],
    ['功能应用/转载传递', 2],
    ['支撑保障/机制保障', 1],
    ['加分指标/创新发展', 2],
  ],
  枫溪区管委会: [
    ['健康情况/常态化监管', 1000],
    ['展现标识/网站标识', 6],
    ['发布解读/信息发布', 38],
    ['互动交流/咨询投诉', 6],
    ['功能应用/转载传递', 5],
    ['支撑保障/机制保障', 3],
    ['加分指标/创新发展', 2],
  ],
};

describe('Chaozhou 2019 (seed 002) as a library ruleset', () => {
  it('exports annex 1 with every cell equal to the seed', async () => {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'kaoping-cz-'));
    saveToLibrary(ws, chaozhouRuleset(), '按潮州2019年考评情况表的九个类别新建');
    const dir = path.join(ws, '2019');
    expect((await cli(ws, 'new', dir, '--ruleset', 'chaozhou-2019', '--year', '2019')).stderr).toBe('');
    const hosts: Record<string, string> = {
      饶平县人民政府: 'www.raoping.gov.cn',
      潮安区人民政府: 'www.chaoan.gov.cn',
      湘桥区人民政府: 'www.xiangqiao.gov.cn',
      枫溪区管委会: 'www.fengxi.gov.cn',
    };
    for (const [unit, host] of Object.entries(hosts)) {
      expect((await cli(ws, 'targets', 'add', dir, '--name', unit, '--url', host, '--class', '第一类')).code).toBe(0);
      for (const [indicator, count] of FINDINGS[unit]!) {
        const added = await cli(ws, 'findings', 'add', dir, '--target', unit, '--indicator', indicator, '--count', String(count));
        expect(added.stderr).toBe('');
      }
      // Ranks and grades are given to fully reviewed targets only.
      expect((await cli(ws, 'review', 'done', dir, '--target', unit)).code).toBe(0);
    }
    const out = path.join(ws, 'annex.xlsx');
    const exported = await cli(ws, 'export', dir, '--format', 'annex-chaozhou', '--out', out);
    expect(exported.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    const header = rows.findIndex((r) => r[0] === '排名');
    const table = rows.slice(header, header + SEED_ANNEX_1.length);
    expect(table).toEqual(SEED_ANNEX_1);
  });
});
