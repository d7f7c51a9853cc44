import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { KaopingError } from '../../../shared/errors';
import { canonicalJson } from './history-chain';
import { migrate } from './migrations';
import { SqliteStore } from './sqlite-store';
import type { AssessmentStore, CreateInit, OpenOptions } from './types';

export const DB_FILE = 'assessment.sqlite';

function connect(dir: string, opts: OpenOptions): { db: Database.Database; sealed: boolean } {
  const db = new Database(path.join(dir, DB_FILE), opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const sealed = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'chain_seal'").get() !== undefined;
  migrate(db);
  cacheStatements(db);
  return { db, sealed };
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
  const { db } = connect(dir, opts);
  const store = new SqliteStore(dir, db, opts);
  const createdAt = (opts.now ?? (() => new Date()))().toISOString();
  store.transaction(() => {
    db.prepare(
      'INSERT INTO assessment (id, name, year, region, issuer, ruleset_id, ruleset_json, grades_json, created_at, settings_json) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
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
    store.ensureBaseline();
  });
  return store;
}

/** Opens an assessment folder, running any pending migrations. */
export function openAssessment(dir: string, opts: OpenOptions = {}): AssessmentStore {
  if (!isAssessmentDir(dir)) throw new KaopingError('not-assessment', `不是考评文件夹：${dir}`);
  const { db, sealed } = connect(dir, opts);
  const store = new SqliteStore(dir, db, opts);
  try {
    // A folder from before the signed chain: what its tables hold now becomes the starting point (said in the entry's reason).
    if (!sealed) store.ensureBaseline();
  } catch (error) {
    store.close();
    throw error;
  }
  return store;
}

export { verifyAssessment } from './verify';
