import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/run-cli';

const sample = path.resolve(__dirname, '../../../resources/samples/zhanjiang-2021-targets.xlsx');

// The assessment's own data, through the store and the engine, into the office's documents.
describe('export from a stored assessment', () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'kaoping-export-'));

  it('imports the sample list, scores it and writes the Chaozhou annex and circular from the store', async () => {
    expect(
      (
        await cli(
          cwd,
          'new',
          'a',
          '--ruleset',
          'zhanjiang-2021',
          '--year',
          '2021',
          '--region',
          '湛江市',
          '--issuer',
          '湛江市人民政府办公室',
        )
      ).code,
    ).toBe(0);
    const imported = await cli(cwd, 'targets', 'import', 'a', sample);
    expect(imported.stdout).toContain('已导入 280 个考评对象：网站 47 个，政务新媒体 233 个');
    await cli(cwd, 'findings', 'add', 'a', '--target', '霞山区人民政府', '--indicator', '健康情况/可用性', '--count', '2');
    await cli(cwd, 'findings', 'add', 'a', '--target', '坡头区人民政府', '--indicator', '单项否决/首页不更新');
    // Issue 14: only reviewed targets are final; the other 278 print as 暂计 and the CLI says so.
    await cli(cwd, 'review', 'done', 'a', '--target', '霞山区人民政府');

    const out = path.join(cwd, 'annex.xlsx');
    const result = await cli(cwd, 'export', 'a', '--format', 'annex-chaozhou', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('278 个考评对象尚未评审完毕');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows = wb.worksheets.flatMap((ws) =>
      ws
        .getSheetValues()
        .filter(Array.isArray)
        .map((row) => (row as unknown[]).map((v) => (v ?? '') as string | number)),
    );
    const xiashan = rows.find((r) => r.includes('霞山区人民政府'))!;
    expect(xiashan).toContain(99.6); // 100 − 2 × 0.2, ranked within 第一类 (the only complete one but the vetoed)
    // Sheet rows are 1-based: [1] is 排名.
    expect(xiashan[1]).toBe(1);
    expect(rows.find((r) => r.includes('坡头区人民政府'))![1]).toBe(2);
    expect(rows.find((r) => r.includes('赤坎区人民政府'))!.at(-1)).toMatch(/^暂计100（0\/\d+）$/u);
    const potou = rows.find((r) => r.includes('坡头区人民政府'))!;
    expect(potou).toContain('否决');

    const doc = path.join(cwd, 'circular.docx');
    expect((await cli(cwd, 'export', 'a', '--format', 'circular-zhanjiang', '--out', doc)).code).toBe(0);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(doc)))['word/document.xml']!);
    expect(xml).toContain('坡头区人民政府');
  });
});
