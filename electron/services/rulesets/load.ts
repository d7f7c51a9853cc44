import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KaopingError } from '../../../shared/errors';
import { rulesetSchema } from '../../../shared/ruleset/schema';
import type { Indicator, Ruleset } from '../../../shared/ruleset/types';
import { frac, sum, cmp, show } from '../../../shared/scoring/fraction';
import { resourcesDir } from '../app-paths';

/** resources/rulesets of this install. */
export function defaultRulesetsDir(): string {
  return path.join(resourcesDir(), 'rulesets');
}

/** Problems zod cannot see: unique ids, weights adding up, transfers naming real indicators. */
function crossCheck(ruleset: Ruleset): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const visit = (ind: Indicator, where: string) => {
    if (ids.has(ind.id)) problems.push(`${where}：指标编号 ${ind.id} 重复`);
    ids.add(ind.id);
    const numbers = ind.rules.map((r) => r.n);
    if (new Set(numbers).size !== numbers.length) problems.push(`${where}：评分细则编号重复`);
    if (ind.children?.length) {
      const childSum = sum(ind.children.map((c) => frac(c.weight)));
      if (cmp(childSum, frac(ind.weight)) !== 0) problems.push(`${where}：三级指标分值之和 ${show(childSum)} 不等于 ${ind.weight}`);
      for (const c of ind.children) visit(c, `${where}/${c.name}`);
    }
  };
  const classIds = new Set(ruleset.classes.map((c) => c.id));
  for (const part of ruleset.parts) {
    for (const section of part.sections) {
      for (const ind of section.indicators) visit(ind, `${section.name}/${ind.name}`);
      if (part.kind !== 'veto') {
        const total = sum(section.indicators.map((i) => frac(i.weight)));
        if (cmp(total, frac(section.max)) !== 0) problems.push(`${section.name}：指标分值之和 ${show(total)} 不等于一级指标分值 ${section.max}`);
      }
      for (const cls of section.appliesTo?.classes ?? []) if (!classIds.has(cls)) problems.push(`${section.name}：未知类别 ${cls}`);
    }
  }
  for (const t of ruleset.transfers) {
    for (const id of [t.from, ...t.to]) if (!ids.has(id)) problems.push(`权重转移“${t.note}”：未知指标 ${id}`);
  }
  return problems;
}

/** Parses and validates one ruleset file; errors name the file and the indicator. */
export function parseRuleset(text: string, file: string): Ruleset {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new KaopingError('ruleset-json', `考评方案文件 ${file} 不是有效的 JSON：${(error as Error).message}`);
  }
  const parsed = rulesetSchema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 20).map((issue) => {
      const at = describePath(json, issue.path);
      return `${at}：${issue.message}`;
    });
    throw new KaopingError('ruleset-invalid', `考评方案文件 ${file} 格式有误`, details);
  }
  const problems = crossCheck(parsed.data);
  if (problems.length) throw new KaopingError('ruleset-invalid', `考评方案文件 ${file} 内容有误`, problems);
  return parsed.data;
}

/** Turns a zod path into "parts[1]/健康情况/可用性/rules[0]" using the names found along it. */
function describePath(root: unknown, p: readonly PropertyKey[]): string {
  const out: string[] = [];
  let node: unknown = root;
  for (const key of p) {
    node = (node as Record<PropertyKey, unknown> | undefined)?.[key];
    const name = (node as { name?: unknown } | undefined)?.name;
    out.push(typeof name === 'string' ? name : String(key));
  }
  return out.join('/') || '(根)';
}

/** Every ruleset in the folder, validated. */
export function listRulesets(dir: string = defaultRulesetsDir()): Ruleset[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => parseRuleset(readFileSync(path.join(dir, f), 'utf8'), f));
}

/** One ruleset by id; a Chinese error lists the ids there are. */
export function loadRuleset(id: string, dir: string = defaultRulesetsDir()): Ruleset {
  const all = listRulesets(dir);
  const found = all.find((r) => r.id === id);
  if (!found) throw new KaopingError('unknown-ruleset', `没有考评方案“${id}”。可用：${all.map((r) => r.id).join('、')}`);
  return found;
}
