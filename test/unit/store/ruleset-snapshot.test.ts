import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openAssessment } from '../../../electron/services/store/open';
import { KaopingError } from '../../../shared/errors';
import { freshAssessment } from '../../helpers/assessment';

describe('the stored ruleset snapshot, typed once', () => {
  it('is parsed once per connection, shared frozen, and read afresh after another connection adopts a version', () => {
    const { dir, store } = freshAssessment();
    const first = store.rulesetSnapshot();
    expect(first.id).toBe('zhanjiang-2021');
    expect(store.rulesetSnapshot()).toBe(first);
    // Shared by every reader, so nobody may change it in place.
    expect(() => {
      (first as { name: string }).name = '改名';
    }).toThrow(TypeError);

    const other = openAssessment(dir);
    other.adoptRuleset(first.id, { ...first, name: '湛江 2021（修订）' }, '测试采用');
    other.close();
    expect(store.rulesetSnapshot().name).toBe('湛江 2021（修订）');
    store.close();
  });

  it('refuses a snapshot that is not a ruleset with a Chinese error naming the folder', () => {
    const { dir, store } = freshAssessment();
    store.close();
    const db = new Database(path.join(dir, 'assessment.sqlite'));
    db.prepare(`UPDATE assessment SET ruleset_json = json_set(ruleset_json, '$.parts', 'none') WHERE id = 1`).run();
    db.close();
    const again = openAssessment(dir);
    try {
      expect(() => again.rulesetSnapshot()).toThrow(KaopingError);
      expect(() => again.rulesetSnapshot()).toThrow(`考评文件夹 ${dir} 中保存的考评方案快照格式有误`);
    } finally {
      again.close();
    }
  });
});
