/**
 * Paragraph builders for the elements of a GB/T 9704 document. Each returns docx
 * objects; document.ts orders them. Spacing is counted in grid lines (行) and
 * characters (字) as the standard does.
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun } from 'docx';
import { CHAR_CONDENSE, CHAR_SAN, LINE_PITCH, RED, SIZE, mm, runFont, type FontKey } from './layout';

/** Exact line spacing on the 22-line grid, so LibreOffice and Word agree on line positions. */
const GRID_LINE = { line: LINE_PITCH, lineRule: LineRuleType.EXACT } as const;

/** A run in a given face and size (default 三号, condensed to fit 28 characters a line). */
export function run(text: string, font: FontKey = 'fangsong', size: number = SIZE.san, color?: string): TextRun {
  return new TextRun({
    text,
    font: runFont(font),
    size,
    ...(size === SIZE.san ? { characterSpacing: CHAR_CONDENSE } : {}),
    ...(color ? { color } : {}),
  });
}

/**
 * Display width of text in 三号 characters: Han and full-width punctuation count 1,
 * ASCII (Times New Roman digits and letters) about ½. Used to align 署名 over 成文日期.
 */
export function textWidthChars(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return width;
}

/**
 * 发文机关标志: red, centred, 方正小标宋简体, its top 35 mm below the 版心 top edge
 * (下行文). The size shrinks so that long names stay on one line within 156 mm.
 */
export function issuerMark(text: string, topMm = 35): Paragraph {
  const maxPt = 36;
  const fitPt = Math.floor(440 / Math.max(1, textWidthChars(text)));
  const pt = Math.max(22, Math.min(maxPt, fitPt));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: mm(topMm), after: 0, line: Math.round(pt * 20 * 1.2), lineRule: LineRuleType.EXACT },
    children: [run(text, 'xiaobiaosong', pt * 2, RED)],
  });
}

/**
 * 发文字号 centred two lines below the 标志, with the red 分隔线 4 mm under it drawn
 * as a bottom border (paragraph borders span the 版心, as the standard requires).
 */
export function docNumberWithRule(text: string): Paragraph {
  // Without a 文号 there is no empty line for one: the rule sits a line under the 标志.
  const spacing = text
    ? { before: 2 * LINE_PITCH, after: 0, ...GRID_LINE }
    : { before: LINE_PITCH, after: 0, line: 20, lineRule: LineRuleType.EXACT };
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing,
    border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
    children: text ? [run(text)] : [],
  });
}

/** 标题: 2号 方正小标宋简体, centred, two lines below the red rule; "\n" breaks lines. */
export function title(text: string): Paragraph[] {
  return text.split('\n').map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: i === 0 ? 2 * LINE_PITCH : 0, after: 0, ...GRID_LINE },
        children: [run(line, 'xiaobiaosong', SIZE.er)],
      }),
  );
}

/** 主送机关: one line below the title, flush left, ending in a full-width colon. */
export function addressee(text: string): Paragraph {
  return new Paragraph({ spacing: { before: LINE_PITCH, after: 0, ...GRID_LINE }, children: [run(text)] });
}

/** 正文 paragraph: indented two characters; an optional run-in level-2 heading in 楷体. */
export function bodyParagraph(text: string, lead?: string): Paragraph {
  const children = lead ? [run(lead, 'kaiti'), run(text)] : [run(text)];
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * CHAR_SAN, firstLineChars: 200 },
    spacing: { before: 0, after: 0, ...GRID_LINE },
    children,
  });
}

/** 一级标题 "一、…" in 黑体 and 二级标题 "（一）…" in 楷体, indented like body text. */
export function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    indent: { firstLine: 2 * CHAR_SAN, firstLineChars: 200 },
    spacing: { before: 0, after: 0, ...GRID_LINE },
    keepNext: true,
    children: [run(text, level === 1 ? 'heiti' : 'kaiti')],
  });
}

/**
 * 附件说明: one line below the body, "附件：" two characters in; several annexes are
 * numbered "1." and later lines align with the first name (GB/T 9704 §7.3.4).
 */
export function attachmentNote(names: readonly string[]): Paragraph[] {
  if (names.length === 0) return [];
  const numbered = names.length > 1;
  return names.map((name, i) => {
    const label = numbered ? `${i + 1}.` : '';
    return new Paragraph({
      indent: i === 0 ? { firstLine: 2 * CHAR_SAN } : { left: 5 * CHAR_SAN },
      spacing: { before: i === 0 ? LINE_PITCH : 0, after: 0, ...GRID_LINE },
      children: [run(i === 0 ? `附件：${label}${name}` : `${label}${name}`)],
    });
  });
}

/**
 * 发文机关署名 and 成文日期 for a document that will be sealed: the date four
 * characters from the right, the signature centred over the date, two lines below
 * the text so the seal can press on both.
 */
export function signatureAndDate(signature: string, date: string): Paragraph[] {
  const dateRight = 4;
  const sigRight = dateRight + (textWidthChars(date) - textWidthChars(signature)) / 2;
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.max(0, Math.round(sigRight * CHAR_SAN)) },
      spacing: { before: 2 * LINE_PITCH, after: 0, ...GRID_LINE },
      children: [run(signature)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: dateRight * CHAR_SAN },
      spacing: { before: 0, after: 0, ...GRID_LINE },
      children: [run(date)],
    }),
  ];
}

/** 附注 such as "公开方式：主动公开": 3号仿宋, two characters in. */
export function note(text: string, beforeLines = 1, beforeTwips?: number): Paragraph {
  return new Paragraph({
    indent: { firstLine: 2 * CHAR_SAN },
    spacing: { before: beforeTwips ?? beforeLines * LINE_PITCH, after: 0, ...GRID_LINE },
    children: [run(text)],
  });
}

/** An empty grid line. */
export function blankLine(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, ...GRID_LINE }, children: [] });
}

/** A red drafter's note (e.g. provisional scores), set like body text. */
export function warningParagraph(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 2 * CHAR_SAN, firstLineChars: 200 },
    spacing: { before: 0, after: 0, ...GRID_LINE },
    children: [run(text, 'fangsong', SIZE.san, RED)],
  });
}
