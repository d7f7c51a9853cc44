import { KaopingError } from '../../../../shared/errors';
import { resolveIndicator } from '../../../../shared/ruleset/walk';
import { hashStoredFile } from '../../store/evidence-files';
import { downloadEvidence } from '../../evidence/download';
import type { AssessmentStore } from '../../store/types';
import { placesById, reviewProgress, targetReview, toEvidenceView, toFindingView } from '../../review/target-review';
import type { HandlerDeps } from '../handlers';
import { handlersFor } from '../dispatch';
import { storeRunner } from './common';
import { runOnce, runOnceAsync } from '../../review/user-action';
import { targetOfFinding, withDelta } from '../../review/target-delta';

/** Checks that the rule exists on an indicator that applies to the target's kind. */
function checkRule(store: AssessmentStore, targetId: number, indicatorId: string, rule: number): void {
  const ruleset = store.rulesetSnapshot();
  const place = resolveIndicator(ruleset, indicatorId, store.getTarget(targetId).kind);
  if (!place.indicator.rules.some((r) => r.n === rule))
    throw new KaopingError('bad-rule', `指标“${place.path}”没有第 ${rule} 条评分细则（共 ${place.indicator.rules.length} 条）`);
}

/** The review workspace: one target's checklist, progress, and its findings. */
export function reviewHandlers(deps: HandlerDeps) {
  const withStore = storeRunner(deps);
  const findingView = (store: AssessmentStore, findingId: number) =>
    toFindingView(store.getFinding(findingId), placesById(store.rulesetSnapshot()));

  return handlersFor({
    'review/target': (input) => withStore(input.id, (store, open) => targetReview(store, input.id, input.targetId, open.scores)),
    'review/markReviewed': (input) =>
      withStore(input.id, (store, open) =>
        withDelta(open, input.targetId, () => {
          resolveIndicator(store.rulesetSnapshot(), input.indicatorId, store.getTarget(input.targetId).kind);
          store.setIndicatorReviewed(input.targetId, input.indicatorId, input.reviewed);
          return reviewProgress(store, input.targetId);
        }),
      ),
    'findings/add': (input) =>
      withStore(input.id, (store, open) =>
        withDelta(open, input.targetId, () =>
          runOnce(store, 'findings/add', input.actionId, () => {
            checkRule(store, input.targetId, input.indicatorId, input.rule);
            const f = store.addFinding({
              targetId: input.targetId,
              indicatorId: input.indicatorId,
              rule: input.rule,
              count: input.count,
              note: input.note ?? '',
              status: 'confirmed',
              evidenceIds: input.evidenceIds ?? [],
            });
            return findingView(store, f.id);
          }),
        ),
      ),
    'findings/update': (input) =>
      withStore(input.id, (store, open) =>
        withDelta(open, targetOfFinding(store, input.findingId), () =>
          runOnce(store, 'findings/update', input.actionId, () => {
            const before = store.getFinding(input.findingId);
            if (input.rule !== undefined) checkRule(store, before.targetId, before.indicatorId, input.rule);
            const patch = { rule: input.rule, count: input.count, note: input.note, status: input.status };
            const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
            store.updateFinding(input.findingId, defined, input.reason ?? '');
            return findingView(store, input.findingId);
          }),
        ),
      ),
    'findings/delete': (input) =>
      withStore(input.id, (store, open) =>
        withDelta(
          open,
          (r) => r.targetId,
          () =>
            runOnce(store, 'findings/delete', input.actionId, () => {
              const { targetId } = store.getFinding(input.findingId);
              // Its evidence stays: deleting a finding never deletes evidence files.
              store.deleteFinding(input.findingId, input.reason);
              return { deleted: input.findingId, targetId: targetId as number | undefined };
            }),
        ),
      ),
    'findings/restore': (input) =>
      withStore(input.id, (store, open) =>
        withDelta(
          open,
          (f) => targetOfFinding(store, f.id),
          () =>
            runOnce(store, 'findings/restore', input.actionId, () =>
              findingView(store, store.restoreFinding(input.findingId, input.reason).id),
            ),
        ),
      ),
    'findings/linkEvidence': (input) =>
      withStore(input.id, (store) =>
        runOnce(store, 'findings/linkEvidence', input.actionId, () => {
          store.linkEvidence(input.findingId, input.evidenceId);
          return findingView(store, input.findingId);
        }),
      ),
    'evidence/download': (input) =>
      withStore(input.id, (store) =>
        runOnceAsync(store, 'evidence/download', input.actionId, async () => {
          const target = store.getTarget(input.targetId);
          const indicatorId = input.indicatorId
            ? resolveIndicator(store.rulesetSnapshot(), input.indicatorId, target.kind).indicator.id
            : undefined;
          return toEvidenceView(
            await downloadEvidence({ store, url: input.url, targetId: target.id, indicatorId, findingId: input.findingId }),
            input.id,
          );
        }),
      ),
    'evidence/remove': (input) =>
      withStore(input.id, (store) =>
        runOnce(store, 'evidence/remove', input.actionId, () => {
          store.removeEvidence(input.evidenceId, input.reason);
          return { removed: input.evidenceId };
        }),
      ),
    'evidence/verify': (input) =>
      withStore(input.id, (store) => {
        const e = store.getEvidence(input.evidenceId);
        const hash = hashStoredFile(store.dir, e.file);
        const actual = hash === 'outside' ? null : hash;
        return { ok: actual === e.sha256, sha256: e.sha256, actual };
      }),
  });
}
