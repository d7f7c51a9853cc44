import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { templateStamper } from '../../selfeval/template';
import { safeName } from '../../export/formats/evidence-pack';
import { importSelfEvaluations } from '../../selfeval/import-selfeval';
import { selfEvalDiff, writeDiffWorkbook } from '../../selfeval/diff';
import type { HandlerDeps } from '../handlers';
import { handlersFor } from '../dispatch';
import { storeRunner, withUpload } from './common';

/** Self-evaluation in the UI: a unit's template, importing its filled workbook, the diff. */
export function selfEvalHandlers(deps: HandlerDeps) {
  const withStore = storeRunner(deps);
  return handlersFor({
    'selfeval/template': (input) =>
      withStore(input.id, async (store) => {
        const target = store.getTarget(input.targetId);
        const relative = path.posix.join(input.id, 'exports', `${safeName(target.unit)}_自查自评表.xlsx`);
        const out = path.join(deps.workspaceDir, relative);
        mkdirSync(path.dirname(out), { recursive: true });
        writeFileSync(out, (await templateStamper(store.rulesetSnapshot(), store.info()))(target));
        return { file: relative, bytes: statSync(out).size };
      }),
    'selfeval/import': (input) =>
      withStore(input.id, (store) =>
        withUpload(input, async (file) => {
          const [result] = await importSelfEvaluations(store, [file]);
          return { ok: result!.ok, target: result!.target ?? null, scores: result!.scores, errors: result!.errors };
        }),
      ),
    'selfeval/diff': (input) => withStore(input.id, (store) => selfEvalDiff(store)),
    'selfeval/exportDiff': (input) =>
      withStore(input.id, async (store) => {
        const relative = path.posix.join(input.id, 'exports', '自评与评审得分对照.xlsx');
        const out = path.join(deps.workspaceDir, relative);
        mkdirSync(path.dirname(out), { recursive: true });
        await writeDiffWorkbook(selfEvalDiff(store), store.info().name, out);
        return { file: relative, bytes: statSync(out).size };
      }),
  });
}
