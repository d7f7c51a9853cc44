/**
 * Issue 14: every export read back (xlsx cells, docx text in document order) for the
 * cases an office meets — ties, a vetoed target, a unit with three accounts, grade
 * lines per kind, a region that is neither Zhanjiang nor Chaozhou, an incomplete
 * review, and a Zhanjiang quarter with a sampling window and an empty annex.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { createAssessment } from '../../../electron/services/store/open';
import type { AssessmentStore } from '../../../electron/services/store/types';
import { parseRuleset } from '../../../electron/services/rulesets/load';
import { exportDataFromDir, exportDataFromStore } from '../../../electron/services/export/from-store';
import { renderExport, type ExportFormat } from '../../../electron/services/export/index';
import { setReviewDone } from '../../../electron/services/review/review-done';
import type { NewTarget } from '../../../shared/domain/types';
import type { Ruleset } from '../../../shared/ruleset/types';
import { resolveIndicator } from '../../../shared/ruleset/walk';
import { ruleset } from '../../helpers/rulesets';
import { cli } from '../../helpers/run-cli';

const unitRuleset: Ruleset = parseRuleset(
  readFileSync(path.join(__dirname, '../../fixtures/rulesets/unit-newmedia.json'), 'utf8'),
  'unit-newmedia.json',
);

/** Rows of every sheet as arrays of cell values (rich text flattened), keyed by sheet name. */
async function sheets(bytes: Uint8Array): Promise<Map<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out = new Map<string, unknown[][]>();
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) =>
      rows.push(
        (row.values as unknown[])
          .slice(1)
          .map((v) =>
            v && typeof v === 'object' && 'richText' in v
              ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('')
              : v,
          ),
      ),
    );
    out.set(sheet.name, rows);
  });
  return out;
}

/** The document's paragraphs (and table cells) as text, in order. */
function paragraphs(bytes: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  return xml
    .split(/<\/w:p>/u)
    .map((p) => p.replace(/<[^>]+>/gu, ''))
    .filter(Boolean);
}

async function exportOf(store: AssessmentStore, format: ExportFormat): Promise<Uint8Array> {
  return renderExport(exportDataFromStore(store), format, { date: '2025-07-08' });
}

const site = (unit: string, name: string): NewTarget => ({
  kind: 'website',
  unit,
  name,
  url: `https://${name}.example.gov.cn/`,
  classId: 'county',
  attributes: {},
  identifier: null,
  platform: null,
});
const account = (unit: string, name: string, platform: string, classId: string): NewTarget => ({
  kind: 'account',
  unit,
  name,
  url: null,
  classId,
  attributes: {},
  identifier: null,
  platform,
});

function add(store: AssessmentStore, rs: Ruleset, targetId: number, indicator: string, rule: number, count = 1) {
  const target = store.getTarget(targetId);
  store.addFinding({ targetId, indicatorId: resolveIndicator(rs, indicator, target.kind).indicator.id, rule, count, status: 'confirmed' });
}

/**
 * 南岭市 under a ruleset that scores new media per unit (seed 002's annex 2):
 * two sites tie at 98, one scores 79 (良好 on the website lines, 合格 on the general
 * ones), one is vetoed; 南岭市教育局 runs three accounts (100, 90, 85), 南岭市公安局
 * one vetoed account, 南岭市文化广电旅游局 one at 100.
 */
function nanlingUnits(): { store: AssessmentStore; ids: Record<string, number> } {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'kaoping-office-')), 'a');
  const store = createAssessment(dir, {
    name: '2025年度南岭市政府网站和政务新媒体考评',
    year: 2025,
    rulesetId: unitRuleset.id,
    rulesetSnapshot: unitRuleset,
    gradeBands: unitRuleset.grades.bands,
    region: '南岭市',
    issuer: '南岭市人民政府办公室',
  });
  const targets = store.addTargets([
    site('南岭县人民政府', '南岭县'),
    site('北岭县人民政府', '北岭县'),
    site('东岭区人民政府', '东岭区'),
    site('西岭区人民政府', '西岭区'),
    account('南岭市教育局', '南岭教育', '微信订阅号', 'units'),
    account('南岭市教育局', '南岭教育发布', '新浪微博', 'units'),
    account('南岭市教育局', '南岭教育抖音', '抖音短视频', 'units'),
    account('南岭市公安局', '平安南岭', '微信服务号', 'units'),
    account('南岭市文化广电旅游局', '南岭文旅', '微信订阅号', 'units'),
  ]);
  const ids = Object.fromEntries(targets.map((t) => [t.name, t.id]));
  add(store, unitRuleset, ids['南岭县']!, '健康情况/可用性', 1, 2);
  add(store, unitRuleset, ids['北岭县']!, '健康情况/可用性', 1, 2);
  add(store, unitRuleset, ids['东岭区']!, '单项否决/首页不更新', 1);
  add(store, unitRuleset, ids['西岭区']!, '健康情况/可用性', 1, 11);
  add(store, unitRuleset, ids['西岭区']!, '运维保障/机制保障', 1);
  add(store, unitRuleset, ids['南岭教育发布']!, '规范运维/内容更新', 1);
  add(store, unitRuleset, ids['南岭教育抖音']!, '支撑保障/人员保障', 1);
  add(store, unitRuleset, ids['平安南岭']!, '单项否决/内容不更新', 1);
  for (const t of store.listTargets()) setReviewDone(store, t, undefined, true);
  return { store, ids };
}

describe('a region that is neither Zhanjiang nor Chaozhou, new media per unit', () => {
  it('ranks ties in list order, vetoed sites last, and grades websites on their own lines', async () => {
    const { store } = nanlingUnits();
    const book = await sheets(await exportOf(store, 'annex-chaozhou'));
    const [web, nm] = [...book.values()];
    expect(web![3]).toEqual(['排名', '单位名称', '单项否决', '健康情况', '运维保障', '加分指标', '总计']);
    // Seed 002 numbers 14 units at 100 as 1…14: ties follow the list; the vetoed site comes after every other.
    expect(web!.slice(4, 8)).toEqual([
      [1, '南岭县人民政府', 0, 48, 50, 0, 98],
      [2, '北岭县人民政府', 0, 48, 50, 0, 98],
      [3, '西岭区人民政府', 0, 39, 40, 0, 79],
      [4, '东岭区人民政府', '否决', 0, 0, 0, 0],
    ]);
    // Units listed once, with the seed's columns; 91.67 = (100 + 90 + 85) / 3, printed as the seed prints.
    expect(nm![3]).toEqual(['排名', '单位名称', '单项否决', '规范运维', '支撑保障', '加分指标', '总计']);
    expect(nm!.slice(4, 7)).toEqual([
      [1, '南岭市文化广电旅游局', 0, 70, 30, 0, 100],
      [2, '南岭市教育局', 0, 66.67, 25, 0, 91.67],
      [3, '南岭市公安局', '否决', 0, 0, 0, 0],
    ]);
    store.close();
  });

  it('writes a circular with the region’s own words, grade lists per kind, units once, 公开方式 under the date', async () => {
    const { store } = nanlingUnits();
    store.updateInfo({ settings: { docNumber: '南府办〔2025〕3号' } });
    const text = paragraphs(await exportOf(store, 'circular-chaozhou'));
    const all = text.join('\n');
    expect(all).not.toMatch(/湛|潮州/u);
    expect(text).toContain('南府办〔2025〕3号');
    // GB/T 9704 词意完整: the title breaks between words, as seed 002 does.
    expect(text).toContain('南岭市人民政府办公室关于2025年南岭市');
    expect(text).toContain('政府网站和政务新媒体考评结果的通报');
    // 79 is 良好 on the website lines (≥ 70); 91.67 is 良好 on the account lines (≥ 90).
    expect(text).toContain('优秀：南岭县人民政府、北岭县人民政府。');
    expect(text).toContain('良好：西岭区人民政府。');
    expect(text).toContain('不合格：东岭区人民政府。');
    expect(text).toContain('优秀：南岭市文化广电旅游局。');
    expect(text).toContain('良好：南岭市教育局。');
    expect(text).toContain('不合格：南岭市公安局。');
    expect(all).toContain('开设有政务新媒体的市、县部门5个（3个单位）');
    const date = text.indexOf('2025年7月8日');
    expect(text[date + 1]).toBe('公开方式：主动公开');
    store.close();
  });

  it('fills the detail sheet’s 扣分 and lists every account there', async () => {
    const { store } = nanlingUnits();
    const book = await sheets(await exportOf(store, 'detail'));
    const problems = book.get('问题与证据')!;
    const header = problems.find((r) => r.includes('扣分'))!;
    const col = header.indexOf('扣分');
    const mech = problems.find((r) => r[0] === '西岭区' && r[1] === '机制保障')!;
    expect(mech[col]).toBe(10);
    const links = problems.find((r) => r[0] === '西岭区' && r[1] === '可用性')!;
    expect(links[col]).toBe(11);
    const summary = book.get('得分汇总')!;
    expect(summary.filter((r) => r[3] === '南岭市教育局').map((r) => r[2])).toEqual(['南岭教育', '南岭教育发布', '南岭教育抖音']);
    store.close();
  });

  it('score --json names parts and sections by id; export --scores keeps basic and bonus apart', async () => {
    const { store } = nanlingUnits();
    const dir = store.dir;
    store.close();
    const run = await cli(dir, 'score', dir, '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      targets: { name: string; complete: boolean; sections: { id: string; part: string; name: string }[]; rank: number | null }[];
    };
    const west = report.targets.find((t) => t.name === '西岭区')!;
    expect(west.complete).toBe(true);
    expect(west.sections.map((s) => `${s.part}:${s.id}:${s.name}`)).toEqual([
      'basic:site.health:健康情况',
      'basic:site.ops:运维保障',
      'bonus:bonus.ops:运维保障',
    ]);
    const reportFile = path.join(dir, 'report.json');
    writeFileSync(reportFile, run.stdout);
    const out = path.join(dir, 'from-report.xlsx');
    expect(
      (
        await cli(
          dir,
          'export',
          dir,
          '--scores',
          reportFile,
          '--format',
          'annex-chaozhou',
          '--out',
          out,
          '--region',
          '南岭市',
          '--issuer',
          '南岭市人民政府办公室',
        )
      ).code,
    ).toBe(0);
    const web = [...(await sheets(readFileSync(out))).values()][0]!;
    // One 运维保障 column (the basic one, 40 for 西岭区), the bonus section in 加分指标.
    expect(web[3]).toEqual(['排名', '单位名称', '单项否决', '健康情况', '运维保障', '加分指标', '总计']);
    expect(web.find((r) => r[1] === '西岭区人民政府')).toEqual([3, '西岭区人民政府', 0, 39, 40, 0, 79]);
  });
});

describe('an incomplete assessment', () => {
  it('prints provisional totals without grade or rank, says how many are open, and the CLI warns', async () => {
    const { store, ids } = nanlingUnits();
    setReviewDone(store, store.getTarget(ids['西岭区']!), '运维保障/机制保障', false, '复核机制材料');
    expect(store.history().at(-1)).toMatchObject({ action: 'review.undo', reason: '复核机制材料' });
    const book = await sheets(await exportOf(store, 'annex-chaozhou'));
    const web = [...book.values()][0]!;
    expect(web.flat()).toContain('注意：尚有1个考评对象未评审完毕，其得分为暂计，不评定等次、不参与排名。');
    const west = web.find((r) => r[1] === '西岭区人民政府')!;
    expect(west[0]).toBe('—');
    expect(west.at(-1)).toBe('暂计79（3/4）');
    // The vetoed site still comes after every ranked site: now 3rd.
    expect(web.find((r) => r[1] === '东岭区人民政府')![0]).toBe(3);

    const text = paragraphs(await exportOf(store, 'circular-chaozhou'));
    expect(text[text.findIndex((p) => p.includes('考评结果的通报')) + 2]).toContain('尚有1个考评对象未评审完毕');
    expect(text).toContain('尚未评审完毕（暂未评定等次）：西岭区人民政府。');
    expect(text.join('')).not.toContain('良好：西岭区人民政府');

    const detail = await sheets(await exportOf(store, 'detail'));
    const row = detail.get('得分汇总')!.find((r) => r[2] === '西岭区')!;
    expect(row).toContain('暂未评定');
    expect(row).toContain('暂计（3/4）');

    const dir = store.dir;
    store.close();
    const out = path.join(dir, 'annex.xlsx');
    const run = await cli(dir, 'export', dir, '--format', 'annex-chaozhou', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('注意：1 个考评对象尚未评审完毕');
    const score = JSON.parse((await cli(dir, 'score', dir, '--json')).stdout) as {
      incomplete: number;
      targets: {
        name: string;
        complete: boolean;
        grade: string | null;
        rank: number | null;
        progress: { reviewed: number; total: number };
      }[];
    };
    expect(score.incomplete).toBe(1);
    expect(score.targets.find((t) => t.name === '西岭区')).toMatchObject({
      complete: false,
      grade: null,
      rank: null,
      progress: { reviewed: 3, total: 4 },
    });
    // Reopened and done again from the CLI: final once more, and both steps are in the history.
    const done = await cli(dir, 'review', 'done', dir, '--target', '西岭区人民政府');
    expect(done.stdout).toContain('标记完毕 1 项，进度 4/4（评审完毕）');
    expect((await cli(dir, 'review', 'undo', dir, '--target', '西岭区人民政府', '--indicator', '健康情况/可用性')).stdout).toContain(
      '进度 3/4（暂计）',
    );
  });
});

/**
 * 南岭市 under the Zhanjiang scheme, second quarter, sampled 1 April – 5 July: no site
 * has a prominent problem, one account is vetoed (its accounts are judged on vetoes only).
 */
function nanlingQuarter(): AssessmentStore {
  const zj = ruleset('zhanjiang-2021');
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'kaoping-quarter-')), 'q');
  const store = createAssessment(dir, {
    name: '2025年第二季度南岭市检查',
    year: 2025,
    rulesetId: zj.id,
    rulesetSnapshot: zj,
    gradeBands: zj.grades.bands,
    region: '南岭市',
    issuer: '南岭市人民政府办公室',
  });
  const [county] = store.addTargets([
    site('南岭县人民政府', '南岭县人民政府网'),
    account('南岭县人民政府', '南岭发布', '微信订阅号', 'account'),
    account('南岭市教育局', '南岭教育', '快手短视频', 'account'),
  ]);
  add(store, zj, county!.id, '健康情况/可用性', 1, 2);
  add(store, zj, store.findTarget('南岭教育').id, '单项否决/内容不更新', 1);
  for (const t of store.listTargets()) setReviewDone(store, t, undefined, true);
  return store;
}

describe('a Zhanjiang quarter with a sampling window and an empty annex', () => {
  it('describes its own period in title, body and annex notes; says "无" and "none" once', async () => {
    const store = nanlingQuarter();
    const dir = store.dir;
    store.close();
    const set = await cli(
      dir,
      'settings',
      dir,
      '--set',
      'period=q2',
      '--set',
      'sampling=2025-04-01~2025-07-05',
      '--set',
      'rectify-by=2025-07-15',
      '--set',
      'doc-number=南府办〔2025〕16号',
    );
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('sampling\t检查采样时间\t2025-04-01~2025-07-05');
    const out = path.join(dir, 'circular.docx');
    expect((await cli(dir, 'export', dir, '--format', 'circular-zhanjiang', '--out', out, '--date', '2025-07-08')).code).toBe(0);
    const text = paragraphs(readFileSync(out));
    const all = text.join('\n');
    expect(all).not.toContain('湛');
    expect(text).toContain('南府办〔2025〕16号');
    expect(text).toContain('南岭市人民政府办公室关于2025年第二季度');
    expect(all).toContain('组织开展了2025年第二季度全市政府网站与政务新媒体检查工作');
    expect(all).toContain('于4月1日至7月5日对全市登记在运行的1个政府网站');
    expect(all).toContain('其中县（市、区）政府（管委会）门户网站1个');
    expect(all).toContain('网站功能建设不断完善。');
    // Nothing to report for websites: said once, without a heading claiming problems.
    expect(all.match(/本次检查未发现存在突出问题的政府网站。/gu)).toHaveLength(1);
    expect(all).not.toContain('部分政府网站存在突出问题');
    expect(text).toContain(
      '（一）政务新媒体运维监管有待完善。检查发现1个政务新媒体存在突出问题，如南岭市教育局“南岭教育”快手短视频检测时间点前2周无更新。',
    );
    expect(all).toContain('并于7月15日前将整改情况报送');
    expect(text.filter((p) => p === '（2025年第二季度）')).toHaveLength(2);
    expect(text.filter((p) => p === '注：检查采样时间为2025年4月1日至7月5日')).toHaveLength(2);
    // The empty website list says 无; the account list names account, unit and platform as seed 004 writes it.
    const wIdx = text.indexOf('检查发现存在突出问题的政府网站名单', text.indexOf('附件1'));
    expect(text.slice(wIdx, wIdx + 8)).toContain('无');
    const annex = await sheets(await renderExport(exportDataFromDir(dir)!, 'annex-zhanjiang'));
    const [sites, accounts] = [...annex.values()];
    expect(sites!.find((r) => r[0] === '无')).toBeDefined();
    expect(sites!.flat()).toContain('（2025年第二季度）');
    expect(accounts!.find((r) => r[0] === 1)).toEqual([1, '南岭教育', '南岭市教育局', '快手短视频号', '检测时间点前2周无更新']);
  });

  it('lists veto-only accounts by name and platform beside their unit, never ranked', async () => {
    const store = nanlingQuarter();
    const nm = [...(await sheets(await exportOf(store, 'annex-chaozhou'))).values()][1]!;
    expect(nm[3]).toEqual(['序号', '单位名称', '账号名称', '平台', '单项否决', '结果']);
    expect(nm.slice(4, 6)).toEqual([
      [1, '南岭县人民政府', '南岭发布', '微信号', 0, '合格'],
      [2, '南岭市教育局', '南岭教育', '快手短视频号', '否决', '不合格'],
    ]);
    const text = paragraphs(await exportOf(store, 'circular-chaozhou'));
    expect(text).toContain('合格：南岭县人民政府“南岭发布”（微信号）。');
    expect(text).toContain('不合格：南岭市教育局“南岭教育”（快手短视频号）。');
    store.close();
  });
});
