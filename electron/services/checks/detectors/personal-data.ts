import type { CrawledPage, EvidenceItem, Observation } from '../types';
import { capItems, contextAround, htmlPages, pageUrl } from './common';
import { docOf, elementAt } from './html-doc';
import { selectorOf } from './selector';

/** The kinds of personal data a page must not show unmasked. */
export type PiiKind = 'id' | 'mobile' | 'card';

export const PII_LABELS: Record<PiiKind, string> = { id: '身份证号码', mobile: '手机号码', card: '银行卡号' };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
// First two digits of a GB/T 2260 address code: provinces, and 71/81/82 for Taiwan, Hong Kong, Macao.
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(' '),
);

/**
 * An 18-character resident ID number (GB 11643-1999) with a known province,
 * a real birth date not after `now`, and a matching check character.
 */
export function isValidIdNumber(id: string, now: Date = new Date()): boolean {
  if (!/^\d{17}[\dXx]$/u.test(id) || !PROVINCES.has(id.slice(0, 2))) return false;
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > now.getTime()) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return CHECK_CHARS[sum % 11] === id[17]!.toUpperCase();
}

/** The Luhn (ISO/IEC 7812-1) check over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/u.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return sum % 10 === 0;
}

const KEEP: Record<PiiKind, [head: number, tail: number]> = { id: [6, 4], mobile: [3, 4], card: [4, 4] };

/** Stars over all but the first and last few digits, keeping separators and length. */
function maskInPlace(kind: PiiKind, raw: string): string {
  const [head, tail] = KEEP[kind];
  const total = raw.replace(/[^\dXx]/gu, '').length;
  let i = 0;
  return raw.replace(/[\dXx]/gu, (c) => {
    const k = i++;
    return total > head + tail && (k < head || k >= total - tail) ? c.toUpperCase() : '*';
  });
}

/**
 * Personal data as it may appear in evidence: an ID keeps its first 6 and
 * last 4 (`110105********002X`), a mobile its first 3 and last 4
 * (`138****8000`), a card its first and last 4. Separators are dropped.
 */
export function maskPersonalData(kind: PiiKind, value: string): string {
  return maskInPlace(kind, value.replace(/[\s-]/gu, ''));
}

/** One piece of personal data found in text. */
export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  masked: string;
}

const CARD_CONTEXT = /卡号|银行|账号|帐号|账户|帐户|开户/u;
// Numbers written in groups: mobiles 3-4-4, cards 4-4-4-4 with an optional last group.
const GROUPED: { kind: PiiKind; pattern: RegExp }[] = [
  { kind: 'mobile', pattern: /(?<![\d-])1[3-9]\d([ -])\d{4}\1\d{4}(?![\d]|[ -]\d)/gu },
  { kind: 'card', pattern: /(?<![\d-])\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?(?![\d]|[ -]\d)/gu },
];

/** What a run of digits is, if personal data. Cards need a 62 (UnionPay) prefix or a context word, as random runs pass Luhn one time in ten. */
function classify(digits: string, before: string, now: Date): PiiKind | null {
  if (digits.length === 18 && isValidIdNumber(digits, now)) return 'id';
  if (/[Xx]$/u.test(digits)) return null;
  if (digits.length === 11 && /^1[3-9]/u.test(digits)) return 'mobile';
  if (digits.length >= 16 && digits.length <= 19 && luhnValid(digits) && (digits.startsWith('62') || CARD_CONTEXT.test(before)))
    return 'card';
  return null;
}

/** Unmasked ID numbers, mobile numbers and bank card numbers in text, in order. */
export function findPersonalData(text: string, now: Date = new Date()): PiiMatch[] {
  const out: PiiMatch[] = [];
  for (const m of text.matchAll(/\d+[Xx]?/gu)) {
    const kind = classify(m[0], text.slice(Math.max(0, m.index - 15), m.index), now);
    if (kind) out.push({ kind, start: m.index, end: m.index + m[0].length, masked: maskPersonalData(kind, m[0]) });
  }
  for (const { kind, pattern } of GROUPED) {
    for (const m of text.matchAll(pattern)) {
      const digits = m[0].replace(/[ -]/gu, '');
      if (classify(digits, text.slice(Math.max(0, m.index - 15), m.index), now) === kind)
        out.push({ kind, start: m.index, end: m.index + m[0].length, masked: maskPersonalData(kind, digits) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Text with every piece of personal data in it masked in place: same length,
 * so offsets into the original text hold for the masked one too.
 */
export function maskAll(text: string, now: Date = new Date()): string {
  let out = '';
  let last = 0;
  for (const m of findPersonalData(text, now)) {
    out += text.slice(last, m.start) + maskInPlace(m.kind, text.slice(m.start, m.end));
    last = m.end;
  }
  return out + text.slice(last);
}

/**
 * Unmasked personal data in the visible text of each HTML page. One
 * `content.pii` observation counting the pages with any; each match is an
 * item showing only its masked form, in a little masked context.
 */
export function detectPersonalData(pages: readonly CrawledPage[], now: Date = new Date()): Observation[] {
  const items: EvidenceItem[] = [];
  const perKind: Record<PiiKind, number> = { id: 0, mobile: 0, card: 0 };
  let leaking = 0;
  for (const page of htmlPages(pages)) {
    const doc = docOf(page);
    const found = findPersonalData(doc.text, now);
    if (!found.length) continue;
    leaking++;
    const masked = maskAll(doc.text, now);
    for (const m of found) {
      perKind[m.kind]++;
      const el = elementAt(doc, m.start);
      items.push({
        url: pageUrl(page),
        text: contextAround(masked, m.start, m.end),
        reason: `未脱敏的${PII_LABELS[m.kind]}：${m.masked}`,
        selector: el ? selectorOf(doc, el) : undefined,
      });
    }
  }
  if (!leaking) return [];
  const kinds = (Object.keys(perKind) as PiiKind[]).filter((k) => perKind[k] > 0).map((k) => `${PII_LABELS[k]} ${perKind[k]} 处`);
  return [
    {
      detect: 'content.pii',
      count: leaking,
      summary: `${leaking} 个页面含未脱敏的个人信息（${kinds.join('、')}）`,
      items: capItems(items),
    },
  ];
}
