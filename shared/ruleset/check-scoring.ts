import type { GradeBand } from '../domain/types';
import { DETECTS, detectId } from '../checks/detects';
import type { RulesetProblem } from './check';
import { DETECT_OPTIONS } from './detect-options';
import type { Indicator, Ruleset } from './types';

const KIND_NAMES = { website: '网站', account: '政务新媒体' } as const;

/**
 * One group of grade lines as the editor lists it: the general lines, a kind's or a
 * class's. `key` names the group in problem rows ("class:county").
 */
export interface GradeGroup {
  key: string;
  title: string;
  bands: GradeBand[];
}

/** The ruleset's grade line groups in the order the editor shows them. */
export function gradeGroups(ruleset: Ruleset): GradeGroup[] {
  const groups: GradeGroup[] = [{ key: 'all', title: '全部对象', bands: ruleset.grades.bands }];
  for (const kind of ['website', 'account'] as const) {
    const bands = ruleset.grades.byKind?.[kind];
    if (bands) groups.push({ key: `kind:${kind}`, title: KIND_NAMES[kind], bands });
  }
  for (const [id, bands] of Object.entries(ruleset.grades.byClass ?? {})) {
    const cls = ruleset.classes.find((c) => c.id === id);
    groups.push({ key: `class:${id}`, title: cls ? `${cls.label}（${cls.name}）` : id, bands });
  }
  return groups;
}

/**
 * Grade lines are written highest first (优秀 before 良好): each line's minimum must
 * be below the one above it, names unique and not the fail grade, minimums not
 * negative; lines per class must name a class of the ruleset, lines per kind a
 * kind the ruleset has classes of.
 */
export function checkGradeLines(ruleset: Ruleset): RulesetProblem[] {
  const problems: RulesetProblem[] = [];
  for (const group of gradeGroups(ruleset)) {
    const where = `等次分数线（${group.title}）`;
    const at = (i: number, message: string) =>
      problems.push({ where: `${where}第 ${i + 1} 行`, message, area: 'grades', row: `${group.key}#${i}` });
    if (group.key.startsWith('class:') && !ruleset.classes.some((c) => `class:${c.id}` === group.key))
      problems.push({ where, message: `未知类别 ${group.key.slice(6)}`, area: 'grades', row: `${group.key}#0` });
    if (group.key.startsWith('kind:') && !ruleset.classes.some((c) => `kind:${c.kind}` === group.key))
      problems.push({ where, message: `方案中没有${group.title}类别，这组分数线不会用到`, area: 'grades', row: `${group.key}#0` });
    if (group.key === 'all' && group.bands.length === 0)
      problems.push({ where, message: '至少要有一档等次', area: 'grades', row: 'all#0' });
    const seen = new Set<string>();
    group.bands.forEach((band, i) => {
      const name = band.name.trim();
      if (!name) at(i, '等次名称不能为空');
      else if (seen.has(name)) at(i, `等次“${name}”重复`);
      else if (name === ruleset.grades.failName) at(i, `“${name}”是不达线的等次，不能再设分数线`);
      seen.add(name);
      if (band.min < 0) at(i, `分数线 ${band.min} 不能为负`);
      const above = group.bands[i - 1];
      if (above && band.min >= above.min)
        at(i, `等次应从高到低排列：“${name}”的分数线 ${band.min} 不低于上一等次“${above.name}”的 ${above.min}`);
    });
  }
  return problems;
}

/** Conditional detects: each check once per rule, options the detector reads, exemptions named as attributes. */
export function checkDetects(indicator: Indicator, where: string): RulesetProblem[] {
  const problems: RulesetProblem[] = [];
  for (const rule of indicator.rules) {
    const at = (message: string) => problems.push({ where: `${where}/第${rule.n}条`, message, nodeId: indicator.id, rule: rule.n });
    const seen = new Set<string>();
    for (const spec of rule.detects ?? []) {
      const id = detectId(spec);
      if (seen.has(id)) at(`自动检查“${DETECTS[id]}”重复列出`);
      seen.add(id);
      if (typeof spec === 'string') continue;
      if (spec.unless !== undefined && !/^[A-Za-z][A-Za-z0-9_]*$/u.test(spec.unless))
        at(`自动检查“${DETECTS[id]}”的豁免属性“${spec.unless}”无效：属性名只能用字母、数字和下划线`);
      const known = DETECT_OPTIONS[id] ?? [];
      for (const [key, value] of Object.entries(spec.options ?? {})) {
        const option = known.find((o) => o.key === key);
        if (!option)
          at(
            `自动检查“${DETECTS[id]}”没有选项 ${key}${known.length ? `（可用：${known.map((o) => o.key).join('、')}）` : '（它不读取任何选项）'}`,
          );
        else if (typeof value !== option.type)
          at(
            `自动检查“${DETECTS[id]}”的选项 ${key} 应为${option.type === 'boolean' ? '是/否' : option.type === 'number' ? '数字' : '文字'}`,
          );
      }
    }
    if (rule.problem !== undefined && (!rule.problem.trim() || /[\r\n]/u.test(rule.problem)))
      at('问题短语应为一行文字（不需要时清空即可）');
  }
  return problems;
}

/** Results per unit need accounts to roll up. */
export function checkResultsSettings(ruleset: Ruleset): RulesetProblem[] {
  if (ruleset.accountResults === 'unit' && !ruleset.classes.some((c) => c.kind === 'account'))
    return [
      { where: '新媒体结果', message: '按单位汇总政务新媒体结果，但方案中没有政务新媒体类别', area: 'grades', row: 'accountResults' },
    ];
  return [];
}
