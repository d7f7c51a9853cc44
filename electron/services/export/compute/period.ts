/** The period a document describes: its title words, its sampling window, its deadline. */
import { chineseNumeral, formatChineseDateRange, formatChineseMonthDay } from '../../../../shared/format/date';
import type { ExportMeta } from '../model';

/** "2021年第二季度", "2021年度", or the custom period as written (the year prefixed when missing). */
export function periodTitle(meta: ExportMeta): string {
  const period = meta.period?.trim();
  const quarter = /^q([1-4])$/iu.exec(period ?? '')?.[1] ?? (meta.quarter ? String(meta.quarter) : undefined);
  if (quarter) return `${meta.year}年第${chineseNumeral(Number(quarter))}季度`;
  if (!period || period === 'annual') return `${meta.year}年度`;
  return /^\d{4}年/u.test(period) ? period : `${meta.year}年${period}`;
}

/** The sampling window in full ("2021年4月1日至7月5日"), or undefined without one. */
export function samplingWindow(meta: ExportMeta): string | undefined {
  return meta.periodStart && meta.periodEnd ? formatChineseDateRange(meta.periodStart, meta.periodEnd) : undefined;
}

/** The window as the body's "于…对全市…" says it: "4月1日至7月5日" within one year; else the period title. */
export function samplingInBody(meta: ExportMeta): string {
  const { periodStart, periodEnd } = meta;
  if (!periodStart || !periodEnd) return periodTitle(meta);
  return periodStart.slice(0, 4) === periodEnd.slice(0, 4)
    ? `${formatChineseMonthDay(periodStart)}至${formatChineseMonthDay(periodEnd)}`
    : samplingWindow(meta)!;
}
