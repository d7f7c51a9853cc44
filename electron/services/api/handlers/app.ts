import type { HandlerDeps } from '../handlers';

/** Calls about the host itself. */
export function appHandlers(deps: HandlerDeps) {
  return {
    'app/info': async () => ({ version: deps.version, workspaceDir: deps.workspaceDir, mode: deps.mode }),
  };
}
