import { asciiDigits } from './wording';

/** A 评分细则 cell split into numbered items, notes, and the context before the items. */
export interface RuleItems {
  items: string[];
  notes: string[];
  /** Unnumbered lines before numbered items ("模拟用户进行1次简单常见问题咨询："). */
  preamble: string[];
  /** Clauses that only restate the kind ("上述情况出现任意一种，即单项否决。"). */
  clauses: string[];
}

const NOTE = /^[（(]?\s*(注|说明|备注)\s*[：:]/u;
const NUMBERED = /^(\d{1,2})\s*[.．、)）](?!\d+\s*分)\s*/u;
const CLAUSE = /^(上述情况出现任意一种|以上情况出现任意一种|出现上述任意一种情形)/u;

/**
 * Splits a cell: lines (paragraphs and Shift+Enter breaks), and numbered items run
 * together in one line ("1.…。 2.…。"). Lines after a note continue the note.
 */
export function splitRuleText(cell: string): RuleItems {
  const lines = asciiDigits(cell)
    .split('\n')
    .flatMap((line) => line.split(/(?<=[。；;])\s*(?=\d{1,2}\s*[.．、](?!\d+\s*分))/u))
    .flatMap((line) => line.split(/\s+(?=注\s*[：:])/u))
    .map((l) => l.trim())
    .filter(Boolean);
  const out: RuleItems = { items: [], notes: [], preamble: [], clauses: [] };
  let mode: 'pre' | 'item' | 'note' = 'pre';
  const numbered = lines.some((l) => NUMBERED.test(l));
  for (const line of lines) {
    if (NOTE.test(line) || /^详见附录/u.test(line)) {
      out.notes.push(line.replace(/^[（(]\s*/u, '').replace(/[）)]\s*$/u, ''));
      mode = 'note';
    } else if (CLAUSE.test(line)) {
      out.clauses.push(line);
    } else if (NUMBERED.test(line)) {
      out.items.push(line.replace(NUMBERED, ''));
      mode = 'item';
    } else if (mode === 'note') {
      out.notes[out.notes.length - 1] += line;
    } else if (mode === 'item') {
      out.items[out.items.length - 1] += line;
    } else if (numbered) {
      out.preamble.push(line);
    } else {
      // No numbering at all: the cell is one item (its lines joined).
      if (out.items.length) out.items[out.items.length - 1] += line;
      else out.items.push(line);
    }
  }
  return out;
}
