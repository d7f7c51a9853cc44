import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAssessment } from '../../electron/services/store/open';
import type { OpenOptions } from '../../electron/services/store/types';
import { ruleset } from './rulesets';

/** A fresh zhanjiang-2021 assessment in a temporary folder. */
export function freshAssessment(opts: OpenOptions = {}) {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'kaoping-store-')), 'a');
  const zj = ruleset('zhanjiang-2021');
  const store = createAssessment(
    dir,
    { name: '测试考评', year: 2025, rulesetId: zj.id, rulesetSnapshot: zj, gradeBands: zj.grades.bands },
    { actor: '张三', ...opts },
  );
  return { dir, store };
}
