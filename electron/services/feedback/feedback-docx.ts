/**
 * The preliminary result for one unit (初步考评结果反馈单) as a Word document the unit
 * can read without the tool: per target the provisional score by section, every
 * deduction and veto with its indicator, rule, count, points and the reviewer's
 * note, and the evidence itself (screenshots with their caption strips, every file
 * with its SHA-256). Built from the circular's blocks and page layout.
 */
import { readFileSync } from 'node:fs';
import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { chineseNumeral, formatChinaDateTime, formatChineseDate } from '../../../shared/format/date';
import type { AssessmentInfo, Evidence } from '../../../shared/domain/types';
import { bodyParagraph, heading, run, title } from '../export/docx/blocks';
import { FOOTER_DISTANCE, pageNumberFooters } from '../export/docx/footer';
import { MARGIN, PAGE, SIZE, TEXT_WIDTH, runFont } from '../export/docx/layout';
import { finalizeDocx } from '../export/docx/finalize';
import { docImages } from './evidence-images';
import type { FeedbackFinding, FeedbackTarget, FeedbackUnit } from './unit-results';

export interface FeedbackDocOptions {
  info: AssessmentInfo;
  /** "YYYY-MM-DD". */
  sentOn: string;
  /** Last day to request a review, or null when the calendar cannot tell. */
  deadline: string | null;
  windowDays: number;
  /** Absolute path of an evidence record's file. */
  evidencePath: (e: Evidence) => string;
}

const SMALL = SIZE.xiaosi;
const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };
/** Images at 96 dpi: the 156 mm text width is 589 px. */
const MAX_IMAGE_PX = Math.floor((TEXT_WIDTH / 1440) * 96);

const show = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(2).replace(/\.?0+$/u, ''));

function cell(text: string, opts: { bold?: boolean; width?: number; align?: 'left' | 'center' } = {}): TableCell {
  return new TableCell({
    ...(opts.width ? { width: { size: opts.width, type: WidthType.DXA } } : {}),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(line, opts.bold ? 'heiti' : 'fangsong', SMALL)],
        }),
    ),
  });
}

function table(widths: number[], rows: string[][], align: ('left' | 'center')[], header = true): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: header && i === 0,
          cantSplit: true,
          children: r.map((text, c) =>
            cell(text, { bold: header && i === 0, width: widths[c], align: header && i === 0 ? 'center' : align[c] }),
          ),
        }),
    ),
  });
}

function small(text: string, opts: { before?: number; bold?: boolean; size?: number } = {}): Paragraph {
  return new Paragraph({
    spacing: { before: opts.before ?? 0, after: 60 },
    children: [run(text, opts.bold ? 'heiti' : 'fangsong', opts.size ?? SMALL)],
  });
}

function scoreTable(t: FeedbackTarget): Table {
  const s = t.score;
  const rows: string[][] = [['项目', '满分', '暂计得分']];
  for (const sec of s.sections)
    rows.push([
      sec.part === 'basic' ? sec.name : `${sec.name}（${sec.part === 'bonus' ? '加分' : '扣分'}）`,
      show(sec.max),
      show(sec.score),
    ]);
  if (s.basic !== null && s.sections.length) rows.push(['基础性指标得分（按方案折算后）', '100', show(s.basic)]);
  if (s.bonus) rows.push(['加分', '', show(s.bonus)]);
  if (s.negative) rows.push(['扣分', '', show(s.negative)]);
  rows.push(['单项否决', '', s.veto ? `是：${s.vetoReasons.join('；')}` : '否']);
  rows.push(['暂计总分', '', s.veto ? '—（单项否决）' : show(s.total)]);
  if (s.grade) rows.push(['暂定等次', '', s.grade]);
  if (s.rank !== null && !s.veto) rows.push([`类内暂列名次（${t.classLabel}）`, '', String(s.rank)]);
  return table([5600, 1400, 1844], rows, ['left', 'center', 'center']);
}

function findingTable(f: FeedbackFinding, n: number): Table {
  const effect = f.veto ? '单项否决' : f.points === null ? '—' : f.points >= 0 ? `加 ${show(f.points)} 分` : `扣 ${show(-f.points)} 分`;
  const rows = [
    [`问题 ${n}`, `${f.indicatorPath}（记录编号 #${f.finding.id}）`],
    ['评分细则', f.ruleText],
    ['次数', String(f.finding.count)],
    [f.veto ? '结果' : f.bonus ? '加分' : '扣分', effect],
    ['评审说明', f.finding.note || '—'],
    ['证据', f.evidence.length ? f.evidence.map((e) => `#${e.id}`).join('、') : '无'],
  ];
  return table([1600, 7244], rows, ['left', 'left'], false);
}

async function evidenceBlocks(e: Evidence, opts: FeedbackDocOptions): Promise<Paragraph[]> {
  // 小五 (9 pt) keeps the 64-digit hash on one line.
  const caption: [string, number][] = [
    [`证据 #${e.id}　取证时间：${formatChinaDateTime(e.capturedAt)}（北京时间）`, SIZE.wu],
    ...(e.url ? [[`网址：${e.url}`, SIZE.wu] as [string, number]] : []),
    [`SHA-256：${e.sha256}`, 18],
  ];
  const bytes = readFileSync(opts.evidencePath(e));
  const images = await docImages(bytes);
  const out: Paragraph[] = [];
  if (!images) {
    out.push(small(`${e.title ?? e.file}（${e.kind === 'mhtml' ? '网页快照' : '文件'}，随证据包提供）`, { before: 120, size: SIZE.wu }));
  } else {
    images.forEach((img, i) => {
      const width = Math.min(MAX_IMAGE_PX, img.width);
      const height = Math.round((img.height * width) / img.width);
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: 0 },
          keepNext: true,
          children: [
            new ImageRun({
              type: img.type,
              data: img.data,
              transformation: { width, height },
              altText: { name: `证据${e.id}`, title: `证据 #${e.id}`, description: e.url ?? e.file },
            }),
          ],
        }),
      );
      if (images.length > 1) out.push(small(`（整页截图第 ${i + 1}/${images.length} 段）`));
    });
  }
  for (const [line, size] of caption)
    out.push(new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: 0 }, children: [run(line, 'fangsong', size)] }));
  return out;
}

async function targetBlocks(t: FeedbackTarget, index: number, opts: FeedbackDocOptions): Promise<(Paragraph | Table)[]> {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    heading(`${chineseNumeral(index)}、${t.label}（${t.classLabel}）`, 1),
  ];
  if (t.target.url) out.push(small(`网址：${t.target.url}`));
  if (t.target.kind === 'account' && t.target.identifier) out.push(small(`新媒体标识码：${t.target.identifier}`));
  out.push(small('（一）暂计得分', { before: 120, bold: true }), scoreTable(t));
  out.push(small('（二）扣分、加分与单项否决明细', { before: 240, bold: true }));
  if (t.findings.length === 0) out.push(small('未记录扣分、加分或单项否决问题。'));
  for (const [i, f] of t.findings.entries()) {
    out.push(new Paragraph({ spacing: { before: 160, after: 0 }, children: [] }), findingTable(f, i + 1));
    for (const e of f.evidence) out.push(...(await evidenceBlocks(e, opts)));
  }
  return out;
}

/** Renders one unit's preliminary result to .docx bytes. */
export async function renderFeedbackDocx(unit: FeedbackUnit, opts: FeedbackDocOptions): Promise<Uint8Array> {
  const { info } = opts;
  const issuer = info.issuer || '考评组织单位';
  const deadline = opts.deadline ? `，即 ${formatChineseDate(opts.deadline)} 前` : '';
  const children: (Paragraph | Table)[] = [
    ...title(`${info.name}\n初步考评结果反馈单`),
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [run(`单位：${unit.unit}`, 'fangsong', SIZE.san)] }),
    new Paragraph({ spacing: { after: 120 }, children: [run(`发送日期：${formatChineseDate(opts.sentOn)}`, 'fangsong', SIZE.san)] }),
    bodyParagraph(`现将初步考评结果反馈你单位。以下得分为暂计分数，以考评结果经审定后公布的为准。`),
    bodyParagraph(
      `对考评结果有异议的，可在收到本反馈单之日起 ${opts.windowDays} 个工作日内（收到当日不计，法定节假日不计，调休上班日计入${deadline}）向${issuer}提出复核申请，写明有异议的指标（一级指标/二级指标）和理由，并附佐证材料。申请复核内容与自评报告不一致的，一律不受理。`,
    ),
  ];
  for (const [i, t] of unit.targets.entries()) children.push(...(await targetBlocks(t, i + 1, opts)));
  const section: ISectionOptions = {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: {
          top: MARGIN.top,
          bottom: MARGIN.bottom,
          left: MARGIN.inside,
          right: MARGIN.outside,
          header: 851,
          footer: FOOTER_DISTANCE,
        },
      },
    },
    footers: pageNumberFooters(),
    children,
  };
  const document = new Document({
    creator: '考评工作台',
    title: `${unit.unit}初步考评结果反馈单`,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: runFont('fangsong'), size: SIZE.san } } } },
    sections: [section],
  });
  return finalizeDocx(new Uint8Array(await Packer.toBuffer(document)));
}
