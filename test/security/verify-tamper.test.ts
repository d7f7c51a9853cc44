import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openAssessment, verifyAssessment } from '../../electron/services/store/open';
import { chainHash, GENESIS } from '../../electron/services/store/history-chain';
import { sha256 } from '../../electron/services/store/evidence-files';
import type { NewTarget } from '../../shared/domain/types';
import { freshAssessment } from '../helpers/assessment';

// The signing key and head records live in a profile of this test's own.
process.env.KAOPING_CONFIG_DIR = mkdtempSync(path.join(os.tmpdir(), 'kaoping-profile-'));

const site: NewTarget = {
  kind: 'website',
  unit: '南岭县人民政府',
  name: '南岭县政府门户',
  url: 'http://www.nanling.gov.cn/',
  classId: 'county',
  attributes: {},
  identifier: null,
  platform: null,
};

/** An assessment with one of everything verify covers. */
function assessment() {
  const { dir, store } = freshAssessment();
  const t = store.addTarget(site);
  const e = store.addEvidence(Buffer.from('png-bytes'), {
    kind: 'screenshot',
    ext: 'png',
    targetId: t.id,
    url: 'http://www.nanling.gov.cn/',
  });
  store.addEvidence(Buffer.from('second'), { kind: 'screenshot', ext: 'png', targetId: t.id });
  store.removeEvidence(2, '截图不清晰');
  store.addFinding({
    targetId: t.id,
    indicatorId: 'basic.health.availability',
    rule: 1,
    count: 3,
    status: 'confirmed',
    evidenceIds: [e.id],
  });
  store.putSelfEvalScores(
    t.id,
    [{ indicatorId: 'basic.health.availability', score: 5, explanation: '全年可用', material: '' }],
    '南岭县自评.xlsx',
  );
  store.addMonitorAttempts([{ targetId: t.id, at: '2025-01-01T00:00:00Z', ok: false, status: 0, ms: 15000, error: '超时' }]);
  store.setIndicatorReviewed(t.id, 'basic.health.availability', true);
  store.updateInfo({
    gradeBands: [
      { name: '优秀', min: 90 },
      { name: '良好', min: 80 },
      { name: '合格', min: 60 },
    ],
  } as never);
  // The feedback and review round: results sent, a request with two disputed indicators and an attachment, one decided.
  store.recordFeedbackSent([{ targetId: t.id, sentOn: '2022-09-30', file: 'exports/反馈单.docx', sha256: 'a'.repeat(64) }]);
  const request = store.openReviewRequest({
    targetId: t.id,
    reason: '链接为临时维护',
    receivedOn: '2022-10-10',
    items: [
      { indicatorId: 'basic.health.availability', requested: 1 },
      { indicatorId: 'basic.health.content-safety', requested: null },
    ],
    attachmentIds: [e.id],
  });
  store.decideReviewItem(request.id, 'basic.health.content-safety', 'rejected', '与自评不一致', null);
  store.close();
  return { dir, evidenceFile: path.join(dir, e.file) };
}

const sql = (dir: string, text: string) => {
  const db = new Database(path.join(dir, 'assessment.sqlite'));
  db.exec(text);
  db.close();
};

/** What someone without the key can do best: recompute every hash after an edit and point the seal at the new head. */
function recomputeChain(dir: string): void {
  const db = new Database(path.join(dir, 'assessment.sqlite'));
  const rows = db.prepare('SELECT * FROM history ORDER BY seq').all() as Record<string, string>[];
  let prev = GENESIS;
  for (const r of rows) {
    const hash = chainHash(prev, {
      at: r.at!,
      actor: r.actor!,
      action: r.action!,
      subject: r.subject!,
      before_json: r.before_json!,
      after_json: r.after_json!,
      reason: r.reason!,
    });
    db.prepare('UPDATE history SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
    prev = hash;
  }
  db.prepare('UPDATE chain_seal SET seq = ?, hash = ?').run(rows.at(-1)!.seq, prev);
  db.close();
}

const breakOf = (dir: string) => verifyAssessment(dir).firstBreak;

describe('verify detects every edit that changes a score or a document', () => {
  it('passes an untouched assessment, with its signed head', () => {
    const report = verifyAssessment(assessment().dir);
    expect(report).toMatchObject({ ok: true, signature: 'valid', evidenceFiles: 2, firstBreak: null });
    expect(report.head).toMatchObject({ seq: report.historyEntries, hash: expect.stringMatching(/^[0-9a-f]{64}$/u) });
  });

  it.each([
    ['grade lines', 'UPDATE assessment SET grades_json = \'[{"name":"优秀","min":50}]\'', /考评设置.*与历史记录不一致/u],
    ['a target’s class', "UPDATE target SET class_id = 'city-service'", /考评对象 #1 与历史记录不一致/u],
    ['a target’s URL', "UPDATE target SET url = 'http://evil.example/'", /考评对象 #1 与历史记录不一致/u],
    ['a target’s attributes', 'UPDATE target SET attributes_json = \'{"hasPolicyColumn":false}\'', /考评对象 #1 与历史记录不一致/u],
    ['a self-evaluation score', 'UPDATE selfeval_score SET score = 0', /考评对象 #1 的自评得分 与历史记录不一致/u],
    ['a monitoring attempt', 'UPDATE monitor_attempt SET ok = 1', /监测记录 #1 与历史记录不一致/u],
    ['a monitoring attempt deleted', 'DELETE FROM monitor_attempt', /监测记录 #1 已从数据库中消失/u],
    ['an evidence field', "UPDATE evidence SET captured_at = '2020-01-01T00:00:00Z' WHERE id = 1", /证据 #1 与历史记录不一致/u],
    ['an evidence removal undone', 'UPDATE evidence SET removed = 0 WHERE id = 2', /证据 #2 与历史记录不一致/u],
    ['review progress', 'DELETE FROM indicator_review', /评审进度.*已从数据库中消失/u],
    [
      'a review decision',
      "UPDATE review_request_item SET decision = 'accepted' WHERE indicator_id = 'basic.health.content-safety'",
      /复核申请 #1 对指标 basic\.health\.content-safety 的申请与决定 与历史记录不一致/u,
    ],
    [
      'a disputed indicator added',
      "INSERT INTO review_request_item (request_id, indicator_id, requested) VALUES (1, 'basic.health.maps', 2)",
      /复核申请 #1 对指标 basic\.health\.maps 的申请与决定 在历史中没有记录/u,
    ],
    ['a review attachment removed', 'DELETE FROM review_request_evidence', /复核申请 #1 的附件 已从数据库中消失/u],
    ['the date results were sent', "UPDATE feedback_sent SET sent_on = '2022-10-08'", /初步考评结果发送记录（对象 #1，2022-/u],
    [
      'all findings together with all history',
      'DELETE FROM finding_evidence; DELETE FROM finding; DELETE FROM history',
      /缺少考评的创建记录/u,
    ],
    ['the last history row', 'DELETE FROM history WHERE seq = (SELECT max(seq) FROM history)', /最后的历史记录被删除/u],
    [
      'the last history row and the seal',
      'DELETE FROM history WHERE seq = (SELECT max(seq) FROM history); DELETE FROM chain_seal',
      /没有链头签名记录/u,
    ],
  ])('detects an edit of %s', (_what, edit, message) => {
    const { dir } = assessment();
    sql(dir, edit);
    expect(breakOf(dir)).toMatch(message);
  });

  it('detects an evidence file swapped together with its recorded hash', () => {
    const { dir, evidenceFile } = assessment();
    writeFileSync(evidenceFile, 'forged');
    sql(dir, `UPDATE evidence SET sha256 = '${sha256(Buffer.from('forged'))}' WHERE id = 1`);
    expect(breakOf(dir)).toMatch(/证据 #1 与历史记录不一致/u);
  });

  it('detects a recomputed chain: the head’s signature no longer matches', () => {
    const { dir } = assessment();
    sql(
      dir,
      "UPDATE finding SET count = 1; UPDATE history SET after_json = replace(after_json, '\"count\":3', '\"count\":1') WHERE action = 'finding.add'",
    );
    recomputeChain(dir);
    expect(breakOf(dir)).toBe('链头签名无效：历史记录在本软件之外被重算');
  });

  it('detects entries cut off the end even after later changes re-signed the shorter chain', () => {
    const { dir } = assessment();
    sql(dir, 'DELETE FROM history WHERE seq >= (SELECT max(seq) - 1 FROM history); DELETE FROM chain_seal');
    // Cutting and re-signing means getting the app to write again: the profile still holds the old head.
    const store = openAssessment(dir);
    store.addReviewRequest(1, '申请复核');
    store.close();
    expect(breakOf(dir)).toMatch(/本机记录的链头（第 \d+ 条）不在历史中/u);
  });

  it('on another computer (another key, no record of the head): passes, and says what it could not check', () => {
    const { dir } = assessment();
    const mine = process.env.KAOPING_CONFIG_DIR;
    process.env.KAOPING_CONFIG_DIR = mkdtempSync(path.join(os.tmpdir(), 'kaoping-profile-other-'));
    try {
      const report = verifyAssessment(dir);
      expect(report).toMatchObject({ ok: true, signature: 'other-key' });
      expect(report.notes.join('\n')).toMatch(/另一台计算机的密钥.*无法核对签名[\s\S]*本机没有此考评的链头记录/u);
    } finally {
      process.env.KAOPING_CONFIG_DIR = mine;
    }
  });

  it('keeps the signing key outside the assessment folder, readable by its owner only', () => {
    const { dir } = assessment();
    const key = path.join(process.env.KAOPING_CONFIG_DIR!, 'signing-key');
    expect(readFileSync(key, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/u);
    expect(key.startsWith(dir)).toBe(false);
  });
});
