import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/run-cli';
import { parseScore } from '../../../electron/services/selfeval/parse-score';

const fixtures = path.resolve(__dirname, '../../fixtures/selfeval');

async function setUp() {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'kaoping-selfeval-'));
  await cli(cwd, 'new', 'a', '--ruleset', 'zhanjiang-2021', '--name', '2025年度考评');
  await cli(
    cwd,
    'targets',
    'add',
    'a',
    '--name',
    '南岭县人民政府门户网站',
    '--unit',
    '南岭县人民政府',
    '--url',
    'http://www.nanling.gov.cn',
  );
  await cli(
    cwd,
    'targets',
    'add',
    'a',
    '--name',
    '北岭县人民政府门户网站',
    '--unit',
    '北岭县人民政府',
    '--url',
    'http://www.beiling.gov.cn',
  );
  return cwd;
}

describe('self-evaluation round trip', () => {
  it('template → filled by a script → import → diff flags claims above the reviewer', async () => {
    const cwd = await setUp();
    const made = await cli(cwd, 'selfeval', 'template', 'a', '--out', 'templates');
    expect(made.code).toBe(0);
    const files = readdirSync(path.join(cwd, 'templates')).sort();
    expect(files).toEqual(['北岭县人民政府_自查自评表.xlsx', '南岭县人民政府_自查自评表.xlsx']);

    // The template: protected, scores validated, header block naming the unit.
    const wb = new ExcelJS.Workbook();
    const file = path.join(cwd, 'templates', '南岭县人民政府_自查自评表.xlsx');
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('自查自评表')!;
    expect(ws.getCell('B3').value).toBe('南岭县人民政府');
    expect(ws.getRow(7).values).toEqual([
      undefined,
      '序号',
      '一级指标',
      '二级指标',
      '评分细则',
      '分值',
      '自评得分',
      '自评说明',
      '佐证材料',
    ]);
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(ws.getCell('F8').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 14] });
    expect(ws.getCell('F8').protection).toMatchObject({ locked: false });
    expect(ws.getCell('E8').protection?.locked).not.toBe(false);

    // A unit fills it: full marks on every basic indicator (bonus rows left blank: no claim),
    // 可用性 claimed at 1 with an explanation.
    for (let r = 8; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (String(row.getCell(2).value).includes('引导性指标')) continue;
      row.getCell(6).value = row.getCell(5).value as number;
      if (row.getCell(3).value === '可用性') row.getCell(7).value = '全部链接可用';
    }
    await wb.xlsx.writeFile(file);

    const imported = await cli(cwd, 'selfeval', 'import', 'a', file);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('南岭县人民政府_自查自评表.xlsx → 南岭县人民政府');

    // The reviewer finds 3 broken home-page links: 可用性 1 − 0.6 = 0.4.
    await cli(cwd, 'findings', 'add', 'a', '--target', '南岭县人民政府门户网站', '--indicator', '健康情况/可用性', '--count', '3');
    const diff = JSON.parse((await cli(cwd, 'selfeval', 'diff', 'a', '--json', '--out', 'diff.xlsx')).stdout) as {
      rows: { level2: string; self: number; reviewer: number; flagged: boolean; explanation: string }[];
    };
    const flagged = diff.rows.filter((r) => r.flagged);
    expect(flagged).toEqual([expect.objectContaining({ level2: '可用性', self: 1, reviewer: 0.4, explanation: '全部链接可用' })]);
    const sheet = new ExcelJS.Workbook();
    await sheet.xlsx.readFile(path.join(cwd, 'diff.xlsx'));
    expect(sheet.worksheets[0]!.getCell('A1').value).toBe('2025年度考评 自评与评审得分对照');
  });

  it('reads loose workbooks, and rejects a file with errors whole while the others go on', async () => {
    const cwd = await setUp();
    const result = await cli(cwd, 'selfeval', 'import', 'a', fixtures);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('已导入：南岭县人民政府2025年自评.xlsx → 南岭县人民政府（5 项自评得分）');
    expect(result.stdout).toContain('未导入：北岭县自评表.xlsx');
    expect(result.stdout).toMatch(/北岭县自评表\.xlsx 工作表“Sheet1” 第4行 E列：自评得分 3 超出 0 至 1\.5/);
    const diff = JSON.parse((await cli(cwd, 'selfeval', 'diff', 'a', '--json')).stdout) as {
      rows: { unit: string; level2: string; self: number }[];
    };
    expect(diff.rows.map((r) => [r.level2, r.self])).toEqual([
      ['常态化监管', 13],
      ['内容安全', 4],
      ['问题地图', 1],
      ['可用性', 1],
      ['“我为政府网站找错”', 0.5],
    ]);
    expect(diff.rows.every((r) => r.unit === '南岭县人民政府')).toBe(true);
  });

  it('parses scores as units write them', () => {
    expect(['2', '２', '2分', '2.5 分', '-1', '', '—', 'abc'].map(parseScore)).toEqual([2, 2, 2, 2.5, -1, null, null, undefined]);
  });
});
