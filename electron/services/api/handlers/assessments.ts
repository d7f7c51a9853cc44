import { listRulesets } from '../../rulesets/load';
import { listLibrary } from '../../rulesets/library';
import { createInWorkspace, listWorkspace } from '../../workspace/workspace';
import type { HandlerDeps } from '../handlers';
import { handlersFor } from '../dispatch';

/** The workspace's assessments and the rulesets to create them from. */
export function assessmentHandlers(deps: HandlerDeps) {
  const opts = { nativeBinding: deps.nativeBinding, now: deps.now };
  return handlersFor({
    'rulesets/list': async () => [
      ...listRulesets().map((r) => ({ id: r.id, name: r.name, origin: 'built-in' as const, pending: 0 })),
      ...listLibrary(deps.workspaceDir).map((e) => ({
        id: e.id,
        name: `${e.name}（方案库 第${e.version}版）`,
        origin: 'library' as const,
        pending: e.pending,
      })),
    ],
    'assessments/list': async () => listWorkspace(deps.workspaceDir, opts),
    'assessments/create': async (input) => createInWorkspace(deps.workspaceDir, input, opts),
  });
}
