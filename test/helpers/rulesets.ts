import { loadRuleset } from '../../electron/services/rulesets/load';
import type { Ruleset } from '../../shared/ruleset/types';

const cache = new Map<string, Ruleset>();

/** A bundled ruleset, loaded and validated once per test file. */
export function ruleset(id: string): Ruleset {
  if (!cache.has(id)) cache.set(id, loadRuleset(id));
  return cache.get(id)!;
}
