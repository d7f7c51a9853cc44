/**
 * Assembles a GB/T 9704 document (a circular draft) from a structured spec: the 版头
 * (red 发文机关标志, 发文字号, red rule), 主体 (title, 主送机关, body, 附件说明, 署名,
 * 成文日期), annexes on their own pages, then 附注 and the 版记 on the last page.
 */
import { Document, DocumentGridType, Packer, Paragraph, Table, type ISectionOptions } from 'docx';
import type { AnnexSpec } from '../table-spec';
import {
  addressee,
  attachmentNote,
  bodyParagraph,
  docNumberWithRule,
  heading,
  issuerMark,
  note,
  signatureAndDate,
  title,
  warningParagraph,
} from './blocks';
import { annexChildren } from './annex';
import { colophon, colophonHeight, type ColophonOptions } from './colophon';
import { FOOTER_DISTANCE, pageNumberFooters } from './footer';
import { LINE_PITCH, MARGIN, PAGE, SIZE, mm, runFont } from './layout';
import { finalizeDocx } from './finalize';
import { tableParagraphStyles } from './table-xml';

export type BodyBlock =
  | { kind: 'heading1'; text: string }
  | { kind: 'heading2'; text: string }
  /** A body paragraph; `lead` is a run-in level-2 heading set in 楷体. */
  | { kind: 'paragraph'; text: string; lead?: string }
  /** A red line for the drafter (e.g. scores still provisional); remove before issuing. */
  | { kind: 'warning'; text: string };

export interface OfficialDocSpec {
  /** 发文机关标志, e.g. "湛江市人民政府办公室文件". */
  issuerMark: string;
  /** 发文字号, e.g. "湛府办〔2021〕16号" (empty: no 文号 line, the red rule follows the 标志). */
  docNumber: string;
  title: string;
  addressee?: string;
  body: BodyBlock[];
  /** Annex names for the 附件说明. */
  attachments: string[];
  signature: string;
  /** Formatted 成文日期. */
  date: string;
  /** 附注 / 公开方式 line, e.g. "公开方式：主动公开". */
  note?: string;
  /** 'afterDate': one line under the 成文日期 (seed 002); 'colophon': right above the 版记 (seed 004, the default). */
  notePlacement?: 'afterDate' | 'colophon';
  colophon?: ColophonOptions;
  annexes: AnnexSpec[];
  /** Document properties. */
  creator?: string;
}

/**
 * A page section. The main text snaps to the 22-line grid; annex sections have no
 * grid, because LibreOffice applies the grid to table cells and doubles every row.
 */
function section(children: ISectionOptions['children'], grid = true): ISectionOptions {
  return {
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
      grid: grid ? { type: DocumentGridType.LINES, linePitch: LINE_PITCH } : { type: DocumentGridType.DEFAULT, linePitch: 312 },
    },
    footers: pageNumberFooters(),
    children,
  };
}

function bodyBlock(block: BodyBlock): Paragraph {
  if (block.kind === 'heading1') return heading(block.text, 1);
  if (block.kind === 'heading2') return heading(block.text, 2);
  if (block.kind === 'warning') return warningParagraph(block.text);
  return bodyParagraph(block.text, block.lead);
}

/**
 * The 版记 page: 附注 (公开方式) right above the 版记, both pushed down so that the
 * last rule lands on the lower edge of the 版心 (225 mm = 12756 twips).
 */
function lastPage(spec: OfficialDocSpec): ISectionOptions['children'] {
  const tableHeight = spec.colophon ? colophonHeight(spec.colophon) : 0;
  const noteHere = spec.note && spec.notePlacement !== 'afterDate' ? spec.note : undefined;
  const noteHeight = noteHere ? LINE_PITCH : 0;
  // A little slack for rule widths so the table never spills onto another page.
  const before = Math.max(0, mm(225) - tableHeight - noteHeight - 120);
  const children: (Paragraph | Table)[] = [];
  if (noteHere) children.push(note(noteHere, 0, before));
  else
    children.push(new Paragraph({ spacing: { before: before - LINE_PITCH, after: 0, line: LINE_PITCH, lineRule: 'exact' }, children: [] }));
  if (spec.colophon) children.push(colophon(spec.colophon));
  return children;
}

/**
 * Builds the docx document object; annex tables come back as XML to splice in for
 * their placeholder paragraphs (see table-xml.ts).
 */
export function buildOfficialDocument(spec: OfficialDocSpec): { document: Document; tables: string[] } {
  const tables: string[] = [];
  const main = [
    issuerMark(spec.issuerMark),
    docNumberWithRule(spec.docNumber),
    ...title(spec.title),
    ...(spec.addressee ? [addressee(spec.addressee)] : []),
    ...spec.body.map(bodyBlock),
    ...attachmentNote(spec.attachments),
    ...signatureAndDate(spec.signature, spec.date),
    ...(spec.note && spec.notePlacement === 'afterDate' ? [note(spec.note, 1)] : []),
  ];
  const sections: ISectionOptions[] = [section(main)];
  for (const annex of spec.annexes) sections.push(section(annexChildren(annex, tables), false));
  if ((spec.note && spec.notePlacement !== 'afterDate') || spec.colophon) sections.push(section(lastPage(spec), false));
  const document = new Document({
    creator: spec.creator ?? '考评工作台',
    title: spec.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: runFont('fangsong'), size: SIZE.san },
          paragraph: { spacing: { line: LINE_PITCH } },
        },
      },
      paragraphStyles: tableParagraphStyles(),
    },
    sections,
  });
  return { document, tables };
}

/** Renders the spec to a .docx buffer with mirrored margins and font fallbacks. */
export async function renderOfficialDocx(spec: OfficialDocSpec): Promise<Uint8Array> {
  const { document, tables } = buildOfficialDocument(spec);
  const buffer = await Packer.toBuffer(document);
  return finalizeDocx(new Uint8Array(buffer), tables);
}
