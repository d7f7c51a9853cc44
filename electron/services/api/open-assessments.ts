import { openInWorkspace } from '../workspace/workspace';
import { ScoreCache } from '../scoring/score-cache';
import type { AssessmentStore, OpenOptions } from '../store/types';

/** An assessment the host keeps open between requests: one connection and its score cache. */
export interface OpenAssessment {
  store: AssessmentStore;
  scores: ScoreCache;
}

const everyRegistry = new Set<OpenAssessments>();

/**
 * The assessments a host (the desktop app or `kaoping serve`) has open. Opening
 * a store and scoring every target on each request made a click cost grow with
 * the assessment; kept open, a request costs what it touches. Other processes
 * (the CLI) may write to the same folder: SQLite's WAL shows their commits, and
 * the score cache catches up from the history chain.
 */
export class OpenAssessments {
  private readonly open = new Map<string, OpenAssessment>();

  constructor(
    private readonly workspaceDir: string,
    private readonly opts: OpenOptions,
  ) {
    everyRegistry.add(this);
  }

  get(id: string): OpenAssessment {
    let hit = this.open.get(id);
    if (!hit) {
      const store = openInWorkspace(this.workspaceDir, id, this.opts);
      hit = { store, scores: new ScoreCache(store) };
      this.open.set(id, hit);
    }
    return hit;
  }

  closeAll(): void {
    for (const { store } of this.open.values()) store.close();
    this.open.clear();
    everyRegistry.delete(this);
  }
}

/** Closes every assessment any host of this process has open (on quit). */
export function closeOpenAssessments(): void {
  for (const registry of [...everyRegistry]) registry.closeAll();
}
