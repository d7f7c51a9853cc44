import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KaopingError } from '../../../shared/errors';
import { rulesetSchema } from '../../../shared/ruleset/schema';
import type { Ruleset } from '../../../shared/ruleset/types';
import { checkRuleset, describeProblem } from '../../../shared/ruleset/check';
import { resourcesDir } from '../app-paths';

/** resources/rulesets of this install. */
export function defaultRulesetsDir(): string {
  return path.join(resourcesDir(), 'rulesets');
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
  const problems = checkRuleset(parsed.data).map(describeProblem);
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
