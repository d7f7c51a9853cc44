import { KaopingError } from '../../../../shared/errors';
import type { CrawledPage, EvidenceItem, Observation } from '../types';
import { AhoCorasick } from './aho-corasick';
import { capItems, contextAround, htmlPages, pageUrl } from './common';
import { docOf, elementAt } from './html-doc';
import { maskAll } from './personal-data';
import { selectorOf } from './selector';

/** One listed word: a wrong form with its correction, or a word that must never appear. */
export interface WordEntry {
  wrong: string;
  /** Absent for a word that must not appear at all. */
  correct?: string;
  /** Where the entry was read (file name) and on which line. */
  source: string;
  line: number;
}

/** A parsed word list, ready to match. */
export interface WordList {
  entries: readonly WordEntry[];
  matcher: AhoCorasick;
}

// Characters no word contains: finding one means a separator other than "=>" was used.
const NOT_IN_WORD = /[\s=>→,，、;；|]/u;

function parseLine(raw: string, source: string, line: number): WordEntry | null {
  const body = raw.replace(/#.*$/u, '').trim();
  if (!body) return null;
  const fail = (why: string) =>
    new KaopingError('wordlist-invalid', `词表 ${source} 第 ${line} 行格式有误：“${raw.trim()}”（${why}）`, [
      `每行写“错误写法=>正确写法”，或只写一个不得出现的词；# 之后为注释`,
    ]);
  const arrow = body.indexOf('=>');
  if (arrow < 0) {
    if (NOT_IN_WORD.test(body)) throw fail('词语中不能有空格或分隔符，纠正写法请用“=>”');
    return { wrong: body, source, line };
  }
  const wrong = body.slice(0, arrow).trim();
  const correct = body.slice(arrow + 2).trim();
  if (!wrong || !correct) throw fail('“=>”两边都要有词语');
  if (NOT_IN_WORD.test(wrong) || NOT_IN_WORD.test(correct)) throw fail('每行只能有一个“=>”，词语中不能有空格或分隔符');
  if (wrong === correct) throw fail('错误写法与正确写法相同');
  return { wrong, correct, source, line };
}

/**
 * Parses word lists: one entry per line, `错误写法=>正确写法` or a bare word
 * that must never appear; `#` starts a comment; blank lines are ignored. A
 * later entry for the same wrong form replaces an earlier one (a reviewer's
 * words.txt can correct the bundled list). A malformed line throws a
 * KaopingError naming the source and line.
 */
export function loadWordList(texts: readonly { source: string; text: string }[]): WordList {
  const byWrong = new Map<string, WordEntry>();
  for (const { source, text } of texts) {
    text
      .replace(/^\uFEFF/u, '')
      .split(/\r?\n|\r/u)
      .forEach((raw, i) => {
        const entry = parseLine(raw, source, i + 1);
        if (entry) byWrong.set(entry.wrong, entry);
      });
  }
  const entries = [...byWrong.values()];
  return { entries, matcher: new AhoCorasick(entries.map((e) => e.wrong)) };
}

/** A listed word found in text. */
export interface WordHit {
  entry: WordEntry;
  start: number;
  end: number;
}

/** Whether the correct form is written at this spot, around the wrong form it contains. */
function insideCorrectForm(text: string, start: number, entry: WordEntry): boolean {
  const { wrong, correct } = entry;
  if (!correct) return false;
  for (let k = correct.indexOf(wrong); k >= 0; k = correct.indexOf(wrong, k + 1)) {
    if (start - k >= 0 && text.startsWith(correct, start - k)) return true;
  }
  return false;
}

/**
 * Listed words in text, leftmost-longest and without overlaps, skipping any
 * wrong form that is part of its own correct form as written here.
 */
export function findWords(text: string, list: WordList): WordHit[] {
  const hits = list.matcher
    .findAll(text)
    .map((h) => ({ entry: list.entries[h.pattern]!, start: h.start, end: h.end }))
    .filter((h) => !insideCorrectForm(text, h.start, h.entry))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: WordHit[] = [];
  for (const h of hits) if (!out.length || h.start >= out[out.length - 1]!.end) out.push(h);
  return out;
}

/** What the reviewer reads for a hit: ‘中华人民共合国’应为‘中华人民共和国’. */
export function wordReason(entry: WordEntry): string {
  return entry.correct ? `‘${entry.wrong}’应为‘${entry.correct}’` : `‘${entry.wrong}’为不得使用的词语`;
}

/**
 * 错敏字 in the visible text of each HTML page: one `content.words`
 * observation counting every occurrence, each an item with about ten
 * characters of context either side (personal data in it masked).
 */
export function detectWords(pages: readonly CrawledPage[], list: WordList): Observation[] {
  if (!list.entries.length) return [];
  const items: EvidenceItem[] = [];
  const perWord = new Map<string, number>();
  for (const page of htmlPages(pages)) {
    const doc = docOf(page);
    const hits = findWords(doc.text, list);
    if (!hits.length) continue;
    const masked = maskAll(doc.text);
    for (const h of hits) {
      perWord.set(h.entry.wrong, (perWord.get(h.entry.wrong) ?? 0) + 1);
      const el = elementAt(doc, h.start);
      items.push({
        url: pageUrl(page),
        text: contextAround(masked, h.start, h.end),
        reason: wordReason(h.entry),
        selector: el ? selectorOf(doc, el) : undefined,
      });
    }
  }
  if (!items.length) return [];
  const words = [...perWord].map(([w, n]) => `‘${w}’${n} 处`);
  const summary = `发现错敏字 ${items.length} 处：${words.slice(0, 5).join('、')}${words.length > 5 ? ` 等 ${words.length} 个词` : ''}`;
  return [{ detect: 'content.words', count: items.length, summary, items: capItems(items) }];
}
