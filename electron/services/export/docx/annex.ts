/**
 * Annex pages (GB/T 9704 §8): each starts on a new page with "附件1" in 3号黑体 flush
 * left on the first line, the title centred on the third line, then the table with
 * its header row repeated on every page (table-xml.ts).
 */
import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import type { AnnexSpec } from '../table-spec';
import { LINE_PITCH, RED, SIZE } from './layout';
import { run } from './blocks';
import { tableMarker, tableXml } from './table-xml';

/**
 * The children of one annex section: label, title, optional subtitle, tables, note.
 * Each table is a placeholder paragraph; its XML is appended to `tables` for finalizeDocx.
 */
export function annexChildren(spec: AnnexSpec, tables: string[]): Paragraph[] {
  const grid = { after: 0, line: LINE_PITCH, lineRule: LineRuleType.EXACT } as const;
  const out: Paragraph[] = [
    new Paragraph({ spacing: { before: 0, ...grid }, children: [run(spec.label, 'heiti')] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: LINE_PITCH, after: 0, line: LINE_PITCH, lineRule: LineRuleType.EXACT },
      children: [run(spec.title, 'xiaobiaosong', SIZE.er)],
    }),
  ];
  if (spec.subtitle) {
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, ...grid }, children: [run(spec.subtitle, 'kaiti')] }));
  }
  if (spec.warning) {
    out.push(new Paragraph({ spacing: { before: 0, ...grid }, children: [run(spec.warning, 'fangsong', SIZE.si, RED)] }));
  }
  spec.blocks.forEach((block, i) => {
    if (block.caption) {
      out.push(
        new Paragraph({
          spacing: { before: i === 0 ? LINE_PITCH : LINE_PITCH, ...grid },
          keepNext: true,
          children: [run(block.caption, 'heiti', SIZE.si)],
        }),
      );
    } else if (i === 0) {
      out.push(new Paragraph({ spacing: { before: 0, ...grid }, children: [] }));
    }
    out.push(new Paragraph({ children: [run(tableMarker(tables.length))] }));
    tables.push(tableXml(block, spec.scoreStyle));
  });
  // Always end with a real paragraph: it carries the section break (sectPr), which must
  // not sit on a table placeholder that finalizeDocx replaces.
  out.push(new Paragraph({ spacing: { before: 120, ...grid }, children: spec.note ? [run(spec.note, 'fangsong', SIZE.si)] : [] }));
  return out;
}
