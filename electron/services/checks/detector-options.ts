import type { DetectId, DetectOptions } from '../../../shared/checks/detects';
import type { Ruleset } from '../../../shared/ruleset/types';
import { listIndicators } from '../../../shared/ruleset/walk';

/**
 * The ruleset's reading of a detection (the `options` of every rule whose
 * `detects` names it, merged in ruleset order): where a rule is ambiguous,
 * the ruleset, not the code, says how to read it.
 */
export function detectOptions(ruleset: Ruleset, detect: DetectId): DetectOptions {
  const out: DetectOptions = {};
  for (const { indicator } of listIndicators(ruleset)) {
    for (const rule of indicator.rules) {
      for (const spec of rule.detects ?? [])
        if (typeof spec !== 'string' && spec.check === detect && spec.options) Object.assign(out, spec.options);
    }
  }
  return out;
}
