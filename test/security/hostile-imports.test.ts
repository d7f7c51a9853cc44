import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readGrids } from '../../electron/services/import/read-grid';
import { previewTargets } from '../../electron/services/import/targets/import-targets';
import { sweepStaleTemp } from '../../electron/services/workers/process-temp';
import { cli } from '../helpers/run-cli';
import { ruleset } from '../helpers/rulesets';
import { devZeroLink, hugeCellXlsx, millionRowCsv, zipBombXlsx } from './hostile-files';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kaoping-hostile-'));
const put = (name: string, bytes: Buffer) => {
  const file = path.join(tmp, name);
  writeFileSync(file, bytes);
  return file;
};
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: Error) => error.message,
  );

describe('hostile spreadsheets are refused before they cost anything, in Chinese, naming file and limit', () => {
  it('a 1 GB zip bomb (a few MB on disk): refused from the central directory', async () => {
    const file = put('名单-bomb.xlsx', zipBombXlsx(1024 ** 3));
    expect(await refusal(readGrids(file))).toMatch(/^文件 名单-bomb\.xlsx 解压后超过 64 MB（至少 \d+ MB），已拒绝：可能是“压缩炸弹”$/u);
  });

  it('a 4 GB zip bomb that claims a 4 KB sheet: stopped while inflating, by its rows or its size', async () => {
    const file = put('lying-bomb.xlsx', zipBombXlsx(4 * 1024 ** 3, { lie: true }));
    expect(await refusal(readGrids(file))).toMatch(
      /^文件 lying-bomb\.xlsx 超过 100,000 行的导入上限|lying-bomb\.xlsx.*解压后比它声明的大小更大/u,
    );
  });

  it('one 10 MB cell in a 36 KB workbook: refused naming sheet, row, column and the limit', async () => {
    const file = put('huge-cell.xlsx', await hugeCellXlsx(10_000_000));
    expect(await refusal(readGrids(file))).toBe(
      '文件 huge-cell.xlsx 工作表“名单”第2行第2列的单元格有 10,000,000 个字符，超过上限 32,767 个',
    );
  });

  it('a million-row CSV: over the file-size limit; 200,000 short rows: stopped at the row limit', async () => {
    const million = path.join(tmp, 'million.csv');
    await millionRowCsv(million);
    expect(await refusal(readGrids(million))).toMatch(/^文件 million\.csv 过大（\d+ MB），超过导入上限 20 MB$/u);
    rmSync(million);
    const many = path.join(tmp, 'many.csv');
    writeFileSync(many, 'a\n'.repeat(200_000));
    expect(await refusal(readGrids(many))).toBe('文件 many.csv 超过 100,000 行的导入上限，已停止读取');
  });

  it('the 1 GB bomb through `kaoping targets import`: exit 1, Chinese error, nothing written', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'kaoping-hostile-cli-'));
    await cli(cwd, 'new', 'a', '--ruleset', 'zhanjiang-2021');
    writeFileSync(path.join(cwd, 'bomb.xlsx'), zipBombXlsx(1024 ** 3));
    const run = await cli(cwd, 'targets', 'import', 'a', 'bomb.xlsx');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/错误：文件 bomb\.xlsx 解压后超过 64 MB/u);
    expect((await cli(cwd, 'targets', 'list', 'a')).stdout).toBe('');
  });

  it('a self-evaluation folder with a link to /dev/zero: that file refused, the others imported', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'kaoping-hostile-se-'));
    await cli(cwd, 'new', 'a', '--ruleset', 'zhanjiang-2021');
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
    await cli(cwd, 'selfeval', 'template', 'a', '--out', 'forms');
    devZeroLink(path.join(cwd, 'forms', '北岭县人民政府_自查自评表.xlsx'));
    const run = await cli(cwd, 'selfeval', 'import', 'a', 'forms');
    expect(run.stdout + run.stderr).toContain('北岭县人民政府_自查自评表.xlsx 不是普通文件（可能是设备、管道或失效的链接），已拒绝读取');
    expect(run.stdout + run.stderr).toMatch(/南岭县人民政府_自查自评表\.xlsx/u);
  });

  it('a 300-character unit name: refused with the 100-character limit, in the list and in `targets add`', async () => {
    const long = '湛'.repeat(300);
    const file = path.join(tmp, 'long-name.csv');
    writeFileSync(file, `一、各县（市、区）政府门户网站（共 1 个）\n序号,主管单位,网址\n1,${long},http://www.a.gov.cn/\n`);
    const parsed = await previewTargets(ruleset('zhanjiang-2021'), file);
    expect(parsed.errors.map((e) => e.message)).toContain('主管单位有 300 个字符，超过上限 100 个');
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'kaoping-hostile-name-'));
    await cli(cwd, 'new', 'a', '--ruleset', 'zhanjiang-2021');
    const run = await cli(cwd, 'targets', 'add', 'a', '--name', '网站', '--unit', long, '--url', 'http://www.a.gov.cn');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/主管单位“湛+…”有 300 个字符，超过上限 100 个/u);
  });

  it('a workbook naming no unit is refused, not given to a target whose unit is blank', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'kaoping-hostile-blank-'));
    await cli(cwd, 'new', 'a', '--ruleset', 'zhanjiang-2021');
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
    await cli(cwd, 'targets', 'add', 'a', '--name', '无单位网站', '--unit', '', '--url', 'http://www.blank.gov.cn');
    await cli(cwd, 'selfeval', 'template', 'a', '--target', '南岭县人民政府', '--out', 'form.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(cwd, 'form.xlsx'));
    const ws = wb.worksheets[0]!;
    for (let r = 1; r <= 5; r++) ws.getRow(r).eachCell((c) => (c.value = null));
    await wb.xlsx.writeFile(path.join(cwd, '自评表.xlsx'));
    const run = await cli(cwd, 'selfeval', 'import', 'a', '自评表.xlsx');
    expect(run.stdout + run.stderr).toContain('无法确定是哪个单位的自评表');
  });

  it('temporary folders of a killed process are removed by the next one', () => {
    const root = path.join(tmp, 'temp-root');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const leftover = path.join(root, dead.stdout);
    mkdirSync(leftover, { recursive: true });
    writeFileSync(path.join(leftover, 'upload.xlsx'), 'half an upload');
    const live = path.join(root, String(process.pid));
    mkdirSync(live, { recursive: true });
    expect(sweepStaleTemp(root)).toBe(1);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
