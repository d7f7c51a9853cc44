/**
 * Text as units and reviewers type it: full-width letters and digits, ideographic
 * spaces, line breaks inside cells. These helpers give one comparable form so that
 * importers and matchers agree on what "the same name" means.
 */

/** Full-width ASCII variants (！ to ～) and the ideographic space become ASCII. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code === 0x3000) out += ' ';
    else if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else out += ch;
  }
  return out;
}

/** Collapses every run of white space (including line breaks and NBSP) to one space and trims. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/gu, ' ').trim();
}

/** Cleans a cell for display: half-width ASCII, single spaces, trimmed. */
export function cleanCell(text: string): string {
  return collapseSpaces(toHalfWidth(text));
}

/**
 * A key for matching names: half-width, no white space at all, Latin lower-cased,
 * and Chinese/ASCII bracket variants unified. "湛江市 教育局（ 市 ）" and
 * "湛江市教育局(市)" give the same key.
 */
export function matchKey(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u00a0\u3000]+/gu, '')
    .replace(/[【〔［]/gu, '[')
    .replace(/[】〕］]/gu, ']')
    .toLowerCase();
}
