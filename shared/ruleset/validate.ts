import { rulesetSchema } from './schema';
import { checkRuleset, type RulesetProblem } from './check';
import type { Ruleset } from './types';

/**
 * Everything wrong with a draft, located for the editor: schema problems (a missing
 * number, an unknown kind) named by the nearest part, section, indicator or rule,
 * then the cross-checks (weights adding up, unique ids, transfers resolving).
 */
export function validateRuleset(draft: unknown): { ruleset?: Ruleset; problems: RulesetProblem[] } {
  const parsed = rulesetSchema.safeParse(draft);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.slice(0, 50).map((issue) => {
        let node: unknown = draft;
        let nodeId: string | undefined;
        const names: string[] = [];
        for (const key of issue.path) {
          node = (node as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
          const named = node as { id?: unknown; name?: unknown; n?: unknown } | undefined;
          if (typeof named?.id === 'string' && typeof named.name === 'string') {
            nodeId = named.id;
            names.push(named.name);
          } else if (typeof named?.n === 'number') names.push(`第${named.n}条`);
        }
        return { where: names.join('/') || FIELD_NAMES[String(issue.path[0])] || '方案', message: chinese(issue.message), nodeId };
      }),
    };
  }
  return { ruleset: parsed.data, problems: checkRuleset(parsed.data) };
}

const FIELD_NAMES: Record<string, string> = {
  id: '方案编号',
  name: '方案名称',
  classes: '类别',
  transfers: '权重转移',
  grades: '等次',
  thresholds: '分数线',
  parts: '指标',
};

/** zod's English fallbacks, in the words a reviewer reads. */
function chinese(message: string): string {
  if (/expected number/iu.test(message)) return '需要填写数字';
  if (/expected string/iu.test(message)) return '需要填写文字';
  if (/too small|>=?\s*1/iu.test(message) && /string/iu.test(message)) return '不能为空';
  if (/invalid option|expected one of/iu.test(message)) return '取值无效';
  if (/invalid string|regex|pattern/iu.test(message)) return '格式有误（编号只能用小写字母、数字和连字符）';
  if (/too small/iu.test(message)) return '数值过小或为空';
  if (/too big/iu.test(message)) return '数值过大';
  if (/unrecognized key/iu.test(message)) return `有无法识别的字段（${message}）`;
  return message;
}
