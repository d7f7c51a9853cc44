import path from 'node:path';
import type { MonitorStatusView } from '../../../../shared/api/views';
import { MonitorScheduler } from '../../checks/monitor/monitor';
import { monitorReport } from '../../checks/monitor/report';
import { monitorShortfalls, summariseMonitor } from '../../checks/monitor/summary';
import { openInWorkspace } from '../../workspace/workspace';
import type { HandlerDeps } from '../handlers';
import { handlersFor } from '../dispatch';
import { storeRunner } from './common';

/**
 * Availability monitoring on a background schedule in the host process. The run
 * keeps its own store connection open until it ends; when it ends (or the
 * reviewer stops it) the report stores its suggestions.
 */
export function monitorHandlers(deps: HandlerDeps) {
  const withStore = storeRunner(deps);
  const opts = { nativeBinding: deps.nativeBinding, now: deps.now };
  const scheduler = (id: string) => MonitorScheduler.forFolder(path.join(deps.workspaceDir, path.basename(id)));

  const status = (id: string) =>
    withStore(id, (store): MonitorStatusView => {
      const s = scheduler(id).status();
      const names = new Map(store.listTargets().map((t) => [t.id, t.name || t.unit]));
      return {
        running: s.running,
        startedAt: s.startedAt,
        nextAt: s.nextAt,
        targets: summariseMonitor(store.listMonitorAttempts()).map((m) => ({
          targetId: m.targetId,
          name: names.get(m.targetId) ?? String(m.targetId),
          attempts: m.attempts,
          failures: m.failures,
          ratio: m.ratio,
          shortfalls: monitorShortfalls(m),
        })),
      };
    });

  return handlersFor({
    'monitor/start': async (input) => {
      const store = openInWorkspace(deps.workspaceDir, input.id, opts);
      try {
        const everyone = store.listTargets();
        const sites = everyone.filter((t) => t.kind === 'website' && t.url);
        scheduler(input.id).start({
          store,
          targets: sites,
          days: input.days,
          perDay: input.perDay,
          timeoutMs: input.timeoutSeconds * 1000,
          onFinish: () => {
            try {
              monitorReport(store, sites, everyone, (deps.now?.() ?? new Date()).toISOString());
            } finally {
              store.close();
            }
          },
        });
      } catch (error) {
        store.close();
        throw error;
      }
      return status(input.id);
    },
    'monitor/status': (input) => status(input.id),
    'monitor/stop': async (input) => {
      await scheduler(input.id).stop();
      return status(input.id);
    },
  });
}
