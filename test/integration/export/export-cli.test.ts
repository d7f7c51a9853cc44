import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from 'node:util';
import { exportCommand } from '../../../electron/cli/commands/export';
import type { CliContext, CliIo } from '../../../electron/cli/command';
import { isKaopingError } from '../../../shared/errors';
import { EXPORT_FORMATS, FORMAT_EXTENSION } from '../../../electron/services/export/index';
import { chaozhouSample, writeSampleDir, zhanjiangSample } from '../../fixtures/export/samples';

/**
 * Runs the export command as the dispatcher does (parseArgs with its options, reviewer
 * errors → exit 1), without loading the other commands' modules.
 */
async function runCli(argv: string[], io: CliIo): Promise<number> {
  expect(argv[0]).toBe('export');
  const parsed = parseArgs({ args: argv.slice(1), options: exportCommand.options ?? {}, allowPositionals: true, strict: true });
  try {
    return (await exportCommand.run({ args: parsed.positionals, options: parsed.values as CliContext['options'], io })) ?? 0;
  } catch (error) {
    if (!isKaopingError(error)) throw error;
    io.stderr(`错误：${error.message}\n`);
    return 1;
  }
}

function sink(cwd: string) {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), cwd } };
}

let work: string;
let zjDir: string;
let czDir: string;

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'kp-export-'));
  zjDir = path.join(work, 'zj');
  czDir = path.join(work, 'cz');
  const zj = zhanjiangSample();
  writeSampleDir(zjDir, zj.data, zj.files);
  writeSampleDir(czDir, chaozhouSample());
});

describe('kaoping export', () => {
  it.each(EXPORT_FORMATS)('writes %s', async (format) => {
    const dir = format.endsWith('chaozhou') ? czDir : zjDir;
    const out = path.join(work, `out-${format}${FORMAT_EXTENSION[format]}`);
    const { out: o, io } = sink(work);
    expect(await runCli(['export', dir, '--format', format, '--out', out, '--date', '2021-07-08'], io)).toBe(0);
    expect(o.stdout.trim()).toBe(out);
    expect(o.stderr).toContain(`已导出 ${format}`);
    const bytes = readFileSync(out);
    // Every format is a zip container (xlsx, docx, zip).
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(existsSync(`${out}.${process.pid}.tmp`)).toBe(false);
  });

  it('applies problem overrides from a JSON file', async () => {
    const overrides = path.join(work, 'overrides.json');
    writeFileSync(overrides, JSON.stringify({ 'zj-county-5': '', 'zj-county-1': '首页栏目三个月未更新' }));
    const out = path.join(work, 'edited.xlsx');
    const { io } = sink(work);
    expect(await runCli(['export', zjDir, '--format', 'annex-zhanjiang', '--out', out, '--overrides', overrides], io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('D5').value).toBe('首页栏目三个月未更新');
    const names = [5, 6, 7, 8, 9].map((r) => ws.getCell(`B${r}`).value);
    expect(names).not.toContain('雷州市人民政府网');
  });

  it('explains user errors in Chinese', async () => {
    const { out, io } = sink(work);
    expect(await runCli(['export', zjDir, '--format', 'pdf', '--out', 'x.pdf'], io)).toBe(1);
    expect(out.stderr).toContain('请用 --format 指定导出格式');
    const second = sink(work);
    expect(await runCli(['export', path.join(work, 'nowhere'), '--format', 'targets', '--out', 'x.xlsx'], second.io)).toBe(1);
    expect(second.out.stderr).toContain('找不到 export-data.json');
    const bad = path.join(work, 'bad');
    writeSampleDir(bad, { ...chaozhouSample(), meta: { ...chaozhouSample().meta, year: 'x' as unknown as number } });
    const third = sink(work);
    expect(await runCli(['export', bad, '--format', 'targets', '--out', 'x.xlsx'], third.io)).toBe(1);
    expect(third.out.stderr).toContain('meta.year');
  });
});

describe('evidence pack', () => {
  it('packs files by target and indicator with an index whose hashes match the bytes', async () => {
    const out = path.join(work, 'pack.zip');
    const { io } = sink(work);
    expect(await runCli(['export', zjDir, '--format', 'evidence-pack', '--out', out], io)).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    const names = Object.keys(files).sort();
    expect(names).toContain('index.xlsx');
    expect(names).toContain('index.html');
    expect(names).toContain('赤坎区人民政府网/内容更新/snapshot-1.html');
    expect(names).toContain('徐闻公安（快手短视频号）/内容更新/snapshot-1.html');
    expect(names).toContain('徐闻公安（南方号）/内容更新/snapshot-1.html');
    const evidence = names.filter((n) => !n.startsWith('index.'));
    expect(evidence).toHaveLength(10);
    const html = strFromU8(files['index.html']!);
    for (const name of evidence) {
      const hash = createHash('sha256').update(files[name]!).digest('hex');
      expect(html).toContain(hash);
    }
    expect(html).not.toContain('不一致</td>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(files['index.xlsx']!) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      '序号',
      '考评对象',
      '指标',
      '文件',
      '网址',
      '取证时间',
      'SHA-256',
      '校验',
    ]);
    expect(ws.rowCount).toBe(3 + 10);
  });

  it('packs one target on request and flags a file changed after capture', async () => {
    const dir = path.join(work, 'zj-tampered');
    const zj = zhanjiangSample();
    writeSampleDir(dir, zj.data, zj.files);
    writeFileSync(path.join(dir, 'evidence', 'zj-county-1', 'snapshot-1.html'), 'changed');
    const out = path.join(work, 'one.zip');
    const { io } = sink(work);
    expect(await runCli(['export', dir, '--format', 'evidence-pack', '--out', out, '--target', 'zj-county-1'], io)).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    expect(Object.keys(files).filter((n) => !n.startsWith('index.'))).toEqual(['赤坎区人民政府网/内容更新/snapshot-1.html']);
    expect(strFromU8(files['index.html']!)).toContain('<td>不一致</td>');
  });

  it('names a missing evidence file', async () => {
    const dir = path.join(work, 'zj-missing');
    writeSampleDir(dir, zhanjiangSample().data);
    const { out, io } = sink(work);
    expect(await runCli(['export', dir, '--format', 'evidence-pack', '--out', path.join(work, 'm.zip')], io)).toBe(1);
    expect(out.stderr).toContain('证据文件不存在');
    expect(out.stderr).toContain('snapshot-1.html');
  });
});

describe('export from a score report (kaoping score --json)', () => {
  const report = {
    targets: [
      {
        id: 't2',
        name: '潮安区人民政府',
        class: '县区政府门户网站',
        veto: false,
        vetoReasons: [],
        sections: [
          { name: '健康情况', score: 18.86, max: 25 },
          { name: '发布解读', score: 21.75, max: 30 },
        ],
        basic: 40.61,
        bonus: 2,
        total: 42.61,
        grade: '合格',
        rank: 2,
      },
      {
        id: 't1',
        name: '饶平县人民政府',
        class: '县区政府门户网站',
        veto: false,
        vetoReasons: [],
        sections: [
          { name: '健康情况', score: 22.49, max: 25 },
          { name: '发布解读', score: 24, max: 30 },
        ],
        basic: 46.49,
        bonus: 1,
        total: 47.49,
        grade: '良好',
        rank: 1,
      },
      {
        id: 't3',
        name: '枫溪区管委会',
        class: '县区政府门户网站',
        veto: true,
        vetoReasons: ['首页不可访问'],
        sections: [
          { name: '健康情况', score: 0, max: 25 },
          { name: '发布解读', score: 0, max: 30 },
        ],
        basic: null,
        bonus: null,
        total: null,
        grade: '不合格',
        rank: 3,
      },
      {
        id: 'n1',
        name: '市信访局',
        class: '政务新媒体',
        veto: false,
        vetoReasons: [],
        sections: [{ name: '规范运维', score: 70, max: 70 }],
        basic: 70,
        bonus: 0,
        total: 70,
        grade: '合格',
        rank: 1,
      },
    ],
  };

  it('writes the Chaozhou annex ranked within class with the report sections as columns', async () => {
    const file = path.join(work, 'score.json');
    writeFileSync(file, JSON.stringify(report));
    const out = path.join(work, 'from-report.xlsx');
    const { io } = sink(work);
    expect(
      await runCli(
        [
          'export',
          work,
          '--scores',
          file,
          '--format',
          'annex-chaozhou',
          '--out',
          out,
          '--year',
          '2019',
          '--region',
          '潮州市',
          '--issuer',
          '潮州市人民政府办公室',
        ],
        io,
      ),
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const [web, nm] = wb.worksheets;
    expect((web!.getRow(4).values as unknown[]).slice(1)).toEqual([
      '排名',
      '单位名称',
      '单项否决',
      '健康情况',
      '发布解读',
      '加分指标',
      '总计',
    ]);
    expect((web!.getRow(5).values as unknown[]).slice(1)).toEqual([1, '饶平县人民政府', 0, 22.49, 24, 1, 47.49]);
    expect((web!.getRow(7).values as unknown[]).slice(1)).toEqual([3, '枫溪区管委会', '否决', 0, 0, 0, 0]);
    expect(nm!.getCell('A3').value).toBe('政务新媒体（1个）');
  });

  it('names the file and field of a malformed report', async () => {
    const file = path.join(work, 'bad-score.json');
    writeFileSync(file, JSON.stringify({ targets: [{ id: 'x' }] }));
    const { out, io } = sink(work);
    expect(await runCli(['export', work, '--scores', file, '--format', 'annex-chaozhou', '--out', path.join(work, 'x.xlsx')], io)).toBe(1);
    expect(out.stderr).toContain('bad-score.json');
    expect(out.stderr).toContain('targets.0.name');
  });
});
