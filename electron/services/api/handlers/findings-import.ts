import type { FindingsImportView } from '../../../../shared/api/views';
import { describeIssue } from '../../import/targets/import-targets';
import { importFindings, previewFindings } from '../../import/findings/import-findings';
import type { AssessmentStore } from '../../store/types';
import type { HandlerDeps } from '../handlers';
import { handlersFor } from '../dispatch';
import { storeRunner, withUpload, type Upload } from './common';

/** What a findings spreadsheet holds: how many findings on how many targets, and every error. */
async function preview(store: AssessmentStore, input: Upload): Promise<FindingsImportView> {
  return withUpload(input, async (file) => {
    const parsed = await previewFindings(store, file);
    return {
      ok: parsed.errors.length === 0,
      findings: parsed.findings.length,
      targets: new Set(parsed.findings.map((f) => f.targetId)).size,
      errors: parsed.errors.map((e) => describeIssue(file, e)),
    };
  });
}

/** Findings in bulk from a spreadsheet: preview, then all or nothing. */
export function findingsImportHandlers(deps: HandlerDeps) {
  const withStore = storeRunner(deps);
  return handlersFor({
    'findings/previewImport': (input) => withStore(input.id, (store) => preview(store, input)),
    'findings/import': (input) =>
      withStore(input.id, async (store) => {
        const checked = await preview(store, input);
        if (!checked.ok) return checked;
        const added = await withUpload(input, (file) => importFindings(store, file));
        return { ...checked, findings: added.length };
      }),
  });
}
