import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../command';
import { optList, optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import { EXPORT_FORMATS } from '../../../shared/export-formats';
import type { ExportOptions } from '../../services/export/index';
import type { fromScoreReport } from '../../services/export/from-score-report';
import type { ExportAssessmentData } from '../../services/export/model';

function readOverrides(file: string): Record<string, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KaopingError(
      'overrides-unreadable',
      `无法读取问题文字修改文件 ${file}：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || Object.values(raw).some((v) => typeof v !== 'string')) {
    throw new KaopingError('overrides-invalid', `问题文字修改文件 ${file} 应为 {"考评对象编号": "问题文字"} 形式的 JSON`);
  }
  return raw as Record<string, string>;
}

/**
 * `--scores report.json` (the output of `kaoping score <dir> --json`) with the document
 * facts the report lacks given as options.
 */
function dataFromScores(
  options: Record<string, unknown>,
  file: string,
  dir: string,
  fromReport: typeof fromScoreReport,
): ExportAssessmentData {
  const text = (key: string) => (typeof options[key] === 'string' ? (options[key] as string) : undefined);
  const year = Number(text('year') ?? new Date().getFullYear());
  const quarter = text('quarter') ? Number(text('quarter')) : undefined;
  if (!Number.isInteger(year)) throw new KaopingError('export-year', `年份无效：${text('year')}`);
  if (quarter !== undefined && !(Number.isInteger(quarter) && quarter >= 1 && quarter <= 4))
    throw new KaopingError('export-quarter', `季度应为 1–4：${text('quarter')}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KaopingError(
      'score-report-unreadable',
      `无法读取评分结果 ${file}：${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const region = text('region') ?? '';
  const meta = {
    name: `${year}年度${region}政府网站和政务新媒体考评`,
    year,
    region,
    issuer: text('issuer') ?? '（发文机关）',
    ...(quarter ? { quarter } : {}),
  };
  return { ...fromReport(raw, meta, file), evidenceRoot: path.join(dir, 'evidence') };
}

/** `kaoping export <dir> --format F --out FILE`: annexes, circular drafts and evidence packs. */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: `export <考评目录> --format <${EXPORT_FORMATS.join('|')}> --out <文件> [--date YYYY-MM-DD] [--doc-number 文号] [--template 模板.json] [--overrides 修改.json] [--target 编号…] [--scores 评分结果.json --issuer 发文机关 --region 地区 --year 年 --quarter 季]`,
  summary: '导出附件表格、通报草稿（GB/T 9704 版式）或证据包',
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    date: { type: 'string' },
    'print-date': { type: 'string' },
    'doc-number': { type: 'string' },
    template: { type: 'string' },
    overrides: { type: 'string' },
    target: { type: 'string', multiple: true },
    scores: { type: 'string' },
    issuer: { type: 'string' },
    region: { type: 'string' },
    year: { type: 'string' },
    quarter: { type: 'string' },
  },
  async run(ctx) {
    const [dirArg] = ctx.args;
    // Excel, Word and zip writers load only for this command (fast start for the others).
    const [
      { FORMAT_EXTENSION, exportAssessment, isExportFormat },
      { loadExportData },
      { exportDataFromDir },
      { fromScoreReport },
      { incompleteCount },
    ] = await Promise.all([
      import('../../services/export/index'),
      import('../../services/export/input'),
      import('../../services/export/from-store'),
      import('../../services/export/from-score-report'),
      import('../../services/export/compute/results'),
    ]);
    const format = optString(ctx, 'format');
    const outArg = optString(ctx, 'out');
    if (!dirArg) throw new KaopingError('export-usage', '请指定考评目录：kaoping export <考评目录> --format <格式> --out <文件>');
    if (!format || !isExportFormat(format))
      throw new KaopingError('export-format', `请用 --format 指定导出格式：${EXPORT_FORMATS.join('、')}`);
    if (!outArg) throw new KaopingError('export-usage', `请用 --out 指定输出文件（${FORMAT_EXTENSION[format]}）`);
    const resolve = (p: string) => path.resolve(ctx.io.cwd, p);
    const scores = optString(ctx, 'scores');
    let data = scores
      ? dataFromScores(ctx.options, resolve(scores), resolve(dirArg), fromScoreReport)
      : loadExportData(resolve(dirArg), exportDataFromDir);
    const quarter = optString(ctx, 'quarter');
    if (quarter && !scores) {
      // An assessment folder's own period setting, overridden for this export.
      if (!/^[1-4]$/u.test(quarter)) throw new KaopingError('export-quarter', `季度应为 1–4：${quarter}`);
      data = { ...data, meta: { ...data.meta, quarter: Number(quarter), period: `q${quarter}` } };
    }
    const date = optString(ctx, 'date');
    const printDate = optString(ctx, 'print-date');
    const docNumber = optString(ctx, 'doc-number');
    const template = optString(ctx, 'template');
    const overrides = optString(ctx, 'overrides');
    const targets = optList(ctx, 'target');
    for (const d of [date, printDate]) {
      if (d && !/^\d{4}-\d{2}-\d{2}$/u.test(d)) throw new KaopingError('export-date', `日期格式应为 YYYY-MM-DD：${d}`);
    }
    const options: ExportOptions = {
      ...(date ? { date } : {}),
      ...(printDate ? { printDate } : {}),
      ...(docNumber ? { docNumber } : {}),
      ...(template ? { templateFile: resolve(template) } : {}),
      ...(overrides ? { problemOverrides: readOverrides(resolve(overrides)) } : {}),
      ...(targets.length > 0 ? { targetIds: targets } : {}),
    };
    const out = resolve(outArg);
    const incomplete = incompleteCount(data);
    if (incomplete) ctx.io.stderr(`注意：${incomplete} 个考评对象尚未评审完毕，导出文件中其得分标为“暂计”，不定等次、不排名\n`);
    const size = await exportAssessment(data, format, out, options);
    ctx.io.stdout(`${out}\n`);
    ctx.io.stderr(`已导出 ${format}：${out}（${(size / 1024).toFixed(1)} KB）\n`);
  },
};
