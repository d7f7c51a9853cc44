import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { KaopingError } from '../../../shared/errors';
import { canonicalJson, chainHash, GENESIS } from './history-chain';
import { hashStoredFile } from './evidence-files';
import { migrate } from './migrations';
import { findingState, toFinding, type FindingRow } from './rows';
import { SqliteStore } from './sqlite-store';
import type { AssessmentStore, CreateInit, OpenOptions, VerifyReport } from './types';

export const DB_FILE = 'assessment.sqlite';

function connect(dir: string, opts: OpenOptions): Database.Database {
  const db = new Database(path.join(dir, DB_FILE), opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  cacheStatements(db);
  return db;
}

/**
 * better-sqlite3 compiles a statement on every prepare(); the store issues a
 * fixed set of SQL texts, so each is compiled once per connection. Reuse is
 * safe because the store only runs statements to completion (run/get/all,
 * never a pending iterate()) and never switches a statement's mode
 * (pluck, raw, expand), which would carry over to the next caller.
 */
function cacheStatements(db: Database.Database): void {
  const compile = db.prepare.bind(db);
  const compiled = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = compiled.get(sql);
    if (!statement) compiled.set(sql, (statement = compile(sql)));
    return statement;
  }) as typeof db.prepare;
}

/** True when the folder holds an assessment. */
export function isAssessmentDir(dir: string): boolean {
  return existsSync(path.join(dir, DB_FILE));
}

/** Creates an assessment folder (assessment.sqlite and evidence/); refuses one that exists. */
export function createAssessment(dir: string, init: CreateInit, opts: OpenOptions = {}): AssessmentStore {
  if (isAssessmentDir(dir)) throw new KaopingError('exists', `该文件夹已有考评：${dir}`);
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new KaopingError('not-empty', `文件夹不是空的：${dir}`);
  mkdirSync(path.join(dir, 'evidence'), { recursive: true });
  const db = connect(dir, opts);
  const store = new SqliteStore(dir, db, opts);
  const createdAt = (opts.now ?? (() => new Date()))().toISOString();
  store.transaction(() => {
    db.prepare('INSERT INTO assessment (id, name, year, region, issuer, ruleset_id, ruleset_json, grades_json, created_at, settings_json) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      init.name,
      init.year,
      init.region ?? '',
      init.issuer ?? '',
      init.rulesetId,
      canonicalJson(init.rulesetSnapshot),
      JSON.stringify(init.gradeBands),
      createdAt,
      JSON.stringify(init.settings ?? {}),
    );
    store.logCreation(init.rulesetSnapshot);
  });
  return store;
}

/** Opens an assessment folder, running any pending migrations. */
export function openAssessment(dir: string, opts: OpenOptions = {}): AssessmentStore {
  if (!isAssessmentDir(dir)) throw new KaopingError('not-assessment', `不是考评文件夹：${dir}`);
  return new SqliteStore(dir, connect(dir, opts), opts);
}

/**
 * Recomputes the history chain, every evidence file's SHA-256, and the current
 * findings and ruleset against what the history says they are. Reports the first
 * break in Chinese: editing the database or an evidence file by hand is detected.
 */
export function verifyAssessment(dir: string, opts: OpenOptions = {}): VerifyReport {
  const store = openAssessment(dir, opts);
  const db = new Database(path.join(dir, DB_FILE), { readonly: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  try {
    const rows = db.prepare('SELECT * FROM history ORDER BY seq').all() as Record<string, string | number>[];
    let prev = GENESIS;
    const findings = new Map<string, string>();
    let rulesetJson: string | undefined;
    for (const [i, r] of rows.entries()) {
      const fields = { at: r.at as string, actor: r.actor as string, action: r.action as string, subject: r.subject as string, before_json: r.before_json as string, after_json: r.after_json as string, reason: r.reason as string };
      if (r.prev_hash !== prev || r.hash !== chainHash(prev, fields)) {
        return { ok: false, historyEntries: rows.length, evidenceFiles: 0, firstBreak: `历史记录第 ${i + 1} 条（${r.action}，${r.at}）与哈希链不符：记录被改动或删除` };
      }
      prev = r.hash as string;
      if (fields.action === 'assessment.create' || fields.action === 'ruleset.adopt') rulesetJson = canonicalJson((JSON.parse(fields.after_json) as { rulesetSnapshot: unknown }).rulesetSnapshot);
      if (fields.subject.startsWith('finding:')) {
        if (fields.action === 'finding.delete') findings.delete(fields.subject);
        else findings.set(fields.subject, fields.after_json);
      }
    }
    const stored = db.prepare('SELECT ruleset_json FROM assessment WHERE id = 1').get() as { ruleset_json: string };
    if (rulesetJson !== undefined && stored.ruleset_json !== rulesetJson) {
      return { ok: false, historyEntries: rows.length, evidenceFiles: 0, firstBreak: '考评方案快照与历史记录（创建或采用新版本时）不一致：数据库被改动' };
    }
    const current = (db.prepare('SELECT f.*, (SELECT group_concat(evidence_id) FROM finding_evidence fe WHERE fe.finding_id = f.id) AS evidence_ids FROM finding f ORDER BY f.id').all() as FindingRow[]).map(toFinding);
    for (const f of current) {
      const expected = findings.get(`finding:${f.id}`);
      if (expected !== canonicalJson(findingState(f))) return { ok: false, historyEntries: rows.length, evidenceFiles: 0, firstBreak: `问题记录 #${f.id} 与历史记录不一致：数据库被改动` };
      findings.delete(`finding:${f.id}`);
    }
    const missing = [...findings.keys()][0];
    if (missing) return { ok: false, historyEntries: rows.length, evidenceFiles: 0, firstBreak: `问题记录 #${missing.slice(8)} 已从数据库中消失，但历史中没有删除记录` };
    const files = [...new Set((db.prepare('SELECT sha256, file FROM evidence ORDER BY id').all() as { sha256: string; file: string }[]).map((e) => `${e.sha256} ${e.file}`))];
    for (const entry of files) {
      const [sha, file] = entry.split(' ') as [string, string];
      const actual = hashStoredFile(dir, file);
      if (actual === null) return { ok: false, historyEntries: rows.length, evidenceFiles: files.length, firstBreak: `证据文件 ${file} 不存在` };
      if (actual !== sha) return { ok: false, historyEntries: rows.length, evidenceFiles: files.length, firstBreak: `证据文件 ${file} 的 SHA-256 不一致：文件被改动` };
    }
    return { ok: true, historyEntries: rows.length, evidenceFiles: files.length, firstBreak: null };
  } finally {
    db.close();
    store.close();
  }
}
