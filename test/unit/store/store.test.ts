import { readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openAssessment, verifyAssessment } from '../../../electron/services/store/open';
import { MIGRATIONS } from '../../../electron/services/store/migrations';
import { freshAssessment } from '../../helpers/assessment';

const site = {
  kind: 'website' as const,
  unit: '南岭县人民政府',
  name: '南岭县人民政府门户网站',
  url: 'http://www.nanling.gov.cn/',
  classId: 'county',
  attributes: {},
  identifier: null,
  platform: null,
};

describe('assessment store', () => {
  it('persists targets, findings and evidence across reopen, with WAL and foreign keys on', () => {
    const { dir, store } = freshAssessment();
    const t = store.addTarget(site);
    const e = store.addEvidence(Buffer.from('shot'), { kind: 'screenshot', ext: 'png', url: site.url, targetId: t.id });
    const f = store.addFinding({
      targetId: t.id,
      indicatorId: 'basic.health.availability',
      rule: 1,
      count: 3,
      status: 'confirmed',
      evidenceIds: [e.id],
    });
    store.close();
    const again = openAssessment(dir);
    expect(again.getFinding(f.id)).toMatchObject({ count: 3, evidenceIds: [e.id], reviewer: '张三' });
    expect(again.findTarget('南岭县人民政府')).toMatchObject({ id: t.id });
    expect(again.findTarget('www.nanling.gov.cn')).toMatchObject({ id: t.id });
    expect(() => again.findTarget('北岭县')).toThrow('找不到考评对象：北岭县');
    expect(() => again.addFinding({ targetId: 999, indicatorId: 'x', rule: 1, count: 1, status: 'confirmed' })).toThrow(/找不到考评对象/);
    again.close();
    const db = new Database(path.join(dir, 'assessment.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('never overwrites evidence and keeps files when a finding is deleted', () => {
    const { dir, store } = freshAssessment();
    const t = store.addTarget(site);
    const a = store.addEvidence(Buffer.from('same'), { kind: 'file', ext: 'png', targetId: t.id });
    const b = store.addEvidence(Buffer.from('same'), { kind: 'file', ext: 'png', targetId: t.id });
    expect(a.file).toBe(b.file);
    expect(readdirSync(path.join(dir, 'evidence'))).toHaveLength(1);
    const f = store.addFinding({
      targetId: t.id,
      indicatorId: 'basic.health.availability',
      rule: 1,
      count: 1,
      status: 'confirmed',
      evidenceIds: [a.id],
    });
    expect(() => store.deleteFinding(f.id, ' ')).toThrow(`删除问题 #${f.id} 必须填写原因`);
    store.deleteFinding(f.id, '误报');
    expect(readFileSync(store.evidencePath(a), 'utf8')).toBe('same');
    store.removeEvidence(a.id, '截图不清晰');
    expect(store.listEvidence()).toHaveLength(1);
    expect(store.history().map((h) => h.action)).toEqual([
      'assessment.create',
      'history.baseline',
      'targets.add',
      'evidence.add',
      'evidence.add',
      'finding.add',
      'finding.delete',
      'evidence.remove',
    ]);
    store.close();
    expect(verifyAssessment(dir).ok).toBe(true);
  });

  it('imports targets all or nothing', () => {
    const { store } = freshAssessment();
    expect(() => store.addTargets([site, { ...site, kind: 'bogus' as never }])).toThrow();
    expect(store.listTargets()).toEqual([]);
    store.close();
  });

  it('requires a reason to change a confirmed finding and logs before/after', () => {
    const { store } = freshAssessment();
    const t = store.addTarget(site);
    const f = store.addFinding({ targetId: t.id, indicatorId: 'basic.health.availability', rule: 1, count: 3, status: 'confirmed' });
    expect(() => store.updateFinding(f.id, { count: 2 })).toThrow('必须填写原因');
    store.updateFinding(f.id, { count: 2 }, '复核：一处链接已恢复');
    const last = store.history().at(-1)!;
    expect(last).toMatchObject({ action: 'finding.update', reason: '复核：一处链接已恢复', before: { count: 3 }, after: { count: 2 } });
    store.close();
  });
});

describe('kaoping verify: tamper evidence', () => {
  function withFinding() {
    const { dir, store } = freshAssessment();
    const t = store.addTarget(site);
    const e = store.addEvidence(Buffer.from('png-bytes'), { kind: 'screenshot', ext: 'png', targetId: t.id });
    store.addFinding({
      targetId: t.id,
      indicatorId: 'basic.health.availability',
      rule: 1,
      count: 3,
      status: 'confirmed',
      evidenceIds: [e.id],
    });
    store.close();
    return { dir, evidenceFile: path.join(dir, e.file) };
  }
  const edit = (dir: string, sql: string) => {
    const db = new Database(path.join(dir, 'assessment.sqlite'));
    db.exec(sql);
    db.close();
  };

  it('passes an untouched assessment', () => {
    expect(verifyAssessment(withFinding().dir)).toMatchObject({ ok: true, historyEntries: 5, evidenceFiles: 1 });
  });
  it('detects a finding edited in the database', () => {
    const { dir } = withFinding();
    edit(dir, 'UPDATE finding SET count = 1');
    expect(verifyAssessment(dir).firstBreak).toMatch(/问题记录 #1 与历史记录不一致/);
  });
  it('detects a history entry edited in the database', () => {
    const { dir } = withFinding();
    edit(dir, "UPDATE history SET reason = 'x' WHERE seq = 2");
    expect(verifyAssessment(dir).firstBreak).toMatch(/历史记录第 2 条/);
  });
  it('detects a deleted history entry', () => {
    const { dir } = withFinding();
    edit(dir, 'DELETE FROM history WHERE seq = 3');
    expect(verifyAssessment(dir).ok).toBe(false);
  });
  it('detects a finding deleted behind the history', () => {
    const { dir } = withFinding();
    edit(dir, 'DELETE FROM finding_evidence; DELETE FROM finding');
    expect(verifyAssessment(dir).firstBreak).toMatch(/已从数据库中消失/);
  });
  it('detects an edited or missing evidence file', () => {
    const a = withFinding();
    writeFileSync(a.evidenceFile, 'other');
    expect(verifyAssessment(a.dir).firstBreak).toMatch(/SHA-256 不一致/);
    const b = withFinding();
    rmSync(b.evidenceFile);
    expect(verifyAssessment(b.dir).firstBreak).toMatch(/不存在/);
  });
  it('detects an edited ruleset snapshot', () => {
    const { dir } = withFinding();
    edit(dir, 'UPDATE assessment SET ruleset_json = replace(ruleset_json, \'"weight":14\', \'"weight":15\')');
    expect(verifyAssessment(dir).firstBreak).toMatch(/考评方案快照/);
  });
});

/** What each migration after the first made, to rewind a database to an earlier version. */
const UNDO: Record<number, string> = {
  2: 'DROP TABLE selfeval_score; DROP TABLE review_request; DROP INDEX evidence_target;',
  3: 'DROP TABLE monitor_attempt; DROP TABLE indicator_review; DROP TABLE visit; DROP TABLE account_review;',
  // The feedback and review round.
  4: 'DROP TABLE review_request_item; DROP TABLE review_request_evidence; DROP TABLE feedback_sent; ALTER TABLE review_request DROP COLUMN received_on;',
  5: 'ALTER TABLE assessment DROP COLUMN settings_json;',
  // Found by what it creates, so migrations appended by others do not renumber it here.
  [MIGRATIONS.findIndex((m) => m.toString().includes('CREATE TABLE check_note')) + 1]: 'DROP TABLE check_note;',
  // Found by what it creates, so the lead's renumbering on merge needs no edit here.
  [MIGRATIONS.findIndex((m) => m.toString().includes('user_action')) + 1]: 'DROP TABLE user_action;',
  // Found by what it creates, so the lead's renumbering on merge needs no edit here.
  [MIGRATIONS.findIndex((m) => m.toString().includes('CREATE TABLE chain_seal')) + 1]: 'DROP TABLE chain_seal;',
  // Found by what it creates, so the lead's renumbering on merge needs no edit here.
  [MIGRATIONS.findIndex((m) => m.toString().includes('finding_status_target')) + 1]:
    'DROP INDEX finding_status_target; DROP INDEX target_class;',
};

describe('migrations', () => {
  it('has an undo for every migration the test rewinds', () => {
    for (let v = 2; v <= MIGRATIONS.length; v++) expect(UNDO[v], `migration ${v}`).toBeDefined();
  });
  it('brings a database from every earlier version to the latest', () => {
    for (let from = 1; from < MIGRATIONS.length; from++) {
      const { dir, store } = freshAssessment();
      store.addTarget(site);
      store.close();
      // Rewind to version `from`: drop what later migrations made.
      const db = new Database(path.join(dir, 'assessment.sqlite'));
      for (let v = MIGRATIONS.length; v > from; v--) db.exec(UNDO[v]!);
      db.pragma(`user_version = ${from}`);
      db.close();
      const again = openAssessment(dir);
      again.addReviewRequest(1, '申请复核');
      expect(again.listReviewRequests()).toHaveLength(1);
      expect(again.listTargets()).toHaveLength(1);
      again.addMonitorAttempts([{ targetId: 1, at: '2025-01-01T00:00:00Z', ok: false, status: 0, ms: 15000, error: '超时' }]);
      again.setIndicatorReviewed(1, 'basic.health.availability', true);
      again.addVisit(1, 'http://www.example.gov.cn/', '首页');
      expect([again.listMonitorAttempts(1).length, again.listReviewedIndicators(1).length, again.listVisits(1).length]).toEqual([1, 1, 1]);
      again.close();
    }
  });
  it('refuses a database from a newer version', () => {
    const { dir, store } = freshAssessment();
    store.close();
    const db = new Database(path.join(dir, 'assessment.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    expect(() => openAssessment(dir)).toThrow(/比本软件/);
  });
  it('reports a failed upgrade step in Chinese and leaves the file as it was', () => {
    const { dir, store } = freshAssessment();
    store.close();
    // Claim version 2 while migration 3's tables already exist: re-running it must fail.
    const db = new Database(path.join(dir, 'assessment.sqlite'));
    db.pragma('user_version = 2');
    db.close();
    expect(() => openAssessment(dir)).toThrow(
      expect.objectContaining({
        name: 'KaopingError',
        code: 'store-migration',
        message: expect.stringMatching(/^考评文件从版本 2 升级到 3 失败，文件未改动/u),
      }),
    );
    const after = new Database(path.join(dir, 'assessment.sqlite'));
    expect(after.pragma('user_version', { simple: true })).toBe(2);
    after.close();
  });
});
