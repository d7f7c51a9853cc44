import type { HandlerDeps } from '../handlers';
import { handlersFor } from '../dispatch';

/** Calls about the host itself. */
export function appHandlers(deps: HandlerDeps) {
  return handlersFor({
    'app/info': async () => ({ version: deps.version, workspaceDir: deps.workspaceDir, mode: deps.mode }),
  });
}
