import { KaopingError } from '../../../shared/errors';
import { rulesetSchema } from '../../../shared/ruleset/schema';
import type { Ruleset } from '../../../shared/ruleset/types';

/**
 * The ruleset an assessment stored at creation (or adoption), parsed and
 * validated once per stored text: every reader gets a typed `Ruleset` without
 * casting. The cache compares the stored text, so a snapshot adopted through
 * another connection (the CLI while the app is open) is read afresh.
 */
export class RulesetSnapshotCache {
  private text: string | undefined;
  private ruleset: Ruleset | undefined;

  constructor(private readonly dir: string) {}

  get(storedText: string): Ruleset {
    if (this.ruleset && storedText === this.text) return this.ruleset;
    this.ruleset = parseSnapshot(storedText, this.dir);
    this.text = storedText;
    return this.ruleset;
  }
}

/** Parses one stored snapshot; errors name the assessment folder. Frozen: every caller shares it. */
function parseSnapshot(text: string, dir: string): Ruleset {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new KaopingError('snapshot-invalid', `考评文件夹 ${dir} 中保存的考评方案快照不是有效的 JSON：${(error as Error).message}`);
  }
  const parsed = rulesetSchema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 20).map((issue) => `${issue.path.join('/') || '(根)'}：${issue.message}`);
    throw new KaopingError('snapshot-invalid', `考评文件夹 ${dir} 中保存的考评方案快照格式有误`, details);
  }
  return deepFreeze(parsed.data);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
