import type { Target } from '../../../shared/domain/types';
import type { AssessmentStore } from '../store/types';
import { checkWebsite, sitePlan, type WebsiteCheckOptions } from './check-website';
import { alreadyDecided, storeSuggestions, suggestionsFor, type Suggestion } from './suggest';
import { reviewNotes } from './review-notes';
import { describeCoverage, type CrawlCoverage } from './crawl';
import type { CheckNoteView } from '../../../shared/checks/notes';
import { wordListFor } from './word-lists';
import { readColumnOverrides } from './column-overrides';
import { settleMonitoringDate } from './monitoring-date';
import { detectOptions } from './detector-options';
import { SiteProgress, type SiteProgressOptions } from './site-progress';
import type { Progress, StatusListener } from './types';

/** Takes the screenshots of one suggestion's evidence (element outlined) and stores them; returns their evidence ids. */
export type EvidenceShooter = (target: Target, suggestion: Suggestion, progress: Progress) => Promise<number[]>;

export interface RunChecksInput {
  store: AssessmentStore;
  targets: readonly Target[];
  options: Omit<WebsiteCheckOptions, 'wordList'>;
  progress: Progress;
  /** The live line and fraction of the whole run, as pages are crawled and links checked (throttled). */
  onStatus?: StatusListener;
  /** How often the live status may change (default: at most five times a second). */
  statusEvery?: Partial<SiteProgressOptions>;
  signal?: AbortSignal;
  /** Without one (`--no-screenshots`), suggestions carry their evidence lists only. */
  shoot?: EvidenceShooter;
  /** The reviewer's monitoring date (YYYY-MM-DD), stored on the assessment; default: the stored one, else today. */
  monitoringDate?: string;
}

export interface RunChecksResult {
  suggestions: Suggestion[];
  /** What the checks saw that no rule scores, per target (also stored with the target). */
  notes: CheckNoteView[];
  /** How much of each site the crawl covered. */
  coverage: { targetId: number; target: string; coverage: CrawlCoverage }[];
  /** Suggestions this run left waiting for the reviewer (not those already confirmed or dismissed). */
  pending: number;
  /** Targets whose checks finished; a cancelled run keeps what it stored. */
  checked: number;
  cancelled: boolean;
}

/**
 * Checks each website and stores what it suggests, one target at a time, so a
 * cancelled run keeps the targets already done. Nothing here is scored: every
 * suggestion waits for a reviewer.
 */
export async function runChecks({
  store,
  targets,
  options,
  progress,
  onStatus,
  statusEvery,
  signal,
  shoot,
  monitoringDate,
}: RunChecksInput): Promise<RunChecksResult> {
  const asOf = settleMonitoringDate(store, options.now, monitoringDate);
  progress(`监测时间点：${asOf.toISOString().slice(0, 10)}（更新情况按此日判断）`);
  const ruleset = store.rulesetSnapshot();
  const footer = { contactLink: detectOptions(ruleset, 'footer.identity').contactLink === true };
  const everyone = store.listTargets();
  const wordList = options.only.includes('content') ? wordListFor(store.dir) : undefined;
  const freshness = { ...options.freshness, columnOverrides: { ...readColumnOverrides(store.dir), ...options.freshness?.columnOverrides } };
  const sites = targets.filter((t) => t.kind === 'website' && t.url);
  const suggestions: Suggestion[] = [];
  const notes: CheckNoteView[] = [];
  const coverage: RunChecksResult['coverage'] = [];
  let checked = 0;
  let pending = 0;
  for (const [i, target] of sites.entries()) {
    if (signal?.aborted) break;
    const share = (f = 0) => (i + f) / sites.length;
    const name = target.name || target.unit;
    const which = sites.length > 1 ? `（第 ${i + 1}/${sites.length} 个网站）` : '';
    const site = new SiteProgress(
      sitePlan(options.only, !!shoot),
      (f, counts) => onStatus?.({ text: `正在检查 ${name}${which}：${counts}`, fraction: share(f) }),
      statusEvery,
    );
    progress(`检查 ${name}（${target.url}）`, share());
    let result;
    try {
      result = await checkWebsite(
        target.url!,
        { ...options, asOf, wordList, freshness, footer },
        (line, f) => progress(`  ${line}`, share(f ?? 0)),
        signal,
        site,
      );
    } catch (error) {
      if (signal?.aborted) break;
      throw error;
    }
    for (const note of result.notes) progress(`  ${note.ok ? '✓' : '！'} ${note.text}`);
    const found = suggestionsFor(ruleset, target, result.observations, everyone);
    const kept = reviewNotes(ruleset, target, result.observations, found, result.notes, options.now.toISOString());
    if (shoot) {
      // Confirmed or dismissed already: the reviewer has the evidence they need.
      const undecided = found.filter((s) => s.evidence.length > 0 && !alreadyDecided(store, s));
      site.begin('shots');
      site.shots(0, undecided.length);
      for (const [n, s] of undecided.entries()) {
        if (signal?.aborted) break;
        s.evidenceIds = await shoot(target, s, progress);
        site.shots(n + 1, undecided.length);
      }
    }
    // A run cancelled while taking screenshots stores nothing for this target: its work is unfinished.
    if (signal?.aborted) break;
    const stored = storeSuggestions(store, found, options.now.toISOString()).length;
    pending += stored;
    store.replaceCheckNotes(target.id, [...options.only, ...(result.coverage ? ['crawl'] : [])], kept);
    suggestions.push(...found);
    notes.push(...kept);
    if (result.coverage) {
      coverage.push({ targetId: target.id, target: target.name || target.unit, coverage: result.coverage });
      progress(`  ${describeCoverage(result.coverage)}`);
    }
    checked++;
    site.finish();
    progress(`  ${found.length} 条建议（${stored} 条待确认），${kept.length} 条未计分的提示`, share(1));
  }
  return { suggestions, pending, notes, coverage, checked, cancelled: signal?.aborted ?? false };
}
