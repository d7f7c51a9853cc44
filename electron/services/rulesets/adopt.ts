import { KaopingError } from '../../../shared/errors';
import type { Indicator, Ruleset } from '../../../shared/ruleset/types';
import type { AssessmentStore } from '../store/types';
import { assertUsable } from './library';

function indicatorsById(ruleset: Ruleset): Map<string, Indicator> {
  const out = new Map<string, Indicator>();
  const visit = (i: Indicator) => {
    out.set(i.id, i);
    for (const c of i.children ?? []) visit(c);
  };
  for (const part of ruleset.parts) for (const section of part.sections) for (const i of section.indicators) visit(i);
  return out;
}

/**
 * Makes an assessment use another version of its ruleset. Refused when a target's
 * class or a finding's indicator or rule would no longer exist (listing each), or
 * when the version still has open questions; recorded in the history with the reason.
 */
export function adoptRulesetVersion(store: AssessmentStore, next: Ruleset, reason: string): { from: string; to: string } {
  if (!reason.trim()) throw new KaopingError('reason-required', '采用新版本考评方案须填写原因');
  assertUsable(next);
  const current = store.rulesetSnapshot();
  const classes = new Set(next.classes.map((c) => c.id));
  const indicators = indicatorsById(next);
  const problems: string[] = [];
  for (const t of store.listTargets())
    if (!classes.has(t.classId)) problems.push(`考评对象 #${t.id} ${t.name} 的类别 ${t.classId} 在新版本中不存在`);
  for (const f of store.listFindings()) {
    const ind = indicators.get(f.indicatorId);
    if (!ind) problems.push(`问题记录 #${f.id} 的指标 ${f.indicatorId} 在新版本中不存在`);
    else if (!ind.rules.some((r) => r.n === f.rule))
      problems.push(`问题记录 #${f.id}：指标“${ind.name}”在新版本中没有第 ${f.rule} 条评分细则`);
  }
  if (problems.length)
    throw new KaopingError('adopt-mismatch', `不能采用“${next.name}”${label(next)}：已有数据与新版本不符，未作任何改动`, problems);
  store.adoptRuleset(next.id, next, reason.trim());
  return { from: `${current.id} ${label(current)}`, to: `${next.id} ${label(next)}` };
}

/** "第 3 版" for library versions, the edition otherwise. */
export function label(r: Ruleset): string {
  return r.libraryVersion ? `第 ${r.libraryVersion} 版` : `（${r.version}）`;
}
