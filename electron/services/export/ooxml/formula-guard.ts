/**
 * Text that starts like a formula (= + - @, or a tab or carriage return) is
 * stored by exceljs as text, but once someone edits such a cell in Excel it
 * turns live: "=HYPERLINK(…)" from a site's title becomes a link, "=cmd|…"
 * worse. Every workbook the app writes goes through here: those cells get a
 * style with quotePrefix="1", the apostrophe Excel itself shows for text
 * that must stay text. exceljs cannot write that attribute, so the package
 * is rewritten after it is made.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const RISKY = /^[=+\-@\t\r]/u;

/** True for text Excel would turn into a formula once the cell is edited. */
export const startsLikeFormula = (text: string): boolean => RISKY.test(text);

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/giu, (_m, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e]) return named[e];
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** Indexes of shared strings whose text starts like a formula. */
function riskyStrings(sst: string): Set<number> {
  const risky = new Set<number>();
  let i = 0;
  for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>/gu)) {
    const text = [...m[1]!.matchAll(/<t[^>]*>([^<]*)<\/t>/gu)].map((t) => t[1]).join('');
    if (RISKY.test(decodeXml(text))) risky.add(i);
    i++;
  }
  return risky;
}

/** Rewrites an .xlsx so formula-like text cells carry quotePrefix. Returns the bytes unchanged when none do. */
export function quoteFormulaText(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const sst = files['xl/sharedStrings.xml'];
  const styles = files['xl/styles.xml'];
  if (!sst || !styles) return bytes;
  const risky = riskyStrings(strFromU8(sst));
  if (risky.size === 0) return bytes;
  let stylesXml = strFromU8(styles);
  const block = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/u.exec(stylesXml);
  if (!block) return bytes;
  const xfs = [...block[2]!.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/gu)].map((m) => m[0]);
  const quoted = new Map<number, number>();
  const added: string[] = [];
  const quotedStyle = (s: number): number => {
    let q = quoted.get(s);
    if (q === undefined) {
      q = xfs.length + added.length;
      added.push((xfs[s] ?? xfs[0]!).replace(/^<xf\b/u, '<xf quotePrefix="1"'));
      quoted.set(s, q);
    }
    return q;
  };
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/u.test(name)) {
      out[name] = data;
      continue;
    }
    const sheet = strFromU8(data).replace(
      /<c\b([^>]*?)>(\s*<v>(\d+)<\/v>\s*)<\/c>/gu,
      (whole, attrs: string, inner: string, idx: string) => {
        if (!/\bt="s"/u.test(attrs) || !risky.has(Number(idx))) return whole;
        const s = Number(/\bs="(\d+)"/u.exec(attrs)?.[1] ?? 0);
        const q = quotedStyle(s);
        const next = /\bs="\d+"/u.test(attrs) ? attrs.replace(/\bs="\d+"/u, `s="${q}"`) : `${attrs} s="${q}"`;
        return `<c${next}>${inner}</c>`;
      },
    );
    out[name] = strToU8(sheet);
  }
  if (added.length === 0) return bytes;
  stylesXml = stylesXml.replace(block[0], `<cellXfs count="${xfs.length + added.length}">${block[2]}${added.join('')}</cellXfs>`);
  out['xl/styles.xml'] = strToU8(stylesXml);
  return zipSync(out, { level: 6 });
}

/** A workbook's bytes, formula-like text quoted: the one way the app turns an exceljs workbook into a file. */
export async function safeWorkbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return quoteFormulaText(new Uint8Array(await wb.xlsx.writeBuffer()));
}
