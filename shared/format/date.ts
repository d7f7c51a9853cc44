/**
 * Chinese official-document formatting of dates and numbers (GB/T 9704-2012 §7.3.5.3):
 * Arabic numerals, the year in full, months and days without a leading zero.
 * Isomorphic: used by exporters and by the renderer's previews alike.
 */

/** Calendar parts of a date in the office's time zone (UTC+8, no DST in China). */
export function chinaDateParts(date: Date): { year: number; month: number; day: number } {
  const shifted = new Date(date.getTime() + 8 * 3600_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** "2020年4月3日" — the 成文日期 / 印发日期 form. Accepts a Date or an ISO "YYYY-MM-DD" string. */
export function formatChineseDate(value: Date | string): string {
  const { year, month, day } = typeof value === 'string' ? parseIsoDay(value) : chinaDateParts(value);
  return `${year}年${month}月${day}日`;
}

/** "4月1日" — a day within a year already named in the sentence. */
export function formatChineseMonthDay(value: Date | string): string {
  const { month, day } = typeof value === 'string' ? parseIsoDay(value) : chinaDateParts(value);
  return `${month}月${day}日`;
}

/** "2021年4月1日至7月5日" (same year) or "2020年12月1日至2021年1月5日". */
export function formatChineseDateRange(start: Date | string, end: Date | string): string {
  const a = typeof start === 'string' ? parseIsoDay(start) : chinaDateParts(start);
  const b = typeof end === 'string' ? parseIsoDay(end) : chinaDateParts(end);
  const right = a.year === b.year ? `${b.month}月${b.day}日` : `${b.year}年${b.month}月${b.day}日`;
  return `${a.year}年${a.month}月${a.day}日至${right}`;
}

/** "2024-05-06 14:03" in UTC+8, for evidence capture times in tables. */
export function formatChinaDateTime(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const s = new Date(date.getTime() + 8 * 3600_000).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 19)}`;
}

/**
 * 发文字号: "湛府办〔2021〕16号". The year goes in 六角括号, the number has no 第 and no
 * leading zeros (GB/T 9704 §7.2.4).
 */
export function formatDocNumber(prefix: string, year: number, seq: number | string): string {
  const n = typeof seq === 'number' ? String(seq) : seq.replace(/^0+(?=\d)/u, '');
  return `${prefix}〔${year}〕${n}号`;
}

/** Chinese ordinal numerals used in headings: 1 → 一, 12 → 十二, 21 → 二十一 (up to 99). */
export function chineseNumeral(n: number): string {
  const digits = '零一二三四五六七八九';
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}

function parseIsoDay(text: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/u.exec(text);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new RangeError(`无法识别的日期：${text}`);
  return chinaDateParts(date);
}
