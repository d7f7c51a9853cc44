import { strFromU8, unzipSync } from 'fflate';
import { KaopingError } from '../../../../shared/errors';

/**
 * A Word document as the scheme importer needs it: body paragraphs and tables in
 * order. Table cells are plain text with line breaks ("\n" for paragraphs and
 * Shift+Enter); a cell merged down (vMerge) or across (gridSpan) repeats its
 * master's text in every grid position, as read-grid does for Excel.
 */
export type DocBlock = { type: 'para'; text: string } | { type: 'table'; rows: string[][] };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

interface Cell {
  text: string;
  span: number;
  /** 'restart' starts a vertical merge, 'continue' continues the one above. */
  vMerge?: 'restart' | 'continue';
}

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`${name}="([^"]*)"`, 'u').exec(attrs)?.[1];
}

/** Lays merged cells out on the grid: spans repeat, vertical continuations copy the cell above. */
function toGrid(rows: Cell[][]): string[][] {
  const grid: string[][] = [];
  for (const row of rows) {
    const out: string[] = [];
    for (const cell of row) {
      for (let i = 0; i < cell.span; i++) {
        const col = out.length;
        out.push(cell.vMerge === 'continue' ? (grid.at(-1)?.[col] ?? '') : cell.text);
      }
    }
    grid.push(out);
  }
  return grid;
}

/** Reads word/document.xml of a .docx; nested tables are read as text of their cell. */
export function readDocx(bytes: Uint8Array, fileName = 'document.docx'): DocBlock[] {
  let xml: string;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
    const doc = files['word/document.xml'];
    if (!doc) throw new KaopingError('docx-unreadable', 'word/document.xml missing');
    xml = strFromU8(doc);
  } catch {
    throw new KaopingError(
      'docx-unreadable',
      `无法读取 Word 文件 ${fileName}：不是有效的 .docx（Word 2007 及以后的格式；.doc 请先另存为 .docx）`,
    );
  }
  const blocks: DocBlock[] = [];
  // State of the table being read (only the outermost table makes rows).
  let tableDepth = 0;
  let rows: Cell[][] = [];
  let cell: Cell | undefined;
  let para: string | undefined;
  let inText = false;
  const token = /<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/gu;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    const [, closing, tag, attrs = '', selfClosing, text] = m;
    if (text !== undefined) {
      if (inText && para !== undefined) para += decode(text);
      continue;
    }
    const open = !closing;
    switch (tag) {
      case 'w:tbl':
        if (open) {
          tableDepth++;
          if (tableDepth === 1) rows = [];
        } else {
          tableDepth--;
          if (tableDepth === 0) blocks.push({ type: 'table', rows: toGrid(rows) });
        }
        break;
      case 'w:tr':
        if (open && tableDepth === 1) rows.push([]);
        break;
      case 'w:tc':
        if (tableDepth !== 1) break;
        if (open) cell = { text: '', span: 1 };
        else if (cell) {
          cell.text = cell.text.replace(/\n+$/u, '');
          rows.at(-1)?.push(cell);
          cell = undefined;
        }
        break;
      case 'w:gridSpan':
        if (cell && tableDepth === 1) cell.span = Math.max(1, Number(attr(attrs, 'w:val') ?? 1));
        break;
      case 'w:vMerge':
        if (cell && tableDepth === 1) cell.vMerge = attr(attrs, 'w:val') === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:p':
        if (open && !selfClosing) para = para ?? '';
        else if (open && selfClosing) {
          if (cell) cell.text += '\n';
        } else if (para !== undefined) {
          if (cell) cell.text += para + '\n';
          else if (tableDepth === 0) blocks.push({ type: 'para', text: para });
          para = undefined;
        }
        break;
      case 'w:t':
        inText = open && !selfClosing;
        break;
      case 'w:br':
      case 'w:cr':
        if (para !== undefined) para += '\n';
        break;
      case 'w:tab':
        if (para !== undefined && !attrs.includes('w:pos')) para += '\t';
        break;
      default:
        break;
    }
  }
  return blocks;
}
