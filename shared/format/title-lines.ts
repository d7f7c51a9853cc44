/**
 * Breaks a document title into lines for 2号 type (20 characters on the 156 mm 版心)
 * at word boundaries, as GB/T 9704 asks (回行时要做到词意完整, 排列对称): the
 * fewest lines, as even as possible, upper lines not shorter than lower ones
 * (梯形). Words come from the ICU segmenter, with terms it splits (新|媒体,
 * 办公|室) kept whole. A title with "|" or newlines is the user's own breaking.
 */

/** Terms never broken across lines, beyond what the segmenter keeps together. */
const KEEP_WHOLE = [
  '政务新媒体',
  '新媒体',
  '人民政府',
  '办公室',
  '管委会',
  '政府网站',
  '门户网站',
  '检查情况',
  '考评结果',
  '第一季度',
  '第二季度',
  '第三季度',
  '第四季度',
];

/** Characters that may not start a line (closing punctuation) or end one (opening). */
const NO_START = /^[，。、；：？！）》”’〕]/u;
const NO_END = /[（《“‘〔]$/u;

/** Display width: Han and full-width 1, ASCII ½. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return w;
}

/** Possible break offsets (between words, outside protected terms). */
function breakOffsets(text: string): number[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const offsets = new Set<number>();
  for (const s of segmenter.segment(text)) if (s.index > 0) offsets.add(s.index);
  const inside = new Set<number>();
  for (const term of KEEP_WHOLE) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      // A known term's edges are word boundaries even where the segmenter joined it to a neighbour (市|政府网站).
      offsets.add(at);
      offsets.add(at + term.length);
      for (let i = at + 1; i < at + term.length; i++) inside.add(i);
    }
  }
  // Numbers stay with their unit: 2021年, 16号.
  for (const m of text.matchAll(/\d+[年月日号个]?/gu)) for (let i = m.index + 1; i < m.index + m[0].length; i++) inside.add(i);
  return [...offsets]
    .filter((o) => o > 0 && o < text.length && !inside.has(o))
    .filter((o) => !NO_START.test(text.slice(o)) && !NO_END.test(text.slice(0, o)))
    .sort((a, b) => a - b);
}

/** The title's lines (one line when it fits). */
export function breakTitle(text: string, maxChars = 20): string[] {
  const manual = text.split(/\s*[|\n]\s*/u).filter(Boolean);
  if (manual.length > 1) return manual;
  const title = text.replace(/\s+/gu, '');
  const total = width(title);
  if (total <= maxChars) return [title];
  const cuts = [0, ...breakOffsets(title), title.length];
  for (let lines = Math.ceil(total / maxChars); lines <= 6; lines++) {
    const best = bestSplit(title, cuts, lines, maxChars, total / lines);
    if (best) return best;
  }
  // No word boundary fits (a very long word): fall back to fixed-width lines.
  const out: string[] = [];
  for (let i = 0; i < title.length; i += maxChars) out.push(title.slice(i, i + maxChars));
  return out;
}

/** Dynamic programming over break offsets: lines within `max`, closest to `ideal`, non-increasing. */
function bestSplit(text: string, cuts: number[], lines: number, max: number, ideal: number): string[] | null {
  type Step = { cost: number; prev: number; lastWidth: number };
  // table[k].get(cutIndex) = best way to end line k at cuts[cutIndex]
  const table: Map<number, Step>[] = [new Map([[0, { cost: 0, prev: -1, lastWidth: Infinity }]])];
  for (let k = 1; k <= lines; k++) {
    const row = new Map<number, Step>();
    for (const [from, step] of table[k - 1]!) {
      for (let to = from + 1; to < cuts.length; to++) {
        const w = width(text.slice(cuts[from]!, cuts[to]!));
        if (w > max) break;
        if (w > step.lastWidth) continue; // 梯形: each line no longer than the one above
        const cost = step.cost + (w - ideal) ** 2;
        const seen = row.get(to);
        if (!seen || cost < seen.cost) row.set(to, { cost, prev: from, lastWidth: w });
      }
    }
    table.push(row);
  }
  const end = table[lines]!.get(cuts.length - 1);
  if (!end) return null;
  const out: string[] = [];
  let at = cuts.length - 1;
  for (let k = lines; k >= 1; k--) {
    const step = table[k]!.get(at)!;
    out.unshift(text.slice(cuts[step.prev]!, cuts[at]!));
    at = step.prev;
  }
  return out;
}
