import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { readDocx } from '../../../electron/services/import/scheme/docx-read';
import { describe, expect, it } from 'vitest';
import { importSchemeFile } from '../../../electron/services/import/scheme/scheme-import';
import { parseRuleset } from '../../../electron/services/rulesets/load';
import { scoreTargets } from '../../../shared/scoring/engine';
import { resolveIndicator } from '../../../shared/ruleset/walk';
import type { Indicator, PendingDecision, Rule, Ruleset } from '../../../shared/ruleset/types';
import type { ScoringFinding, ScoringTarget } from '../../../shared/scoring/types';
import { ruleset } from '../../helpers/rulesets';

const fixtures = path.resolve(__dirname, '../../fixtures/rulesets');

function byName(r: Ruleset, sectionName: string, name: string): Indicator {
  const found = r.parts
    .flatMap((p) => p.sections.filter((s) => s.name === sectionName).flatMap((s) => s.indicators))
    .find((i) => i.name === name);
  if (!found) throw new Error(`${sectionName}/${name} missing`);
  return found;
}

/** Resolves one open question: checks the import asked it, then removes it. */
function decide(r: Ruleset, match: (d: PendingDecision) => boolean, apply: (d: PendingDecision) => void): void {
  const d = r.pending?.find(match);
  if (!d) throw new Error('the import did not ask this');
  apply(d);
  r.pending = r.pending!.filter((x) => x !== d);
}

const rules = (...list: (Omit<Rule, 'n'> & { n?: number })[]): Rule[] => list.map((r, i) => ({ ...r, n: i + 1 }));

/**
 * The decisions the import of seed 000 asks for, as the person importing makes them
 * (each one names the question it answers):
 */
function applyZhanjiangDecisions(r: Ruleset): Ruleset {
  const ind = (section: string, name: string) => byName(r, section, name);
  const id = (section: string, name: string) => ind(section, name).id;
  const city = ['class-2', 'class-3'];
  // Classes: 第三类 "不承担对外服务职能" → its units have no external services by default.
  decide(
    r,
    (d) => d.topic === 'applicability' && d.text.startsWith('第三类'),
    () => (r.classes.find((c) => c.label === '第三类')!.defaults = { hasExternalServices: false }),
  );
  // Veto 服务不实用 "不检查不承担对外服务职能的单位" → applies only with external services.
  decide(
    r,
    (d) => d.indicatorId === id('政府网站（频道）', '服务不实用'),
    () => (ind('政府网站（频道）', '服务不实用').appliesTo = { attributes: { hasExternalServices: true } }),
  );
  // 常态化监管 第1条 "按比重扣分" → the quarterly deduction entered as hundredths of a point.
  decide(
    r,
    (d) => d.indicatorId === id('健康情况', '常态化监管') && d.rule === 1,
    () => Object.assign(ind('健康情况', '常态化监管').rules[0]!, { kind: 'per-occurrence', points: 0.01 }),
  );
  // 解读关联: two phrases → two per-occurrence rules of 0.25.
  decide(
    r,
    (d) => d.indicatorId === id('发布解读', '解读关联'),
    () =>
      (ind('发布解读', '解读关联').rules = rules(
        { text: '解读稿未关联政策文件', kind: 'per-occurrence', points: 0.25 },
        { text: '政策文件未关联解读稿', kind: 'per-occurrence', points: 0.25 },
      )),
  );
  // 办事统计 第2条: "1个月未更新扣0.5分；3个月此项不得分" → rule 2 fixed 0.5, rule 3 zero.
  decide(
    r,
    (d) => d.indicatorId === id('办事服务', '办事统计'),
    () => {
      const s = ind('办事服务', '办事统计');
      s.rules = rules(
        s.rules[0]!,
        { text: '1个月内未更新，扣0.5分', kind: 'fixed', points: 0.5 },
        { text: '3个月内未更新，此项不得分', kind: 'zero' },
      );
    },
  );
  // 我为政府网站找错 第1条: home page 2 points, other pages 0.5 each → split; old rule 2 becomes 3.
  decide(
    r,
    (d) => d.indicatorId === id('功能设计', '“我为政府网站找错”'),
    () => {
      const s = ind('功能设计', '“我为政府网站找错”');
      s.rules = rules(
        { text: '首页缺入口，扣2分', kind: 'fixed', points: 2 },
        { text: '其他页面缺入口，每处扣0.5分', kind: 'per-occurrence', points: 0.5 },
        s.rules[1]!,
      );
    },
  );
  // 实时互动: "得2分；加1分" → two fixed bonuses.
  decide(
    r,
    (d) => d.indicatorId === id('互动交流', '实时互动'),
    () =>
      (ind('互动交流', '实时互动').rules = rules(
        { text: '一个工作日内答复且准确', kind: 'fixed-bonus', points: 2 },
        { text: '实时智能问答', kind: 'fixed-bonus', points: 1 },
      )),
  );
  // 内容更新 "服务号不考核该指标": kept as the note (the new-media form handles service accounts).
  decide(
    r,
    (d) => d.indicatorId === id('政务新媒体', '内容更新'),
    () => undefined,
  );
  // 基础性/引导性指标 for accounts? No: websites only, accounts by vetoes.
  decide(
    r,
    (d) => d.text === '基础性指标',
    () => (r.parts.find((p) => p.name === '基础性指标')!.appliesTo = { kinds: ['website'] }),
  );
  decide(
    r,
    (d) => d.text === '引导性指标',
    () => (r.parts.find((p) => p.name === '引导性指标')!.appliesTo = { kinds: ['website'] }),
  );
  r.accountScoring = 'veto-only';
  // Transfers: the indicators were found; the conditions are the city units' (and the attribute each note names).
  const when: Record<string, Record<string, boolean> | undefined> = {
    概况信息: undefined,
    政策文件: { hasPolicyColumn: false },
    政策解读: { hasPolicyColumn: false },
    解读比例: { hasPolicyColumn: false },
    解读关联: { hasPolicyColumn: false },
    知识库: { hasKnowledgeBase: false },
    在线访谈: { hasInterviews: false },
    调查征集: { hasSurveyColumn: false },
  };
  for (const [name, attributes] of Object.entries(when)) {
    const section = ['知识库', '在线访谈', '调查征集'].includes(name) ? '互动交流' : '发布解读';
    decide(
      r,
      (d) => d.topic === 'transfer' && d.indicatorId === id(section, name),
      (d) => r.transfers.push({ ...d.transfer!, when: { classes: city, ...(attributes ? { attributes } : {}) }, note: d.text }),
    );
  }
  // 85-point basis: normalise on the applicable maximum; 办事服务 needs external services, 政务新媒体 needs new media.
  decide(
    r,
    (d) => d.topic === 'basis',
    () => {
      r.normaliseBasic = true;
      r.parts.find((p) => p.name === '基础性指标')!.sections.find((s) => s.name === '办事服务')!.appliesTo = {
        attributes: { hasExternalServices: true },
      };
      r.parts.find((p) => p.name === '基础性指标')!.sections.find((s) => s.name === '政务新媒体')!.appliesTo = {
        attributes: { hasNewMedia: true },
      };
    },
  );
  expect(r.pending).toEqual([]);
  delete r.pending;
  try {
    return parseRuleset(JSON.stringify(r), 'decided.json');
  } catch (e) {
    throw new Error(`${(e as Error).message}: ${(e as { details?: string[] }).details?.join('; ')}`);
  }
}

const CLASS_OF: Record<string, string> = { county: 'class-1', 'city-service': 'class-2', 'city-noservice': 'class-3', account: 'account' };

/** A scenario of vetoes, caps, transfers, the 85 (and 70) point basis and bonuses. */
const targets: (ScoringTarget & { findings: [string, number, number][] })[] = [
  // Caps: 可用性 7 × 0.2 = 1.4 capped at 1; 内容安全 3 × 0.5; 常态化监管 125 hundredths; bonuses incl. a tier.
  {
    id: 1,
    name: '南岭县',
    kind: 'website',
    classId: 'county',
    attributes: {},
    findings: [
      ['健康情况/可用性', 1, 7],
      ['健康情况/内容安全', 1, 3],
      ['健康情况/常态化监管', 1, 125],
      ['创新发展/个性化服务', 1, 1],
      ['功能设计/服务内容', 1, 2],
      ['互动交流/实时互动', 2, 1],
    ],
  },
  {
    id: 2,
    name: '北岭县',
    kind: 'website',
    classId: 'county',
    attributes: {},
    findings: [
      ['单项否决/首页不更新', 1, 1],
      ['健康情况/可用性', 1, 1],
    ],
  },
  {
    id: 3,
    name: '东岭县',
    kind: 'website',
    classId: 'county',
    attributes: {},
    findings: [
      ['办事服务/办事统计', 2, 1],
      ['“我为政府网站找错”', 2, 3],
      ['发布解读/解读关联', 2, 1],
    ],
  },
  // Transfers: no policy column → 政策文件 2 to 机构职能/领导信息, 政策解读 2 to 动态要闻/通知公告, 解读比例/解读关联 to 重点领域 (5.5, capped).
  {
    id: 4,
    name: '市教育局',
    kind: 'website',
    classId: 'city-service',
    attributes: { hasPolicyColumn: false, hasKnowledgeBase: false },
    findings: [
      ['发布解读/机构职能', 1, 1],
      ['发布解读/重点领域与其他栏目', 2, 9],
      ['互动交流/咨询答复', 1, 1],
      ['发布解读/年报报表', 2, 1],
    ],
  },
  {
    id: 5,
    name: '市卫健局',
    kind: 'website',
    classId: 'city-service',
    attributes: { hasInterviews: false, hasSurveyColumn: false },
    findings: [
      ['互动交流/留言公开', 2, 3],
      ['单项否决/服务不实用', 2, 1],
    ],
  },
  {
    id: 6,
    name: '市人社局',
    kind: 'website',
    classId: 'city-service',
    attributes: { hasInterviews: false, hasSurveyColumn: false },
    findings: [
      ['互动交流/留言公开', 2, 3],
      ['互动交流/留言公开', 3, 1],
    ],
  },
  // 85-point basis (no services), and 70 (no services, no new media).
  {
    id: 7,
    name: '市档案馆',
    kind: 'website',
    classId: 'city-noservice',
    attributes: { hasNewMedia: true },
    findings: [
      ['功能设计/兼容性', 1, 1],
      ['“我为政府网站找错”', 1, 1],
      ['政务新媒体/内容更新', 1, 2],
    ],
  },
  {
    id: 8,
    name: '市地方志办',
    kind: 'website',
    classId: 'city-noservice',
    attributes: { hasNewMedia: false },
    findings: [
      ['功能设计/站内搜索', 2, 2],
      ['运维保障/规范运维', 2, 3],
    ],
  },
  { id: 9, name: '湛江发布', kind: 'account', classId: 'account', attributes: {}, findings: [] },
  { id: 10, name: '湛江应急管理', kind: 'account', classId: 'account', attributes: {}, findings: [['单项否决/内容不更新', 1, 1]] },
];

function score(r: Ruleset, classIds: (c: string) => string) {
  const findings: ScoringFinding[] = [];
  for (const t of targets) {
    for (const [ref, rule, count] of t.findings) {
      const place = resolveIndicator(r, ref, t.kind);
      findings.push({ id: findings.length + 1, targetId: t.id, indicatorId: place.indicator.id, rule, count, note: '', evidenceIds: [] });
    }
  }
  return scoreTargets(
    r,
    targets.map(({ findings: _f, ...t }) => ({ ...t, classId: classIds(t.classId) })),
    findings,
  ).map((s) => ({
    name: s.name,
    veto: s.veto,
    sections: s.sections.map((x) => [x.name, x.score, x.max]),
    basic: s.basic,
    bonus: s.bonus,
    total: s.total,
    grade: s.grade,
    rank: s.rank,
  }));
}

describe('importing a scheme from its Word file (seed 000, annex 2)', () => {
  it('finds the classes, the three parts and every indicator, and asks rather than guesses', async () => {
    const { ruleset: r, report } = await importSchemeFile(path.join(fixtures, 'zhanjiang-2021-scheme.docx'), { id: 'zj-imported' });
    expect(r.classes.map((c) => `${c.label}：${c.name}`)).toEqual([
      '第一类：各县（市、区）政府，湛江经济技术开发区、奋勇高新区管委会',
      '第二类：承担对外服务职能的市有关单位',
      '第三类：不承担对外服务职能的市有关单位',
      '政务新媒体：全市政务新媒体',
    ]);
    expect(report.classes.map((c) => c.declared)).toEqual([11, 26, 10, 233]);
    expect(r.parts.map((p) => [p.kind, p.name, p.max])).toEqual([
      ['veto', '单项否决指标', 0],
      ['basic', '基础性指标', 100],
      ['bonus', '引导性指标', 25],
    ]);
    expect(report.counts).toMatchObject({ indicators: 70, rules: 129, flaggedRules: 5 });
    // Full-width digits and line breaks inside cells: 可用性 is "１．…每发现一处扣0.2分" on its own line.
    expect(byName(r, '健康情况', '可用性').rules.map((x) => [x.kind, x.points])).toEqual([
      ['per-occurrence', 0.2],
      ['per-occurrence', 0.1],
    ]);
    expect(byName(r, '功能设计', '服务内容').rules[0]).toMatchObject({
      kind: 'tiered-bonus',
      tiers: [
        { min: 1, points: 1 },
        { min: 3, points: 2 },
      ],
    });
    expect(byName(r, '创新发展', '个性化服务').rules[0]).toMatchObject({ kind: 'fixed-bonus', points: 2 });
    expect(byName(r, '发布解读', '解读比例').rules[0]).toMatchObject({ kind: 'per-occurrence', points: 0.5 });
    // A note that scores ("注：…任一季度监测结果不合格的，每次扣3分") became rule 3.
    expect(byName(r, '健康情况', '常态化监管').rules[2]).toMatchObject({ kind: 'per-occurrence', points: 3 });
    const topics = (r.pending ?? []).map((d) => d.topic);
    expect(topics.filter((t) => t === 'transfer')).toHaveLength(8);
    expect(topics).toContain('basis');
    expect(r.normaliseBasic).toBe(false);
    expect(r.transfers).toEqual([]);
    expect(r.pending!.find((d) => d.indicatorId === byName(r, '发布解读', '政策文件').id)?.transfer?.to).toEqual([
      byName(r, '发布解读', '机构职能').id,
      byName(r, '发布解读', '领导信息').id,
    ]);
  });

  it('after the decisions it asked for, scores the scenario exactly as the built-in zhanjiang-2021', async () => {
    const { ruleset: imported } = await importSchemeFile(path.join(fixtures, 'zhanjiang-2021-scheme.docx'), { id: 'zj-imported' });
    const decided = applyZhanjiangDecisions(imported);
    const builtIn = score(ruleset('zhanjiang-2021'), (c) => c);
    const ours = score(decided, (c) => CLASS_OF[c]!);
    expect(ours).toEqual(builtIn);
    // The scenario does what it says: a cap, a veto, a transfer, the 85 and 70 bases.
    const by = Object.fromEntries(builtIn.map((s) => [s.name, s]));
    expect(by['南岭县']!.sections[0]).toEqual(['健康情况', 20 - 1 - 1.5 - 1.25, 20]);
    expect(by['北岭县']!.veto).toBe(true);
    expect(by['市卫健局']!.veto).toBe(true);
    expect(by['市教育局']!.sections[1]).toEqual(['发布解读', 20 - 2 - 5.5 - 2, 20]);
    expect(by['市档案馆']!.basic).toBe(Number((((85 - 0.5 - 2 - 2) * 100) / 85).toFixed(2)));
    expect(by['市地方志办']!.basic).toBe(Number((((70 - 1 - 10) * 100) / 70).toFixed(2)));
    expect(by['湛江应急管理']!.veto).toBe(true);
  });
});

describe('importing a table-only file with three levels and percentages (seed 001)', () => {
  it('reads 三级指标 under merged 二级 cells, percentage wordings, and flags the rest', async () => {
    const { ruleset: r, report } = await importSchemeFile(path.join(fixtures, 'zengdu-2023-table.docx'), { id: 'zengdu' });
    expect(r.parts.map((p) => [p.kind, p.name, p.max])).toEqual([
      ['basic', '基础指标', 100],
      ['bonus', '加分指标', 10],
      ['negative', '扣分指标', 10],
    ]);
    const basicInfo = byName(r, '政府信息公开', '基本信息公开');
    expect(basicInfo.children!.map((c) => c.name)).toEqual([
      '概况信息',
      '机构职能',
      '领导信息',
      '政策文件',
      '行政许可结果',
      '行政监管执法信息',
      '财政预决算',
      '人大代表建议、政协委员提案办理情况',
    ]);
    expect(basicInfo.weight).toBe(16);
    const policies = basicInfo.children![3]!;
    expect(policies.rules.map((x) => [x.kind, x.percent, x.perOccurrence ?? false])).toEqual([
      ['percent', 40, false],
      ['percent', 40, false],
      ['percent', 10, true],
      ['percent', 10, false],
      ['zero', undefined, false],
    ]);
    // The classes are not in a table-only file: one placeholder class and a question.
    expect(report.classes[0]!.from).toBe('default');
    const reasons = (r.pending ?? []).map((d) => d.reason).join('\n');
    expect(reasons).toContain('40 与 42');
    expect(reasons).toContain('没有写分值');
    const transfer = r.pending!.find((d) => d.topic === 'transfer')!;
    expect(transfer.transfer!.to).toHaveLength(10);
  });

  it('takes the classes from --classes for a table-only file', async () => {
    const { ruleset: r, report } = await importSchemeFile(path.join(fixtures, 'zengdu-2023-table.docx'), {
      id: 'zengdu',
      classes: '区直单位=区直各单位（政府门户网站栏目及政务新媒体）',
    });
    expect(r.classes).toEqual([{ id: 'class-1', label: '区直单位', name: '区直各单位（政府门户网站栏目及政务新媒体）', kind: 'website' }]);
    expect(report.classes[0]!.from).toBe('option');
    expect((r.pending ?? []).some((d) => d.topic === 'classes')).toBe(false);
  });
});

describe('importing the indicator table from Excel', () => {
  it('reads the same ruleset from an .xlsx with merged 一级/二级 cells as from the Word table', async () => {
    const blocks = readDocx(readFileSync(path.join(fixtures, 'zengdu-2023-table.docx')));
    const table = blocks.find((b) => b.type === 'table')!;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('指标');
    sheet.addRow(['2023年曾都区政府门户网站建设及政务新媒体绩效评估指标']);
    const rows = (table as { rows: string[][] }).rows;
    rows.forEach((r) => sheet.addRow(r));
    // Merge each run of one 一级 / 二级 value down, as the office's sheet has it.
    for (const col of [1, 2]) {
      let start = 0;
      for (let i = 1; i <= rows.length; i++) {
        if (i === rows.length || rows[i]![col - 1] !== rows[start]![col - 1]) {
          if (i - start > 1) sheet.mergeCells(start + 2, col, i + 1, col);
          start = i;
        }
      }
    }
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kaoping-xlsx-scheme-')), '曾都指标.xlsx');
    await book.xlsx.writeFile(file);
    const fromXlsx = await importSchemeFile(file, { id: 'zengdu' });
    const fromDocx = await importSchemeFile(path.join(fixtures, 'zengdu-2023-table.docx'), { id: 'zengdu' });
    expect(fromXlsx.ruleset.parts).toEqual(fromDocx.ruleset.parts);
    expect(fromXlsx.report.counts).toEqual(fromDocx.report.counts);
  });
});
