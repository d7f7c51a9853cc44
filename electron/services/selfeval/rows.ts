import type { Ruleset } from '../../../shared/ruleset/types';
import { listIndicators, type IndicatorPlace } from '../../../shared/ruleset/walk';

/** One row of the self-evaluation form: a scorable indicator of a website target. */
export interface SelfEvalRow {
  place: IndicatorPlace;
  /** 一级指标 (the section) and 二级指标 (with 三级 after a slash where present). */
  level1: string;
  level2: string;
  rulesText: string;
  max: number;
  /** Bonus indicators are claimed as points earned, the others as points kept. */
  bonus: boolean;
}

/** The rows units fill in: every basic and bonus indicator, in ruleset order. */
export function selfEvalRows(ruleset: Ruleset): SelfEvalRow[] {
  return listIndicators(ruleset, 'website')
    .filter((p) => p.part.kind === 'basic' || p.part.kind === 'bonus')
    .map((place) => {
      const [level1, ...rest] = place.path.split('/');
      return {
        place,
        level1: place.part.kind === 'bonus' ? `${level1}（${place.part.name}）` : level1!,
        level2: rest.join('/'),
        rulesText: place.indicator.rules.map((r) => `${r.n}.${r.text.replace(/^\d+[.．、]\s*/u, '')}`).join('\n'),
        max: place.indicator.weight,
        bonus: place.part.kind === 'bonus',
      };
    });
}
