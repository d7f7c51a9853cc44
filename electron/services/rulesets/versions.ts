import { KaopingError } from '../../../shared/errors';
import type { Ruleset } from '../../../shared/ruleset/types';
import type { RulesetChange, RulesetVersionRow } from '../../../shared/api/views';
import { listIndicators } from '../../../shared/ruleset/walk';
import { diffRulesets } from './diff';
import { listLibrary, loadFromLibrary, saveToLibrary } from './library';

function entryOf(workspaceDir: string, id: string) {
  const entry = listLibrary(workspaceDir).find((e) => e.id === id);
  if (!entry) throw new KaopingError('unknown-ruleset', `考评方案库中没有“${id}”（内置方案没有版本）`);
  return entry;
}

/** Every version of a library ruleset, oldest first, with the note it was saved with. */
export function listVersions(workspaceDir: string, id: string): RulesetVersionRow[] {
  return entryOf(workspaceDir, id).versions.map((v) => {
    const r = loadFromLibrary(workspaceDir, id, v.version);
    return { ...v, name: r.name, edition: r.version, indicators: listIndicators(r).length, pending: r.pending?.length ?? 0 };
  });
}

/** What changed from version `from` to version `to` (either order; both must exist). */
export function diffVersions(workspaceDir: string, id: string, from: number, to: number): RulesetChange[] {
  return diffRulesets(loadFromLibrary(workspaceDir, id, from), loadFromLibrary(workspaceDir, id, to));
}

/**
 * "以此版本为基础另存为新版本": the content of an older version saved as the next
 * version. No version is ever overwritten; assessments that adopted a later
 * version keep their snapshot.
 */
export function saveVersionAsNew(workspaceDir: string, id: string, version: number, note: string): { ruleset: Ruleset; version: number } {
  const old = loadFromLibrary(workspaceDir, id, version);
  const latest = entryOf(workspaceDir, id).version;
  return saveToLibrary(workspaceDir, old, note.trim() || `以第 ${version} 版为基础另存（原最新为第 ${latest} 版）`);
}
