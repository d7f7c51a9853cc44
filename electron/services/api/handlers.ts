import type { Handlers } from './dispatch';
import { appHandlers } from './handlers/app';
import { assessmentHandlers } from './handlers/assessments';
import { assessmentScreenHandlers } from './handlers/assessment';
import { selfEvalHandlers } from './handlers/selfeval';

/** What the handler table needs from its host (Electron main or `kaoping serve`). */
export interface HandlerDeps {
  workspaceDir: string;
  mode: 'desktop' | 'browser';
  version: string;
  /** better-sqlite3 built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string;
  now?: () => Date;
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
  };
}
