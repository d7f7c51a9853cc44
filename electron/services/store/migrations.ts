import type Database from 'better-sqlite3';
import { KaopingError } from '../../../shared/errors';

/**
 * Versioned schema: migration N brings user_version N−1 to N. They run on open,
 * in one transaction, so an assessment folder from any earlier version opens.
 * Append only; never edit a released migration.
 */
export const MIGRATIONS: ((db: Database.Database) => void)[] = [
  (db) =>
    db.exec(`
      CREATE TABLE assessment (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL, year INTEGER NOT NULL, region TEXT NOT NULL DEFAULT '', issuer TEXT NOT NULL DEFAULT '',
        ruleset_id TEXT NOT NULL, ruleset_json TEXT NOT NULL, grades_json TEXT NOT NULL,
        review_window_days INTEGER NOT NULL DEFAULT 3, created_at TEXT NOT NULL
      );
      CREATE TABLE target (
        id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('website','account')),
        unit TEXT NOT NULL, name TEXT NOT NULL, url TEXT, class_id TEXT NOT NULL,
        attributes_json TEXT NOT NULL DEFAULT '{}', identifier TEXT, platform TEXT
      );
      CREATE TABLE evidence (
        id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, kind TEXT NOT NULL, file TEXT NOT NULL,
        url TEXT, title TEXT, captured_at TEXT NOT NULL, viewport TEXT,
        target_id INTEGER REFERENCES target(id), indicator_id TEXT,
        derived_from INTEGER REFERENCES evidence(id), removed INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE finding (
        id INTEGER PRIMARY KEY, target_id INTEGER NOT NULL REFERENCES target(id),
        indicator_id TEXT NOT NULL, rule INTEGER NOT NULL CHECK (rule > 0), count INTEGER NOT NULL CHECK (count > 0),
        note TEXT NOT NULL DEFAULT '', status TEXT NOT NULL CHECK (status IN ('suggested','confirmed','dismissed')),
        source TEXT, reviewer TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE INDEX finding_target ON finding(target_id);
      CREATE TABLE finding_evidence (
        finding_id INTEGER NOT NULL REFERENCES finding(id) ON DELETE CASCADE,
        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        PRIMARY KEY (finding_id, evidence_id)
      );
      CREATE TABLE history (
        seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL,
        before_json TEXT NOT NULL, after_json TEXT NOT NULL, reason TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL
      );
    `),
  (db) =>
    db.exec(`
      CREATE TABLE selfeval_score (
        target_id INTEGER NOT NULL REFERENCES target(id), indicator_id TEXT NOT NULL,
        score REAL, explanation TEXT NOT NULL, material TEXT NOT NULL, source_file TEXT NOT NULL,
        PRIMARY KEY (target_id, indicator_id)
      );
      CREATE TABLE review_request (
        id INTEGER PRIMARY KEY, target_id INTEGER NOT NULL REFERENCES target(id), reason TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open','accepted','rejected')), outcome TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, closed_at TEXT
      );
      CREATE INDEX evidence_target ON evidence(target_id);
    `),
  (db) =>
    db.exec(`
      CREATE TABLE monitor_attempt (
        id INTEGER PRIMARY KEY, target_id INTEGER NOT NULL REFERENCES target(id), at TEXT NOT NULL,
        ok INTEGER NOT NULL, status INTEGER NOT NULL, ms INTEGER NOT NULL, error TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX monitor_attempt_target ON monitor_attempt(target_id, at);
      CREATE TABLE indicator_review (
        target_id INTEGER NOT NULL REFERENCES target(id), indicator_id TEXT NOT NULL,
        reviewer TEXT NOT NULL, reviewed_at TEXT NOT NULL,
        PRIMARY KEY (target_id, indicator_id)
      );
      CREATE TABLE visit (
        id INTEGER PRIMARY KEY, target_id INTEGER NOT NULL REFERENCES target(id),
        url TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', at TEXT NOT NULL
      );
      CREATE INDEX visit_target ON visit(target_id, id);
      CREATE TABLE account_review (
        target_id INTEGER PRIMARY KEY REFERENCES target(id), answers_json TEXT NOT NULL,
        reviewer TEXT NOT NULL, updated_at TEXT NOT NULL
      );
    `),
  // The feedback and review round (反馈与复核): when each target's preliminary result
  // was sent, and each review request's disputed indicators, attachments and decisions.
  (db) =>
    db.exec(`
      ALTER TABLE review_request ADD COLUMN received_on TEXT;
      CREATE TABLE review_request_item (
        request_id INTEGER NOT NULL REFERENCES review_request(id), indicator_id TEXT NOT NULL,
        requested REAL, decision TEXT CHECK (decision IN ('accepted','rejected')),
        decision_reason TEXT NOT NULL DEFAULT '', effect_json TEXT, decided_at TEXT,
        PRIMARY KEY (request_id, indicator_id)
      );
      CREATE TABLE review_request_evidence (
        request_id INTEGER NOT NULL REFERENCES review_request(id), evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        PRIMARY KEY (request_id, evidence_id)
      );
      CREATE TABLE feedback_sent (
        id INTEGER PRIMARY KEY, target_id INTEGER NOT NULL REFERENCES target(id), sent_on TEXT NOT NULL,
        file TEXT NOT NULL, sha256 TEXT NOT NULL, created_at TEXT NOT NULL
      );
      CREATE INDEX feedback_sent_target ON feedback_sent(target_id, sent_on);
    `),
  // Document, period and ranking settings of the assessment (issue 14).
  (db) => db.exec(`ALTER TABLE assessment ADD COLUMN settings_json TEXT NOT NULL DEFAULT '{}'`),
  // Check notes: what the automated checks saw that no rule scores, kept per target for the reviewer.
  (db) =>
    db.exec(`
      CREATE TABLE check_note (
        id INTEGER PRIMARY KEY, target_id INTEGER NOT NULL REFERENCES target(id), check_name TEXT NOT NULL,
        detect TEXT, text TEXT NOT NULL, indicator_id TEXT, indicator TEXT, rule INTEGER,
        items_json TEXT NOT NULL DEFAULT '[]', checked_at TEXT NOT NULL
      );
      CREATE INDEX check_note_target ON check_note(target_id, id);
    `),
  // One row per user action the UI sent with an id: a repeated request (double click, retry) gets the first result instead of writing twice.
  (db) =>
    db.exec(`
      CREATE TABLE user_action (
        action_id TEXT PRIMARY KEY, method TEXT NOT NULL, result_json TEXT NOT NULL, at TEXT NOT NULL
      );
    `),
  // The signed head of the history chain (chain-seal.ts), rewritten with every history entry.
  (db) =>
    db.exec(`
      CREATE TABLE chain_seal (
        id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL,
        key_id TEXT NOT NULL, signature TEXT NOT NULL
      );
    `),
  // The paged overview (issue 19): targets waiting on suggestions, and one class's targets, each in one index range.
  (db) =>
    db.exec(`
      CREATE INDEX finding_status_target ON finding(status, target_id);
      CREATE INDEX target_class ON target(class_id, id);
    `),
];

/**
 * Brings the database to the latest version; returns the version it was at.
 * All steps run in one transaction: a step that fails leaves the file as it
 * was, and the reviewer is told which step, in Chinese.
 */
export function migrate(db: Database.Database): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > MIGRATIONS.length)
    throw new KaopingError('store-too-new', `考评文件版本 ${from} 比本软件（${MIGRATIONS.length}）新，请升级软件`);
  db.transaction(() => {
    for (let v = from; v < MIGRATIONS.length; v++) {
      try {
        MIGRATIONS[v]!(db);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new KaopingError('store-migration', `考评文件从版本 ${v} 升级到 ${v + 1} 失败，文件未改动：${reason}`);
      }
    }
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
  return from;
}
