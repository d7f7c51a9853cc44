/**
 * Page numbers per GB/T 9704 §7.5: "— 1 —" in 4号 半角宋体, below the 版心, on the
 * outer side one character in — odd pages right, even pages left. The footer sits so
 * that the dash line is about 7 mm under the 版心 bottom edge.
 */
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { CHAR_SI, MARGIN, SIZE, mm } from './layout';

const SONG = { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体', cs: '宋体' };

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: CHAR_SI } : { left: CHAR_SI },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONG, size: SIZE.si })],
      }),
    ],
  });
}

/** Footers for a section: `default` is used for odd pages once even/odd footers are on. */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  return { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
}

/** Footer distance from the page's bottom edge: 35 mm margin − 7 mm gap − one 14 pt line. */
export const FOOTER_DISTANCE = MARGIN.bottom - mm(7) - 14 * 20;
