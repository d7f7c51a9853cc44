import { KaopingError } from '../../../../shared/errors';
import { CHECK_NAMES } from '../../../../shared/checks/check-names';
import { CheckRuns } from '../../checks/check-runs';
import { DEFAULT_WEBSITE_CHECK } from '../../checks/check-website';
import { createEvidenceShooter } from '../../checks/evidence-shots';
import { runChecks } from '../../checks/run-checks';
import { parseMonitoringDate } from '../../checks/monitoring-date';
import { beijingDay, isoDay } from '../../checks/pub-dates';
import { describeCoverage } from '../../checks/crawl-coverage';
import { openInWorkspace } from '../../workspace/workspace';
import type { HandlerDeps } from '../handlers';
import { handlersFor } from '../dispatch';

/** Automated checks from the UI: a background run per request, followed by polling, cancellable. */
export function checksHandlers(deps: HandlerDeps) {
  const runs = new CheckRuns();
  const opts = { nativeBinding: deps.nativeBinding, now: deps.now };
  const known = (runId: string) => {
    const view = runs.status(runId);
    if (!view) throw new KaopingError('unknown-run', '找不到该检查任务（可能已过期）');
    return view;
  };

  return handlersFor({
    'checks/start': async (input) => {
      const store = openInWorkspace(deps.workspaceDir, input.id, opts);
      let targets;
      try {
        targets = input.targetIds.map((t) => store.getTarget(t)).filter((t) => t.kind === 'website' && t.url);
        if (!targets.length) throw new KaopingError('no-websites', '所选对象中没有带网址的网站');
      } catch (error) {
        store.close();
        throw error;
      }
      const runId = runs.start(async (progress, signal, status) => {
        const shooter = createEvidenceShooter(store);
        try {
          const options = { ...DEFAULT_WEBSITE_CHECK, only: input.only ?? CHECK_NAMES, now: deps.now?.() ?? new Date() };
          const result = await runChecks({ store, targets, options, progress, onStatus: status, signal, shoot: shooter.shoot });
          return {
            suggestions: result.pending,
            notes: result.notes,
            coverage: result.coverage.map((c) => `${c.target}：${describeCoverage(c.coverage)}`),
          };
        } finally {
          await shooter.close();
          store.close();
        }
      });
      return { runId };
    },
    'checks/status': async (input) => known(input.runId),
    'checks/cancel': async (input) => {
      known(input.runId);
      return runs.cancel(input.runId)!;
    },
    'checks/monitoringDate': async (input) => {
      const store = openInWorkspace(deps.workspaceDir, input.id, opts);
      try {
        return { date: store.info().monitoringDate, today: isoDay(beijingDay(deps.now?.() ?? new Date())) };
      } finally {
        store.close();
      }
    },
    'checks/setMonitoringDate': async (input) => {
      const store = openInWorkspace(deps.workspaceDir, input.id, opts);
      try {
        const date = parseMonitoringDate(input.date);
        if (store.info().monitoringDate !== date) store.updateInfo({ monitoringDate: date });
        return { date };
      } finally {
        store.close();
      }
    },
    'checks/notes': async (input) => {
      const store = openInWorkspace(deps.workspaceDir, input.id, opts);
      try {
        store.getTarget(input.targetId);
        return store.listCheckNotes(input.targetId);
      } finally {
        store.close();
      }
    },
  });
}
