/**
 * 版记 (GB/T 9704 §7.4): 抄送 and 印发机关/印发日期 in 4号仿宋 between rules as wide
 * as the 版心 — thick (0.35 mm) first and last, thin (0.25 mm) between — with the last
 * rule on the lower edge of the 版心.
 *
 * It is a table with exact row heights on a page of its own, pushed down by a computed
 * space before the 附注 line. Floating alternatives (tblpYSpec="bottom", framePr
 * yAlign="bottom") are ignored by LibreOffice, so the height is computed instead.
 */
import { AlignmentType, BorderStyle, HeightRule, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import { CHAR_SI, SIZE, TEXT_WIDTH } from './layout';
import { run, textWidthChars } from './blocks';

export interface ColophonOptions {
  /** 抄送 list without the label, e.g. "市委各部委办，…各新闻单位。" */
  copyTo?: string;
  /** 印发机关. */
  printedBy: string;
  /** Formatted 印发日期 without "印发". */
  printDate: string;
}

/** Rule widths in eighths of a point: 0.35 mm ≈ 1 pt, 0.25 mm ≈ 0.75 pt. */
const THICK = { style: BorderStyle.SINGLE, size: 8, color: '000000' } as const;
const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

/** One 4号 line (14 pt text at about 1.3 line height) and the row padding, in twips. */
const LINE = 380;
const PAD = 160;
/**
 * Characters of 抄送 text per line: 版心 minus 1 字 left, 3 字 label and 1 字 right,
 * less two for line-breaking rules (no line may start with ，。) so a row is never clipped.
 */
const COPY_CHARS_PER_LINE = Math.floor(TEXT_WIDTH / CHAR_SI) - 5 - 2;

function copyLines(copyTo: string): number {
  return Math.max(1, Math.ceil(textWidthChars(copyTo) / COPY_CHARS_PER_LINE));
}

/** Total height of the 版记 table in twips. */
export function colophonHeight(options: ColophonOptions): number {
  return (options.copyTo ? copyLines(options.copyTo) * LINE + PAD : 0) + LINE + PAD;
}

function cell(children: Paragraph[], width: number, columnSpan = 1): TableCell {
  return new TableCell({
    children,
    columnSpan,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
}

/** Builds the 版记 table. */
export function colophon(options: ColophonOptions): Table {
  const half = Math.round(TEXT_WIDTH / 2);
  const text = (t: string, extra: ConstructorParameters<typeof Paragraph>[0] & object = {}) =>
    new Paragraph({ spacing: { before: 0, after: 0, line: LINE, lineRule: 'exact' }, ...extra, children: [run(t, 'fangsong', SIZE.si)] });
  const rows: TableRow[] = [];
  if (options.copyTo) {
    rows.push(
      new TableRow({
        cantSplit: true,
        height: { value: copyLines(options.copyTo) * LINE + PAD, rule: HeightRule.EXACT },
        children: [
          // 回行时与冒号后的首字对齐: a hanging indent the width of the label.
          cell([text(`抄送：${options.copyTo}`, { indent: { left: 4 * CHAR_SI, hanging: 3 * CHAR_SI, right: CHAR_SI } })], TEXT_WIDTH, 2),
        ],
      }),
    );
  }
  rows.push(
    new TableRow({
      cantSplit: true,
      height: { value: LINE + PAD, rule: HeightRule.EXACT },
      children: [
        cell([text(options.printedBy, { indent: { left: CHAR_SI } })], half),
        cell([text(`${options.printDate}印发`, { alignment: AlignmentType.RIGHT, indent: { right: CHAR_SI } })], TEXT_WIDTH - half),
      ],
    }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, TEXT_WIDTH - half],
    rows,
    borders: { top: THICK, bottom: THICK, insideHorizontal: THIN, left: NONE, right: NONE, insideVertical: NONE },
  });
}
