import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTemplate, templateStamper } from '../../../electron/services/selfeval/template';
import type { AssessmentInfo, Target } from '../../../shared/domain/types';
import { ruleset } from '../../helpers/rulesets';

const zj = ruleset('zhanjiang-2021');
const info: AssessmentInfo = {
  name: '2025年度考评',
  year: 2025,
  region: '南岭市',
  issuer: '南岭市人民政府办公室',
  rulesetId: zj.id,
  gradeBands: zj.grades.bands,
  reviewWindowDays: 3,
  createdAt: '2025-01-01T00:00:00Z',
  settings: {},
  monitoringDate: null,
};
const site = (unit: string, name: string, url: string | null): Target => ({
  id: 7,
  kind: 'website',
  unit,
  name,
  url,
  classId: 'county',
  attributes: {},
  identifier: null,
  platform: null,
});

async function cells(book: ExcelJS.Workbook) {
  const ws = book.getWorksheet('自查自评表')!;
  const out: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => out.push([c.address, c.value, c.protection?.locked, c.dataValidation?.formulae])),
  );
  return {
    out,
    merges: (ws.model as { merges: string[] }).merges,
    protected: (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
  };
}

describe('self-evaluation template stamped per unit', () => {
  it.each([
    ['an ordinary unit', site('南岭县人民政府', '南岭县人民政府门户网站', 'http://www.nanling.gov.cn/')],
    ['names with XML characters and no URL', site('A&B<局>"办"', '网站 & <测试>', null)],
  ])('gives the same cells, merges, protection and validation as a workbook built for the unit (%s)', async (_, target) => {
    const stamp = await templateStamper(zj, info);
    const stamped = new ExcelJS.Workbook();
    await stamped.xlsx.load(stamp(target) as unknown as ArrayBuffer);
    const built = new ExcelJS.Workbook();
    await built.xlsx.load((await (await buildTemplate(zj, info, target)).xlsx.writeBuffer()) as ArrayBuffer);
    const a = await cells(stamped);
    expect(a).toEqual(await cells(built));
    expect(a.out).toContainEqual(['B3', target.unit, undefined, undefined]);
    expect(a.protected).toBe(true);
  });

  it('stamps no unit into another unit’s copy', async () => {
    const stamp = await templateStamper(zj, info);
    const first = stamp(site('甲单位', '甲网站', 'http://a.gov.cn/'));
    const second = stamp(site('乙单位', '乙网站', 'http://b.gov.cn/'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(first as unknown as ArrayBuffer);
    expect(book.getWorksheet('自查自评表')!.getCell('B3').value).toBe('甲单位');
    await book.xlsx.load(second as unknown as ArrayBuffer);
    expect(book.getWorksheet('自查自评表')!.getCell('B4').value).toBe('乙网站  http://b.gov.cn/');
  });
});

describe('self-evaluation template: a unit name that starts like a formula', () => {
  it('is stamped as text with the quote prefix, so editing it in Excel keeps it text', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const stamp = await templateStamper(zj, info);
    const files = unzipSync(stamp(site('=HYPERLINK("http://x")', '网站', null)));
    expect(strFromU8(files['xl/styles.xml']!)).toContain('quotePrefix="1"');
    const plain = unzipSync(stamp(site('南岭县人民政府', '网站', null)));
    expect(strFromU8(plain['xl/styles.xml']!)).not.toContain('quotePrefix="1"');
  });
});
