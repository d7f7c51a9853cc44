import type { Target } from '../../../../shared/domain/types';
import type { AssessmentStore } from '../../store/types';
import { storeSuggestions, suggestionsFor, type Suggestion } from '../suggest';
import { monitorObservations, monitorShortfalls, summariseMonitor } from './summary';

export interface MonitorReportRow {
  targetId: number;
  target: string;
  attempts: number;
  failures: number;
  ratio: number;
  /** Where the recorded period falls short of the rule's week of 20 visits a day. */
  notes: string[];
}

/**
 * What is recorded for each site, and the suggestions it leads to (stored, never
 * scored until confirmed): the CLI's report and the app's stop both end here.
 */
export function monitorReport(
  store: AssessmentStore,
  sites: readonly Target[],
  everyone: readonly Target[],
  checkedAt: string,
): { rows: MonitorReportRow[]; findings: Suggestion[] } {
  const ruleset = store.rulesetSnapshot();
  const rows: MonitorReportRow[] = [];
  const findings: Suggestion[] = [];
  for (const target of sites) {
    const summary = summariseMonitor(store.listMonitorAttempts(target.id))[0];
    if (!summary) {
      rows.push({ targetId: target.id, target: target.name, attempts: 0, failures: 0, ratio: 0, notes: ['尚无监测记录'] });
      continue;
    }
    rows.push({
      targetId: target.id,
      target: target.name,
      attempts: summary.attempts,
      failures: summary.failures,
      ratio: summary.ratio,
      notes: monitorShortfalls(summary),
    });
    const suggestions = suggestionsFor(ruleset, target, monitorObservations(summary, { url: target.url ?? '' }), everyone);
    storeSuggestions(store, suggestions, checkedAt);
    findings.push(...suggestions);
  }
  return { rows, findings };
}
