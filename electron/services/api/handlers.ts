import type { Handlers } from './dispatch';
import { appHandlers } from './handlers/app';
import { assessmentHandlers } from './handlers/assessments';
import { assessmentScreenHandlers } from './handlers/assessment';
import { selfEvalHandlers } from './handlers/selfeval';
import { reviewHandlers } from './handlers/review';
import { browserHandlers } from './handlers/browser';
import { newMediaHandlers } from './handlers/newmedia';
import { monitorHandlers } from './handlers/monitor';
import { checksHandlers } from './handlers/checks';
import { reviewRequestHandlers } from './handlers/review-requests';
import { findingsImportHandlers } from './handlers/findings-import';
import { rulesetHandlers } from './handlers/rulesets';
import type { BrowserHost, OnVisit } from '../browse/types';
import { OpenAssessments } from './open-assessments';

/** What the handler table needs from its host (Electron main or `kaoping serve`). */
export interface HandlerDeps {
  workspaceDir: string;
  mode: 'desktop' | 'browser';
  version: string;
  /** better-sqlite3 built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string;
  now?: () => Date;
  /**
   * Creates the embedded browser on first use: the WebContentsView host in the
   * desktop app, puppeteer-core on a system Chromium in browser mode.
   */
  browser?: (onVisit: OnVisit) => BrowserHost;
  /** Assessments kept open between calls; createHandlers makes one when the host gives none. */
  assessments?: OpenAssessments;
}

/**
 * The one handler table behind the API contract. Each feature contributes its
 * handlers; both transports (IPC and the HTTP bridge) dispatch into this table.
 */
export function createHandlers(hostDeps: HandlerDeps): Handlers {
  const deps = {
    ...hostDeps,
    assessments:
      hostDeps.assessments ?? new OpenAssessments(hostDeps.workspaceDir, { nativeBinding: hostDeps.nativeBinding, now: hostDeps.now }),
  };
  return {
    ...appHandlers(deps),
    ...assessmentHandlers(deps),
    ...assessmentScreenHandlers(deps),
    ...selfEvalHandlers(deps),
    ...reviewHandlers(deps),
    ...browserHandlers(deps),
    ...newMediaHandlers(deps),
    ...monitorHandlers(deps),
    ...checksHandlers(deps),
    ...reviewRequestHandlers(deps),
    ...findingsImportHandlers(deps),
    ...rulesetHandlers(deps),
  };
}
