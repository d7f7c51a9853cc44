import type { MonitorAttempt } from '../../../../shared/domain/types';
import type { Observation } from '../types';

/** The rule: "监测1周，每天间隔性访问20次以上 … 占比超过（含）5%". */
export const RULE_DAYS = 7;
export const RULE_PER_DAY = 20;
export const VETO_RATIO = 0.05;

/** A target's monitoring so far. */
export interface MonitorSummary {
  targetId: number;
  attempts: number;
  failures: number;
  /** failures / attempts; 0 without attempts. */
  ratio: number;
  /** First and last attempt (ISO), null without attempts. */
  from: string | null;
  to: string | null;
  /** Days the visits cover: first to last plus one average interval, so 140 visits spread over a week count as 7. */
  days: number;
  /** The failed attempts, oldest first. */
  failed: MonitorAttempt[];
}

const DAY_MS = 86_400_000;

/** Beijing wall-clock time of an ISO instant, as reviewers read it. */
function beijing(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A period in the unit a reviewer would use: 7 天, 2.4 小时, 1.7 秒. */
export function formatPeriod(days: number): string {
  const round = (n: number) => Math.round(n * 10) / 10;
  if (days >= 1) return `${Math.round(days * 100) / 100} 天`;
  if (days * 24 >= 1) return `${round(days * 24)} 小时`;
  if (days * 1440 >= 1) return `${round(days * 1440)} 分钟`;
  return `${round(days * 86_400)} 秒`;
}

/** Per target (by id), what its recorded attempts add up to. */
export function summariseMonitor(attempts: readonly MonitorAttempt[]): MonitorSummary[] {
  const byTarget = new Map<number, MonitorAttempt[]>();
  for (const a of attempts) byTarget.set(a.targetId, [...(byTarget.get(a.targetId) ?? []), a]);
  return [...byTarget.entries()]
    .sort(([a], [b]) => a - b)
    .map(([targetId, list]) => {
      const sorted = [...list].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      const n = sorted.length;
      const span = n > 1 ? Date.parse(sorted[n - 1]!.at) - Date.parse(sorted[0]!.at) : 0;
      const failed = sorted.filter((a) => !a.ok);
      return {
        targetId,
        attempts: n,
        failures: failed.length,
        ratio: n ? failed.length / n : 0,
        from: sorted[0]?.at ?? null,
        to: sorted[n - 1]?.at ?? null,
        days: n > 1 ? (span * n) / (n - 1) / DAY_MS : 0,
        failed,
      };
    });
}

/** Where the monitoring falls short of the rule's week of 20 visits a day, in Chinese. */
export function monitorShortfalls(summary: MonitorSummary): string[] {
  if (summary.attempts < 2) return [`仅访问 ${summary.attempts} 次，无法按天计算`];
  const out: string[] = [];
  const perDay = Math.round((summary.attempts / summary.days) * 10) / 10;
  if (Math.round(summary.days * 100) / 100 < RULE_DAYS) out.push(`监测仅 ${formatPeriod(summary.days)}，短于方案规定的 1 周`);
  if (perDay < RULE_PER_DAY) out.push(`平均每天访问 ${perDay} 次，少于方案规定的 ${RULE_PER_DAY} 次`);
  return out;
}

/** Options of monitorObservations. */
export interface MonitorObservationOptions {
  /** The veto line, inclusive ("超过（含）5%"). */
  threshold?: number;
  /** The monitored home page, for the evidence items. */
  url?: string;
}

/**
 * `monitor.unreachable` when the failure ratio reaches the threshold, counting
 * the failures, with every failed attempt as evidence. The summary says when
 * the period or the visits per day fall short of the rule, so the reviewer
 * weighs the suggestion accordingly.
 */
export function monitorObservations(summary: MonitorSummary, options: MonitorObservationOptions = {}): Observation[] {
  const threshold = options.threshold ?? VETO_RATIO;
  // 7/140 must count as 5%: compare with a tolerance for floating point.
  if (!summary.failures || summary.ratio < threshold - 1e-12) return [];
  const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;
  const period = summary.from && summary.to ? `${beijing(summary.from)} 至 ${beijing(summary.to)}` : '';
  const shortfalls = monitorShortfalls(summary);
  const text =
    `监测 ${period}（约 ${formatPeriod(summary.days)}）共访问首页 ${summary.attempts} 次，打不开 ${summary.failures} 次，占 ${pct(summary.ratio)}，` +
    `达到 ${pct(threshold)} 的否决线${shortfalls.length ? `；注意：${shortfalls.join('，')}` : ''}`;
  return [
    {
      detect: 'monitor.unreachable',
      count: summary.failures,
      summary: text,
      items: summary.failed.map((a) => ({ url: options.url ?? '', text: beijing(a.at), reason: a.error || `HTTP ${a.status}` })),
    },
  ];
}
