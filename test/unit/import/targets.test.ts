import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { previewTargets } from '../../../electron/services/import/targets/import-targets';
import { ruleset } from '../../helpers/rulesets';

const zj = ruleset('zhanjiang-2021');
const sample = path.resolve(__dirname, '../../../resources/samples/zhanjiang-2021-targets.xlsx');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kaoping-import-'));

async function xlsx(name: string, sheets: Record<string, (string | null)[][]>, merges: Record<string, string[]> = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    rows.forEach((r) => ws.addRow(r));
    for (const range of merges[sheet] ?? []) ws.mergeCells(range);
  }
  const file = path.join(tmp, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('target list import (annex 1 layout)', () => {
  it('reads the bundled sample: all 47 websites per class and all 233 accounts per platform', async () => {
    const result = await previewTargets(zj, sample);
    expect(result.errors).toEqual([]);
    const byClass: Record<string, number> = {};
    const byPlatform: Record<string, number> = {};
    for (const t of result.targets) {
      byClass[t.classId] = (byClass[t.classId] ?? 0) + 1;
      if (t.identifier) byPlatform[t.identifier.slice(10, 12)] = (byPlatform[t.identifier.slice(10, 12)] ?? 0) + 1;
    }
    expect(byClass).toEqual({ county: 11, 'city-service': 26, 'city-noservice': 10, account: 233 });
    expect(byPlatform).toEqual({ WX: 130, XL: 36, NF: 26, DY: 16, JR: 14, CX: 3, RM: 3, KS: 2, YD: 2, BJ: 1 });
    // The owning unit written once is carried to the rows below it.
    const chikan = result.targets.filter((t) => t.identifier?.startsWith('440802M'));
    expect(chikan.every((t) => t.unit === '赤坎区政府')).toBe(true);
  });

  it('copes with merged units, repeated headers, stray spaces, full-width text and missing schemes', async () => {
    const file = await xlsx(
      'messy.xlsx',
      {
        表一: [
          ['一、各县（市、区）政府门户网站（共 2 个）'],
          ['序号', '主管 单位', '网址'],
          ['1', '南岭县\n人民政府', 'ＷＷＷ.Nanling.gov.cn'],
          ['序号', '主管单位', '网址'],
          ['2', ' 北岭县人民政府 ', 'https://www.beiling.gov.cn/'],
        ],
        表二: [
          ['二、全市政务新媒体（共 2 个）'],
          ['主管单位', '新媒体标识码', '账号名称', '账号类型'],
          ['南岭县政府', '440823M001WX0001', '南岭发布', '微信订阅号'],
          [null, '４４０８２３Ｍ００１ＸＬ０００１', '南岭发布', '新浪微博'],
        ],
      },
      { 表一: ['A1:C1'] },
    );
    const result = await previewTargets(zj, file);
    expect(result.errors).toEqual([]);
    expect(result.targets.map((t) => [t.unit, t.url ?? t.identifier, t.classId])).toEqual([
      ['南岭县 人民政府', 'http://www.nanling.gov.cn/', 'county'],
      ['北岭县人民政府', 'https://www.beiling.gov.cn/', 'county'],
      ['南岭县政府', '440823M001WX0001', 'account'],
      ['南岭县政府', '440823M001XL0001', 'account'],
    ]);
    expect(result.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('网址未写协议'));
  });

  it('reads GBK CSV files', async () => {
    const file = path.join(tmp, 'gbk.csv');
    writeFileSync(
      file,
      iconv.encode(
        '三、不承担对外服务职能的市直单位频道（共 1 个）\r\n序号,主管单位,网址\r\n1,"市档案馆",http://daj.zhanjiang.gov.cn\r\n',
        'gbk',
      ),
    );
    const result = await previewTargets(zj, file);
    expect(result.errors).toEqual([]);
    expect(result.targets[0]).toMatchObject({ unit: '市档案馆', classId: 'city-noservice' });
  });

  it('names sheet, row and column for every error: bad codes, bad URLs, duplicates, rows without a class', async () => {
    const file = await xlsx('bad.xlsx', {
      名单: [
        ['序号', '主管单位', '网址'],
        ['1', '无标题单位', 'http://a.gov.cn'],
        ['一、各县（市、区）政府门户网站'],
        ['序号', '主管单位', '网址'],
        ['1', '甲县', 'not a url'],
        ['2', '乙县', 'http://b.gov.cn'],
        ['3', '丙县', 'http://B.gov.cn/'],
        ['四、全市政务新媒体'],
        ['主管单位', '新媒体标识码', '账号名称', '账号类型'],
        ['甲县', '4408M01WX1', '甲县发布', '微信'],
      ],
    });
    const result = await previewTargets(zj, file);
    const messages = result.errors.map((e) => `${e.sheet}!${e.row}${e.column ?? ''} ${e.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^名单!2 此行之前没有表示考评类别的标题/),
      expect.stringMatching(/^名单!5C 网址无效：not a url/),
      expect.stringMatching(/^名单!10B 新媒体标识码格式有误/),
      expect.stringMatching(/^名单!7 重复：http:\/\/b\.gov\.cn\/ 已在工作表“名单”第6行出现/),
    ]);
  });
});
