import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../electron/services/export/index';
import { chaozhouSample, zhanjiangSample } from '../../fixtures/export/samples';

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function rowValues(ws: ExcelJS.Worksheet, row: number): unknown[] {
  return (ws.getRow(row).values as unknown[]).slice(1);
}

describe('annex-chaozhou workbook', () => {
  it('has one sheet per annex with label, merged title, class caption, headers and ranked rows', async () => {
    const wb = await read(await renderExport(chaozhouSample(), 'annex-chaozhou'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['附件1 政府网站考评情况表', '附件2 政务新媒体考评情况表']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('附件1');
    expect(ws.getCell('A2').value).toBe('政府网站考评情况表');
    expect(ws.getCell('A2').isMerged).toBe(true);
    expect(ws.getCell('M2').master.address).toBe('A2');
    expect(ws.getCell('A3').value).toBe('县区政府（管委会）门户网站（4个）');
    expect(rowValues(ws, 4)).toEqual([
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
    ]);
    expect(rowValues(ws, 5)).toEqual([1, '饶平县人民政府', 0, 22.49, 7.5, 24, 9.63, 8, 5, 5, 3, 1, 85.62]);
    expect(rowValues(ws, 8)[1]).toBe('枫溪区管委会');
    const nm = wb.worksheets[1]!;
    expect(rowValues(nm, 4)).toEqual(['排名', '单位名称', '单项否决', '规范运维', '支撑保障', '加分指标', '总计']);
    expect(rowValues(nm, 30)).toEqual([26, '饶平县公安局', 0, 70, 15, 0, 85]);
  });

  it('styles cells officially: fonts, borders, scores as the seed prints them (or two decimals when set), fitted widths', async () => {
    const ws = (await read(await renderExport(chaozhouSample(), 'annex-chaozhou'))).worksheets[0]!;
    expect(ws.getCell('A2').font.name).toBe('宋体');
    expect(ws.getCell('A4').font.bold).toBe(true);
    expect(ws.getCell('B5').font.name).toBe('仿宋');
    // Seed 002 prints 85.62, 78.1, 71: General format, values rounded to 2 decimals.
    expect(ws.getCell('D5').numFmt ?? 'General').not.toBe('0.00');
    expect(ws.getCell('M7').value).toBe(78.1);
    const data = chaozhouSample();
    const fixed = (await read(await renderExport({ ...data, meta: { ...data.meta, settings: { numbers: 'fixed2' } } }, 'annex-chaozhou')))
      .worksheets[0]!;
    expect(fixed.getCell('M5').numFmt).toBe('0.00');
    expect(ws.getCell('B5').border.left?.style).toBe('thin');
    // 单位名称 holds seven Han characters: at least 14 width units.
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(14);
  });

  it('prints on A4, landscape when wide, fit to width, header row repeated', async () => {
    const wb = await read(await renderExport(chaozhouSample(), 'annex-chaozhou'));
    const [web, nm] = wb.worksheets;
    expect(web!.pageSetup.paperSize).toBe(9);
    expect(web!.pageSetup.orientation).toBe('landscape');
    expect(web!.pageSetup.fitToWidth).toBe(1);
    expect(web!.pageSetup.fitToPage).toBe(true);
    expect(web!.headerFooter.oddFooter).toContain('&P');
    expect(web!.pageSetup.printTitlesRow).toBe('4:4');
    expect(nm!.pageSetup.orientation).toBe('portrait');
  });
});

describe('annex-zhanjiang workbook', () => {
  it('lists problem sites and accounts with subtitle and sampling note', async () => {
    const { data } = zhanjiangSample();
    const wb = await read(
      await renderExport(data, 'annex-zhanjiang', { problemOverrides: { 'zj-county-1': '多个栏目长期未更新（已整改）' } }),
    );
    const [sites, accounts] = wb.worksheets;
    expect(sites!.getCell('A2').value).toBe('检查发现存在突出问题的政府网站名单');
    expect(sites!.getCell('A3').value).toBe('（2021年第二季度）');
    expect(rowValues(sites!, 4)).toEqual(['序号', '网站名称', '主办单位', '存在的突出问题']);
    expect(rowValues(sites!, 5)).toEqual([1, '赤坎区人民政府网', '赤坎区人民政府', '多个栏目长期未更新（已整改）']);
    expect(sites!.getCell('A10').value).toBe('注：检查采样时间为2021年4月1日至7月5日');
    expect(rowValues(accounts!, 4)).toEqual(['序号', '新媒体名称', '主办单位', '第三方平台', '存在的突出问题']);
    expect(rowValues(accounts!, 8)).toEqual([4, '徐闻公安', '徐闻县政府', '快手短视频号', '检测时间点前1周无更新']);
  });
});

describe('targets and detail workbooks', () => {
  it('writes the target list per class as annex 1 of the scheme', async () => {
    const { data } = zhanjiangSample();
    const wb = await read(await renderExport(data, 'targets'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['考评对象（网站）', '考评对象（政务新媒体）']);
    const nm = wb.worksheets[1]!;
    expect(nm.getCell('A3').value).toBe('四、政务新媒体（共216个）');
    expect(rowValues(nm, 4)).toEqual(['主管单位', '新媒体标识码', '账号名称', '账号类型']);
    expect(rowValues(nm, 5)).toEqual(['麻章区政府', '440802M000WX0001', '麻章教育', '微信号']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A2').value).toBe('2021年度湛江市政府网站与政务新媒体考评对象');
    expect(ws.getCell('A3').value).toBe('一、县（市、区）政府（管委会）门户网站（共11个）');
    expect(rowValues(ws, 4)).toEqual(['序号', '主管单位', '网址']);
    expect(rowValues(ws, 5)).toEqual([1, '赤坎区人民政府', 'http://www0.example.gov.cn/']);
  });

  it('writes evidence references with hashes in the detail workbook', async () => {
    const { data } = zhanjiangSample();
    const wb = await read(await renderExport(data, 'detail'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['得分汇总', '指标明细', '问题与证据']);
    const summary = wb.getWorksheet('得分汇总')!;
    // 计分说明 has three lines for a passing target: the row is sized for them.
    const passing = summary.getRow(5);
    // Column 11 is 评审进度 (the sample gives no progress: complete), 12 计分说明.
    expect(passing.getCell(11).value).toBe('已完成');
    expect(String(passing.getCell(12).value).split('\n')).toHaveLength(3);
    expect(passing.height).toBeGreaterThanOrEqual(45);
    const ev = wb.getWorksheet('问题与证据')!;
    const header = rowValues(ev, 3);
    expect(header).toContain('SHA-256');
    const first = rowValues(ev, 4);
    expect(first[0]).toBe('赤坎区人民政府网');
    expect(first[11]).toBe(data.findings[0]!.evidence[0]!.sha256);
    expect(first[10]).toBe('2021-07-05 10:30:00');
  });
});
