import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { previewTargets } from '../../../electron/services/import/targets/import-targets';
import { cli } from '../../helpers/run-cli';
import { ruleset } from '../../helpers/rulesets';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kaoping-classmap-'));

/** Another city's list: its own headings, which do not name zhanjiang-2021's classes. */
async function otherCityList(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const row of [
    ['一、各县（区）政府门户网站（共 4 个）'],
    ['序号', '主管单位', '网址'],
    ['1', '饶平县人民政府', 'www.raoping.gov.cn'],
    ['2', '潮安区人民政府', 'www.chaoan.gov.cn'],
    ['3', '湘桥区人民政府', 'www.xiangqiao.gov.cn'],
    ['4', '枫溪区管委会', 'www.fengxi.gov.cn'],
    ['二、第二类 市直单位网站（共 1 个）'],
    ['序号', '主管单位', '网址'],
    ['1', '潮州市教育局', 'www.czedu.gov.cn'],
  ])
    ws.addRow(row);
  const file = path.join(tmp, '潮州名单.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('target lists of any city: headings mapped to the ruleset classes', () => {
  const zj = ruleset('zhanjiang-2021');

  it('asks for the class of a heading it cannot match, instead of refusing it, and matches a heading naming a label', async () => {
    const file = await otherCityList();
    const preview = await previewTargets(zj, file);
    expect(preview.sections.map((s) => [s.title, s.classId, s.how, s.read])).toEqual([
      // Titles are shown as cleaned (half-width brackets).
      ['一、各县(区)政府门户网站(共 4 个)', null, null, 4],
      ['二、第二类 市直单位网站(共 1 个)', 'city-service', 'label', 1],
    ]);
    expect(preview.errors.map((e) => e.message)).toEqual([expect.stringContaining('请指定它属于哪一类')]);
  });

  it('imports with the mapping, keyed by the heading with or without its numbering and count', async () => {
    const file = await otherCityList();
    const preview = await previewTargets(zj, file, [], { '各县(区)政府门户网站': '第一类' });
    expect(preview.errors).toEqual([]);
    expect(preview.targets.filter((t) => t.classId === 'county')).toHaveLength(4);
    const bad = await previewTargets(zj, file, [], { '一、各县（区）政府门户网站（共 4 个）': '第九类' });
    expect(bad.errors[0]!.message).toContain('“第九类”不是本考评方案的类别');
  });

  it('kaoping targets import --class-map', async () => {
    const file = await otherCityList();
    const dir = path.join(tmp, 'a');
    expect((await cli(tmp, 'new', dir, '--ruleset', 'zhanjiang-2021')).code).toBe(0);
    const refused = await cli(tmp, 'targets', 'import', dir, file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--class-map');
    const done = await cli(tmp, 'targets', 'import', dir, file, '--class-map', '一、各县（区）政府门户网站（共 4 个）=第一类');
    expect(done.stdout).toContain('已导入 5 个考评对象');
    const listed = JSON.parse((await cli(tmp, 'targets', 'list', dir, '--json')).stdout) as { targets: { unit: string; class: string }[] };
    expect(listed.targets.find((t) => t.unit === '饶平县人民政府')?.class).toBe('第一类');
  });
});
