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
import { rulesetHandlers } from './handlers/rulesets';
import type { BrowserHost, OnVisit } from '../browse/types';

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
}

/**
 * The one handler table behind the API contract. Each feature contributes its
 * handlers; both transports (IPC and the HTTP bridge) dispatch into this table.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
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
    ...rulesetHandlers(deps),
  };
}
