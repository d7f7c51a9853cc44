import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importFindings } from '../../../electron/services/import/findings/import-findings';
import { KaopingError } from '../../../shared/errors';
import { freshAssessment } from '../../helpers/assessment';
import { cli } from '../../helpers/run-cli';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kaoping-findings-'));

async function sheet(name: string, rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('问题清单');
  rows.forEach((r) => ws.addRow(r));
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function withTargets() {
  const { dir, store } = freshAssessment();
  const [county, bureau] = store.addTargets([
    {
      kind: 'website',
      unit: '南岭县人民政府',
      name: '南岭县人民政府门户网站',
      url: 'https://www.nanling.gov.cn/',
      classId: 'county',
      attributes: {},
      identifier: null,
      platform: null,
    },
    {
      kind: 'website',
      unit: '南岭市教育局',
      name: '南岭市教育局网站',
      url: 'https://jyj.nanling.gov.cn/',
      classId: 'city-service',
      attributes: {},
      identifier: null,
      platform: null,
    },
  ]);
  return { dir, store, county: county!, bureau: bureau! };
}

const HEADER = ['考评对象', '指标', '评分细则', '次数', '说明'];

describe('findings import from a spreadsheet', () => {
  it('adds every row as a confirmed finding in one go, naming file and row in the history', async () => {
    const { store, county, bureau } = withTargets();
    const file = await sheet('ok.xlsx', [
      ['南岭市问题汇总'],
      HEADER,
      ['南岭县人民政府', '健康情况/可用性', 1, 3, '首页 3 个链接打不开'],
      ['https://jyj.nanling.gov.cn', '健康情况 / 内容安全', '２', '1处', ''],
      [String(bureau.id), '单项否决/首页不更新', null, null, '首页 3 周未更新'],
      [null, null, null, null, null],
    ]);
    const added = await importFindings(store, file);
    expect(added.map((f) => [f.targetId, f.indicatorId, f.rule, f.count, f.status])).toEqual([
      [county.id, 'basic.health.availability', 1, 3, 'confirmed'],
      [bureau.id, 'basic.health.content-safety', 2, 1, 'confirmed'],
      [bureau.id, 'veto.site.homepage-stale', 1, 1, 'confirmed'],
    ]);
    const reasons = store
      .history()
      .filter((h) => h.action === 'finding.add')
      .map((h) => h.reason);
    expect(reasons).toEqual([
      '批量导入：ok.xlsx 工作表“问题清单”第3行',
      '批量导入：ok.xlsx 工作表“问题清单”第4行',
      '批量导入：ok.xlsx 工作表“问题清单”第5行',
    ]);
  });

  it('refuses the whole file on any error, naming sheet, row and column, and writes nothing', async () => {
    const { store } = withTargets();
    const file = await sheet('bad.xlsx', [
      HEADER,
      ['南岭县人民政府', '健康情况/可用性', 1, 2, ''],
      ['北岭县人民政府', '健康情况/可用性', 1, 1, ''],
      ['南岭县人民政府', '健康情况/不存在的指标', 1, 1, ''],
      ['南岭县人民政府', '健康情况/可用性', 9, 1, ''],
      ['南岭县人民政府', '健康情况/可用性', 1, '两处', ''],
    ]);
    const error = await importFindings(store, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KaopingError);
    expect((error as KaopingError).message).toBe('导入失败，未写入任何数据：bad.xlsx 有 4 处错误');
    const details = (error as KaopingError).details as string[];
    expect(details[0]).toBe('bad.xlsx 工作表“问题清单” 第3行 A列：找不到考评对象“北岭县人民政府”');
    expect(details[1]).toMatch(/^bad\.xlsx 工作表“问题清单” 第4行 B列：.*没有指标“健康情况\/不存在的指标”/u);
    expect(details[2]).toBe('bad.xlsx 工作表“问题清单” 第5行 C列：指标“健康情况/可用性”没有第 9 条评分细则（共 2 条）');
    expect(details[3]).toBe('bad.xlsx 工作表“问题清单” 第6行 D列：次数应为正整数：“两处”');
    expect(store.listFindings()).toEqual([]);
  });

  it('reads 一级指标 and 二级指标 in two columns, from CSV in GBK or UTF-8', async () => {
    const { store } = withTargets();
    const file = path.join(tmp, 'two-columns.csv');
    writeFileSync(file, '对象,一级指标,二级指标,细则,处数,备注\r\n南岭市教育局,健康情况,可用性,2,4,附件打不开\r\n');
    const added = await importFindings(store, file);
    expect(added.map((f) => [f.indicatorId, f.rule, f.count, f.note])).toEqual([['basic.health.availability', 2, 4, '附件打不开']]);
  });

  it('refuses the same file a second time, so a repeated import cannot double the deductions', async () => {
    const { store } = withTargets();
    const file = await sheet('once.xlsx', [HEADER, ['南岭县人民政府', '健康情况/可用性', 1, 1, '']]);
    await importFindings(store, file);
    await expect(importFindings(store, file)).rejects.toThrow(/once\.xlsx 已于 \d{4}-\d{2}-\d{2} 导入过（内容相同），未重复导入/u);
    expect(store.listFindings()).toHaveLength(1);
  });

  it('refuses a link to an endless device through the reader’s limits, before anything reads it whole', async () => {
    const { store } = withTargets();
    const link = path.join(tmp, 'endless.csv');
    symlinkSync('/dev/zero', link);
    await expect(importFindings(store, link)).rejects.toBeInstanceOf(KaopingError);
    expect(store.listFindings()).toEqual([]);
  });

  it('is reachable from the CLI, and the chain stays verifiable', async () => {
    const { dir, store } = withTargets();
    store.close();
    const file = await sheet('cli.xlsx', [
      HEADER,
      ['南岭县人民政府', '健康情况/可用性', 1, 2, ''],
      ['南岭市教育局', '健康情况/可用性', 2, 1, ''],
    ]);
    const run = await cli(tmp, 'findings', 'import', dir, file);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^已导入 2 条问题（编号 1–2）/u);
    expect((await cli(tmp, 'verify', dir)).code).toBe(0);
    const again = await cli(tmp, 'findings', 'import', dir, file);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('已于');
  });
});
