/**
 * Post-processing docx cannot express: mirrored margins (订口 on the inside of
 * double-sided pages) in settings.xml, and a font table that names each Chinese face
 * with its GB2312 charset and an alternate name, so Word/WPS without the
 * GB2312-era fonts fall back to the faces Windows ships.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { FONTS, LATIN_FONT } from './layout';
import { TABLE_PLACEHOLDER } from './table-xml';

function fontEntry(name: string, alt: string | undefined, charset: string, family: string, pitch: string): string {
  const altName = alt ? `<w:altName w:val="${alt}"/>` : '';
  return `<w:font w:name="${name}">${altName}<w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
}

/** The font table written into every export. */
export function fontTableXml(): string {
  const entries = [
    fontEntry(LATIN_FONT, undefined, '00', 'roman', 'variable'),
    ...Object.values(FONTS).map((f) => fontEntry(f.name, f.alt, '86', f.family, 'variable')),
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.join('') +
    '</w:fonts>'
  );
}

/**
 * Replaces each placeholder paragraph with its table, encoding piece by piece so a
 * 10 000-row table is never copied as one more giant string.
 */
function spliceTables(xml: string, tables: readonly string[]): Uint8Array {
  const pieces: Uint8Array[] = [];
  let last = 0;
  for (const match of xml.matchAll(TABLE_PLACEHOLDER)) {
    pieces.push(strToU8(xml.slice(last, match.index)), strToU8(tables[Number(match[1])] ?? ''));
    last = match.index + match[0].length;
  }
  pieces.push(strToU8(xml.slice(last)));
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of pieces) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/**
 * Adds mirrorMargins to settings, replaces the font table and splices the annex tables
 * in for their placeholder paragraphs; returns a new zip.
 */
export function finalizeDocx(docx: Uint8Array, tables: readonly string[] = []): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(docx);
  const body = files['word/document.xml'];
  if (body && tables.length > 0) files['word/document.xml'] = spliceTables(strFromU8(body), tables);
  const settings = files['word/settings.xml'];
  if (settings) {
    const xml = strFromU8(settings);
    if (!xml.includes('<w:mirrorMargins')) {
      // CT_Settings is ordered: mirrorMargins follows displayBackgroundShape and precedes defaultTabStop.
      const patched = xml.includes('<w:defaultTabStop')
        ? xml.replace('<w:defaultTabStop', '<w:mirrorMargins/><w:defaultTabStop')
        : xml.replace(/(<w:settings\b[^>]*>)/u, '$1<w:mirrorMargins/>');
      files['word/settings.xml'] = strToU8(patched);
    }
  }
  if (files['word/fontTable.xml']) files['word/fontTable.xml'] = strToU8(fontTableXml());
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) out[name] = [data, { level: name.endsWith('.xml') || name.endsWith('.rels') ? 6 : 0 }];
  return zipSync(out);
}
