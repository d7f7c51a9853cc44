import { KaopingError } from '../../../../shared/errors';
import type { Ruleset } from '../../../../shared/ruleset/types';
import { listIndicators } from '../../../../shared/ruleset/walk';
import type { RulesetSavedView } from '../../../../shared/api/views';
import { listRulesets, parseRuleset } from '../../rulesets/load';
import { copyRuleset, importReportOf, listLibrary, loadFromLibrary, resolveRuleset, saveToLibrary, splitRef } from '../../rulesets/library';
import { importRulesetFile } from '../../rulesets/import-file';
import { adoptRulesetVersion } from '../../rulesets/adopt';
import { diffVersions, listVersions, saveVersionAsNew } from '../../rulesets/versions';
import type { HandlerDeps } from '../handlers';
import { handlersFor } from '../dispatch';
import { storeRunner, withUpload } from './common';

/** The workspace's ruleset library: list, open, import, save a version, copy; adoption by an assessment. */
export function rulesetHandlers(deps: HandlerDeps) {
  const ws = deps.workspaceDir;
  const withStore = storeRunner(deps);
  const saved = (r: Ruleset, version: number): RulesetSavedView => ({ id: r.id, version, pending: r.pending?.length ?? 0 });
  return handlersFor({
    'rulesets/library': async () => [
      ...listRulesets().map((r) => ({
        id: r.id,
        name: r.name,
        origin: 'built-in' as const,
        edition: r.version,
        versions: [],
        pending: 0,
        indicators: listIndicators(r).length,
      })),
      ...listLibrary(ws).map((e) => {
        const r = loadFromLibrary(ws, e.id);
        return {
          id: e.id,
          name: e.name,
          origin: 'library' as const,
          edition: r.version,
          versions: e.versions,
          pending: e.pending,
          basedOn: e.basedOn,
          indicators: listIndicators(r).length,
        };
      }),
    ],
    'rulesets/get': async (input) => {
      const ref = input.version ? `${splitRef(input.rulesetId).id}@${input.version}` : input.rulesetId;
      const ruleset = resolveRuleset(ref, { workspaceDir: ws });
      const version = ruleset.libraryVersion ?? null;
      return {
        ruleset,
        origin: version ? 'library' : 'built-in',
        version,
        importReport: version ? importReportOf(ws, ruleset.id, version) : null,
      };
    },
    'rulesets/importFile': (input) =>
      withUpload({ id: '', fileName: input.fileName, contentBase64: input.contentBase64 }, async (file) => {
        const result = await importRulesetFile(ws, file, { id: input.rulesetId, name: input.name, classes: input.classes });
        return { ...saved(result.ruleset, result.version), report: result.report };
      }),
    'rulesets/save': async (input) => {
      const ruleset = parseRuleset(JSON.stringify(input.ruleset), `考评方案“${String(input.ruleset.name ?? input.ruleset.id ?? '')}”`);
      const done = saveToLibrary(ws, ruleset, input.note || '在编辑器中保存');
      return saved(done.ruleset, done.version);
    },
    'rulesets/copy': async (input) => {
      const done = copyRuleset(ws, resolveRuleset(input.from, { workspaceDir: ws }), input.rulesetId, input.name);
      return saved(done.ruleset, done.version);
    },
    'assessment/rulesetStatus': (input) =>
      withStore(input.id, (store) => {
        const current = store.rulesetSnapshot();
        const entry = current.libraryVersion ? listLibrary(ws).find((e) => e.id === current.id) : undefined;
        return { rulesetId: current.id, libraryVersion: current.libraryVersion ?? null, latest: entry?.version ?? null };
      }),
    'assessment/adoptRuleset': (input) =>
      withStore(input.id, (store) => {
        const current = store.rulesetSnapshot();
        if (!current.libraryVersion)
          throw new KaopingError('adopt-built-in', `考评“${input.id}”使用内置方案 ${current.id}，没有方案库版本可采用`);
        return adoptRulesetVersion(store, loadFromLibrary(ws, current.id, input.version), input.reason);
      }),
    'rulesets/versions': async (input) => listVersions(ws, input.rulesetId),
    'rulesets/diff': async (input) => diffVersions(ws, input.rulesetId, input.from, input.to),
    'rulesets/saveVersionAs': async (input) => {
      const done = saveVersionAsNew(ws, input.rulesetId, input.version, input.note);
      return saved(done.ruleset, done.version);
    },
  });
}
