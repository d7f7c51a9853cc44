import { randomUUID } from 'node:crypto';
import type { CheckRunView } from '../../../shared/api/review';
import type { Progress, StatusListener } from './types';

interface Run {
  view: CheckRunView;
  controller: AbortController;
}

/** What a finished run hands the UI: suggestions stored, notes kept, how much of each site was covered. */
export interface RunOutcome {
  suggestions: number;
  notes?: CheckRunView['notes'];
  coverage?: string[];
}

/** The work of one run: logs progress, reports its live status, honours the signal, resolves with what it stored. */
export type RunWork = (progress: Progress, signal: AbortSignal, status: StatusListener) => Promise<number | RunOutcome>;

/**
 * Long check runs the UI follows by polling: each has an id, progress lines and
 * a fraction, and can be cancelled. Finished runs are kept (the last 20) so a
 * late poll still sees how a run ended.
 */
export class CheckRuns {
  private readonly runs = new Map<string, Run>();

  start(work: RunWork): string {
    const runId = randomUUID();
    const run: Run = {
      view: {
        runId,
        running: true,
        cancelled: false,
        lines: [],
        current: '',
        fraction: 0,
        suggestions: 0,
        notes: [],
        coverage: [],
        error: null,
      },
      controller: new AbortController(),
    };
    this.runs.set(runId, run);
    const advance = (fraction: number) => {
      run.view.fraction = Math.max(run.view.fraction, Math.min(1, fraction));
    };
    const progress: Progress = (line, fraction) => {
      run.view.lines = [...run.view.lines.slice(-199), line];
      if (fraction !== undefined) advance(fraction);
    };
    const status: StatusListener = ({ text, fraction }) => {
      if (!run.view.running) return;
      run.view.current = text;
      advance(fraction);
    };
    void work(progress, run.controller.signal, status).then(
      (outcome) => {
        const { suggestions, notes = [], coverage = [] } = typeof outcome === 'number' ? { suggestions: outcome } : outcome;
        run.view = {
          ...run.view,
          running: false,
          current: '',
          suggestions,
          notes,
          coverage,
          fraction: run.view.cancelled ? run.view.fraction : 1,
        };
      },
      (error: unknown) => {
        run.view = {
          ...run.view,
          running: false,
          current: '',
          error: run.view.cancelled ? null : error instanceof Error ? error.message : String(error),
        };
      },
    );
    this.prune();
    return runId;
  }

  status(runId: string): CheckRunView | undefined {
    return this.runs.get(runId)?.view;
  }

  cancel(runId: string): CheckRunView | undefined {
    const run = this.runs.get(runId);
    if (run?.view.running) {
      run.view = { ...run.view, cancelled: true, lines: [...run.view.lines, '已取消'] };
      run.controller.abort();
    }
    return run?.view;
  }

  private prune(): void {
    const done = [...this.runs.entries()].filter(([, r]) => !r.view.running);
    for (const [id] of done.slice(0, Math.max(0, done.length - 20))) this.runs.delete(id);
  }
}
