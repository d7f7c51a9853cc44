import type { Indicator, Rule } from '../ruleset/types';
import { div, frac, min as fmin, mul, times, ZERO, type Fraction } from './fraction';

/** The signed value of one finding under its rule, before the indicator cap. */
export function ruleValue(rule: Rule, weight: Fraction, count: number): Fraction {
  const pts = frac(rule.points ?? 0);
  let value: Fraction;
  switch (rule.kind) {
    case 'fixed':
    case 'fixed-bonus':
      value = pts;
      break;
    case 'per-occurrence':
    case 'per-occurrence-bonus':
      value = times(pts, count);
      break;
    case 'zero':
      value = weight;
      break;
    case 'percent':
      value = times(mul(weight, div(frac(rule.percent ?? 0), frac(100))), rule.perOccurrence ? count : 1);
      break;
    case 'tiered-bonus': {
      const tier = tierFor(rule, count);
      value = tier ? frac(tier.points) : ZERO;
      break;
    }
    case 'veto':
      return ZERO;
  }
  return rule.cap !== undefined ? fmin(value, frac(rule.cap)) : value;
}

/** The tier a count reaches: the highest `min` it meets (the first listed among equal ones). */
export function tierFor(rule: Rule, count: number): { min: number; points: number } | undefined {
  return [...(rule.tiers ?? [])].sort((a, b) => b.min - a.min).find((t) => count >= t.min);
}

/** What a problem list shows for a rule: its short phrase, else its text without the number. */
export function ruleSummary(rule: Rule): string {
  if (rule.problem) return rule.problem;
  const text = rule.text.replace(/^\d+[.．、]\s*/u, '');
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Why a finding vetoes: the indicator, and the rule when the finding names one it has. */
export function vetoReason(indicator: Indicator, rule: Rule | undefined): string {
  return `${indicator.name}${rule ? `：${ruleSummary(rule)}` : ''}`;
}
