import type { Indicator, Ruleset } from './types';
import { frac, sum, cmp, show } from '../scoring/fraction';
import { checkDetects, checkGradeLines, checkResultsSettings } from './check-scoring';

/** One problem of a ruleset, located so the editor can point at the row. */
export interface RulesetProblem {
  /** "健康情况/可用性" or "权重转移“…”": where a person finds it. */
  where: string;
  message: string;
  /** The node it concerns: an indicator, section or part id, when there is one. */
  nodeId?: string;
  /** The rule number within `nodeId`, when the problem is one rule's. */
  rule?: number;
  /** A settings area the editor shows on its own tab ('grades': grade lines and ranking). */
  area?: 'grades';
  /** The row within the area ("class:county#1": the second line of that class's grade lines). */
  row?: string;
}

/**
 * Problems the schema cannot see: unique ids, weights adding up (三级 to 二级,
 * indicators to 一级, sections to the part), transfers and classes that resolve.
 * Shared by the loader and the editor's live validation.
 */
export function checkRuleset(ruleset: Ruleset): RulesetProblem[] {
  const problems: RulesetProblem[] = [];
  const ids = new Set<string>();
  const classIds = new Set<string>();
  for (const c of ruleset.classes) {
    if (classIds.has(c.id)) problems.push({ where: `类别 ${c.label}`, message: `类别编号 ${c.id} 重复`, nodeId: c.id });
    classIds.add(c.id);
  }
  const checkClasses = (where: string, nodeId: string, classes: string[] | undefined) => {
    for (const cls of classes ?? []) if (!classIds.has(cls)) problems.push({ where, message: `未知类别 ${cls}`, nodeId });
  };
  const visit = (ind: Indicator, where: string) => {
    if (ids.has(ind.id)) problems.push({ where, message: `指标编号 ${ind.id} 重复`, nodeId: ind.id });
    ids.add(ind.id);
    const numbers = ind.rules.map((r) => r.n);
    if (new Set(numbers).size !== numbers.length) problems.push({ where, message: '评分细则编号重复', nodeId: ind.id });
    checkClasses(where, ind.id, ind.appliesTo?.classes);
    if (ind.children?.length) {
      const childSum = sum(ind.children.map((c) => frac(c.weight)));
      if (cmp(childSum, frac(ind.weight)) !== 0)
        problems.push({ where, message: `三级指标分值之和 ${show(childSum)} 不等于 ${ind.weight}`, nodeId: ind.id });
      for (const c of ind.children) visit(c, `${where}/${c.name}`);
    }
  };
  const sectionIds = new Set<string>();
  for (const part of ruleset.parts) {
    if (sectionIds.has(part.id)) problems.push({ where: part.name, message: `编号 ${part.id} 重复`, nodeId: part.id });
    sectionIds.add(part.id);
    checkClasses(part.name, part.id, part.appliesTo?.classes);
    for (const section of part.sections) {
      if (sectionIds.has(section.id)) problems.push({ where: section.name, message: `编号 ${section.id} 重复`, nodeId: section.id });
      sectionIds.add(section.id);
      for (const ind of section.indicators) visit(ind, `${section.name}/${ind.name}`);
      if (part.kind !== 'veto') {
        const total = sum(section.indicators.map((i) => frac(i.weight)));
        if (cmp(total, frac(section.max)) !== 0)
          problems.push({
            where: section.name,
            message: `指标分值之和 ${show(total)} 不等于一级指标分值 ${section.max}`,
            nodeId: section.id,
          });
      }
      checkClasses(section.name, section.id, section.appliesTo?.classes);
    }
    if (part.kind !== 'veto' && part.sections.length) {
      const total = sum(part.sections.map((s) => frac(s.max)));
      if (cmp(total, frac(part.max)) !== 0)
        problems.push({ where: part.name, message: `一级指标分值之和 ${show(total)} 不等于${part.name}分值 ${part.max}`, nodeId: part.id });
    }
  }
  for (const t of ruleset.transfers) {
    const where = `权重转移“${t.note}”`;
    for (const id of [t.from, ...t.to]) if (!ids.has(id)) problems.push({ where, message: `未知指标 ${id}` });
    checkClasses(where, t.from, t.when.classes);
  }
  for (const part of ruleset.parts)
    for (const section of part.sections) {
      const visitRules = (ind: Indicator, where: string) => {
        problems.push(...checkDetects(ind, where));
        ind.children?.forEach((c) => visitRules(c, `${where}/${c.name}`));
      };
      for (const ind of section.indicators) visitRules(ind, `${section.name}/${ind.name}`);
    }
  problems.push(...checkGradeLines(ruleset), ...checkResultsSettings(ruleset));
  return problems;
}

/** The problem as one line: "健康情况/可用性：…". */
export function describeProblem(p: RulesetProblem): string {
  return `${p.where}：${p.message}`;
}
