import { KaopingError } from '../../../../shared/errors';
import type { Ruleset } from '../../../../shared/ruleset/types';
import { resolveIndicator } from '../../../../shared/ruleset/walk';
import type { FindingStatus } from '../../../../shared/domain/types';
import { hashStoredFile } from '../../store/evidence-files';
import { downloadEvidence } from '../../evidence/download';
import type { AssessmentStore } from '../../store/types';
import { placesById, targetReview, toEvidenceView, toFindingView } from '../../review/target-review';
import type { HandlerDeps } from '../handlers';
import { storeRunner } from './common';

/** Checks that the rule exists on an indicator that applies to the target's kind. */
function checkRule(store: AssessmentStore, targetId: number, indicatorId: string, rule: number): void {
  const ruleset = store.rulesetSnapshot() as Ruleset;
  const place = resolveIndicator(ruleset, indicatorId, store.getTarget(targetId).kind);
  if (!place.indicator.rules.some((r) => r.n === rule)) throw new KaopingError('bad-rule', `指标“${place.path}”没有第 ${rule} 条评分细则（共 ${place.indicator.rules.length} 条）`);
}

/** The review workspace: one target's checklist, progress, and its findings. */
export function reviewHandlers(deps: HandlerDeps) {
  const withStore = storeRunner(deps);
  const findingView = (store: AssessmentStore, findingId: number) => toFindingView(store.getFinding(findingId), placesById(store.rulesetSnapshot() as Ruleset));

  return {
    'review/target': (input: { id: string; targetId: number }) => withStore(input.id, (store) => targetReview(store, input.id, input.targetId)),
    'review/markReviewed': (input: { id: string; targetId: number; indicatorId: string; reviewed: boolean }) =>
      withStore(input.id, (store) => {
        resolveIndicator(store.rulesetSnapshot() as Ruleset, input.indicatorId, store.getTarget(input.targetId).kind);
        store.setIndicatorReviewed(input.targetId, input.indicatorId, input.reviewed);
        return targetReview(store, input.id, input.targetId).progress;
      }),
    'findings/add': (input: { id: string; targetId: number; indicatorId: string; rule: number; count: number; note?: string; evidenceIds?: number[] }) =>
      withStore(input.id, (store) => {
        checkRule(store, input.targetId, input.indicatorId, input.rule);
        for (const e of input.evidenceIds ?? []) store.getEvidence(e);
        const f = store.addFinding({ targetId: input.targetId, indicatorId: input.indicatorId, rule: input.rule, count: input.count, note: input.note ?? '', status: 'confirmed', evidenceIds: input.evidenceIds ?? [] });
        return findingView(store, f.id);
      }),
    'findings/update': (input: { id: string; findingId: number; rule?: number; count?: number; note?: string; status?: FindingStatus; reason?: string }) =>
      withStore(input.id, (store) => {
        const before = store.getFinding(input.findingId);
        if (input.rule !== undefined) checkRule(store, before.targetId, before.indicatorId, input.rule);
        const patch = { rule: input.rule, count: input.count, note: input.note, status: input.status };
        const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
        store.updateFinding(input.findingId, defined, input.reason ?? '');
        return findingView(store, input.findingId);
      }),
    'findings/delete': (input: { id: string; findingId: number; reason: string }) =>
      withStore(input.id, (store) => {
        // Its evidence stays: deleting a finding never deletes evidence files.
        store.deleteFinding(input.findingId, input.reason);
        return { deleted: input.findingId };
      }),
    'findings/linkEvidence': (input: { id: string; findingId: number; evidenceId: number }) =>
      withStore(input.id, (store) => {
        store.linkEvidence(input.findingId, input.evidenceId);
        return findingView(store, input.findingId);
      }),
    'evidence/download': (input: { id: string; targetId: number; indicatorId?: string; findingId?: number; url: string }) =>
      withStore(input.id, async (store) => {
        const target = store.getTarget(input.targetId);
        const indicatorId = input.indicatorId ? resolveIndicator(store.rulesetSnapshot() as Ruleset, input.indicatorId, target.kind).indicator.id : undefined;
        return toEvidenceView(await downloadEvidence({ store, url: input.url, targetId: target.id, indicatorId, findingId: input.findingId }), input.id);
      }),
    'evidence/remove': (input: { id: string; evidenceId: number; reason: string }) =>
      withStore(input.id, (store) => {
        store.removeEvidence(input.evidenceId, input.reason);
        return { removed: input.evidenceId };
      }),
    'evidence/verify': (input: { id: string; evidenceId: number }) =>
      withStore(input.id, (store) => {
        const e = store.getEvidence(input.evidenceId);
        const hash = hashStoredFile(store.dir, e.file);
        const actual = hash === 'outside' ? null : hash;
        return { ok: actual === e.sha256, sha256: e.sha256, actual };
      }),
  };
}
