/**
 * Publication dates as Chinese government CMSs write them, and what is not one:
 * the header clock ("2023年10月11日 星期三", "今天是：…"), the copyright line and
 * the footer ("更新时间：…") say nothing about when the page's items appeared.
 */

const DAY_MS = 86_400_000;

/** A full date: 2024-03-05, 2024/3/5, 2024.03.05, 2024年3月5日 (not inside a longer number). */
export const FULL_DATE = /(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)/gu;
/** A month and day alone, as list rows write them: [03-05], (03/05), 03-05, 3月5日. */
const SHORT_DATE = /(?<![\d\-/.年:：])(\d{1,2})\s*(?:-|\/|月)\s*(\d{1,2})\s*日?(?![\d\-/.:：])/gu;
/** What precedes a clock or a copyright line rather than a publication date. */
const CLOCK_BEFORE = /(?:今天是|今日是?|今天|当前时间|现在时间|现在是|北京时间|©|&copy;|copyright|版权所有)[\s:：]*$/iu;
/** A weekday right after the date (with an optional time) marks a clock. */
const CLOCK_AFTER = /^[\s.,，、]*(?:\d{1,2}:\d{2}(?::\d{2})?\s*)?(?:星期|周|礼拜)[一二三四五六日天]/u;
/** A publication label right before a date. */
const PUB_BEFORE = /(?:发布|发文|成文|印发|更新)?(?:时间|日期)\s*[:：]\s*$/u;
/** Elements that hold a clock or weather widget (not the list's "date" spans). */
const CLOCK_ELEMENT =
  /<(\w+)\b[^<>]*\b(?:id|class)\s*=\s*["']?[^"'<>]*(?:clock|today|localtime|nowtime|currenttime|curtime|jintian|weather|tianqi)[^"'<>]*["']?[^<>]*>[\s\S]{0,200}?<\/\1\s*>/giu;
/** The start of a footer (its update date and copyright say nothing about the page). */
const FOOTER = /<(?:footer|div|table|p|section)\b[^<>]*\b(?:class|id)\s*=\s*["']?[^"'<>]*(?:foot|bottom|copyright|banquan)/giu;

/** UTC midnight of the calendar day `d` falls on in Beijing (UTC+8): the monitoring date of a moment. */
export function beijingDay(d: Date): Date {
  const shifted = new Date(d.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

/** A valid calendar date, or null (2024-02-30 is none). */
export function calendarDate(y: number, m: number, d: number): Date | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}

/** Whole days from `date` to the monitoring day `asOf` (both UTC midnights). */
export function daysBefore(asOf: Date, date: Date): number {
  return Math.round((asOf.getTime() - date.getTime()) / DAY_MS);
}

/** ISO day (YYYY-MM-DD). */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The page without its footer, when a footer is marked in its latter half. */
export function withoutFooter(html: string): string {
  let cut = html.length;
  for (const m of html.matchAll(FOOTER)) if (m.index > html.length / 2) cut = Math.min(cut, m.index);
  return html.slice(0, cut);
}

/**
 * The page as a reader sees its content: head, styles, scripts (except the
 * XML data islands Hanweb lists are written in), comments, clock widgets and
 * the footer left out; tags become spaces.
 */
export function contentText(html: string): string {
  return visibleText(withoutFooter(html));
}

/** Text of an HTML fragment without head, styles, scripts (but Hanweb's XML data islands), comments and clock widgets. */
function visibleText(html: string): string {
  return html
    .replace(/<head\b[\s\S]*?(?:<\/head\s*>|$)|<style\b[\s\S]*?(?:<\/style\s*>|$)|<!--[\s\S]*?(?:-->|$)/giu, ' ')
    .replace(/<script\b([^<>]*)>([\s\S]*?)(?:<\/script\s*>|$)/giu, (_, attrs: string, inner: string) =>
      /type\s*=\s*["']?text\/xml/iu.test(attrs) ? inner.replace(/<!\[CDATA\[|\]\]>/gu, ' ') : ' ',
    )
    .replace(CLOCK_ELEMENT, ' ')
    .replace(/<[^<>]*>/gu, ' ')
    .replace(/&nbsp;|&#160;|&#12288;/gu, ' ');
}

/** Whether the date at [start, end) of `text` is a clock or a copyright year rather than a publication date. */
function isClock(text: string, start: number, end: number): boolean {
  // "发布时间：2024年3月5日 星期二" is a publication date that names its weekday.
  if (PUB_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return false;
  return CLOCK_BEFORE.test(text.slice(Math.max(0, start - 16), start)) || CLOCK_AFTER.test(text.slice(end, end + 24));
}

/** Full dates in plain text, clocks and copyright lines left out; at most `asOf` (later ones are not yet published at the monitoring date). */
export function datesInText(text: string, asOf: Date): Date[] {
  const out: Date[] = [];
  for (const m of text.matchAll(FULL_DATE)) {
    const d = calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!d || d.getTime() > asOf.getTime() || isClock(text, m.index, m.index + m[0].length)) continue;
    out.push(d);
  }
  return out;
}

/**
 * The year of a month-and-day date, from the item's address (t20240305_…,
 * /202403/, /art/2024/3/5/) or else the latest year that does not put it
 * after the monitoring date.
 */
function yearFor(month: number, day: number, href: string, asOf: Date): number {
  const fromUrl = /(?<!\d)(20\d{2})(?:[/_-]?)(\d{1,2})(?:[/_-]?)(\d{1,2})?(?!\d)/u.exec(href);
  if (fromUrl && Number(fromUrl[2]) === month) return Number(fromUrl[1]);
  const y = asOf.getUTCFullYear();
  const d = calendarDate(y, month, day);
  return d && d.getTime() <= asOf.getTime() ? y : y - 1;
}

/** The publication date of one list row (its text and the address it links to): a full date, else a month and day. */
export function rowDate(rowText: string, href: string, asOf: Date): Date | null {
  const full = datesInText(rowText, asOf);
  if (full.length) return full.sort((a, b) => b.getTime() - a.getTime())[0]!;
  for (const m of rowText.matchAll(SHORT_DATE)) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    if (month < 1 || month > 12) continue;
    const d = calendarDate(yearFor(month, day, href, asOf), month, day);
    if (d && d.getTime() <= asOf.getTime()) return d;
  }
  return null;
}

/** Whether the text of a list row carries a date, full or a bare month and day ([03-05]). */
export function hasRowDate(text: string): boolean {
  FULL_DATE.lastIndex = 0;
  SHORT_DATE.lastIndex = 0;
  return FULL_DATE.test(text) || SHORT_DATE.test(text);
}

/** Rows of a list: list items, table rows, definition entries (nested rows are read as their own rows). */
const ROW = /<(li|tr|dd)\b[^<>]*>([\s\S]{0,4000}?)(?=<\/\1\s*>|<\1\b)/giu;
const HREF = /<a\b[^<>]*\bhref\s*=\s*["']?([^"'\s<>]+)/iu;

/** One item of a list: a link with a date. */
export interface ListItem {
  href: string;
  date: Date;
  /** Where the row starts and ends in the HTML it was read from. */
  start: number;
  end: number;
}

/** The dated item links of a page's lists (rows with a link and a date), in page order; the footer is not read. */
export function datedItems(html: string, asOf: Date): ListItem[] {
  const out: ListItem[] = [];
  for (const m of withoutFooter(html).matchAll(ROW)) {
    const inner = m[2]!;
    const href = HREF.exec(inner)?.[1];
    if (!href) continue;
    const date = rowDate(visibleText(inner), href, asOf);
    if (date) out.push({ href, date, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The publication dates on a page, newest first: the dates of its list items
 * (a month and day with the year from context included) and the full dates of
 * its content. Never the header
 * clock, a copyright line, the footer, or a date after the monitoring date.
 */
export function publicationDates(html: string, asOf: Date): Date[] {
  const dates = new Map(
    [...datedItems(html, asOf).map((i) => i.date), ...datesInText(contentText(html), asOf)].map((d) => [d.getTime(), d]),
  );
  return [...dates.values()].sort((a, b) => b.getTime() - a.getTime());
}

/**
 * The date a page shows as its own: an article's is the first date of its
 * content (under its title; related links come later), a list's or a home
 * page's is its newest item. Null when the page shows none.
 */
export function pageDate(html: string, kind: 'home' | 'column' | 'article' | 'other', asOf: Date): Date | null {
  if (kind === 'article') return datesInText(contentText(html), asOf)[0] ?? null;
  return publicationDates(html, asOf)[0] ?? null;
}
