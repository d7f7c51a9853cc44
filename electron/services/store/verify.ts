/**
 * `kaoping verify`: what the assessment folder says against what its history
 * says. Recomputes the hash chain, checks the signed head (chain-seal.ts) and
 * this machine's record of it, replays the history into the ruleset, the
 * assessment's settings, the findings and every other record that changes a
 * score or a document (covered-state.ts) and compares them with the tables,
 * and re-hashes every evidence file. Reports the first break in Chinese.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson, chainHash, GENESIS } from './history-chain';
import { checkSignature, parseSignedHead, readAnchor, type SignedHead } from './chain-seal';
import { applyEntry, emptyState, PART_LABEL, readCoveredState, type CoveredState } from './covered-state';
import { hashStoredFile } from './evidence-files';
import { findingState, toFinding, type FindingRow } from './rows';
import { openAssessment } from './open';
import { parseSettings } from './sqlite-store';
import type { OpenOptions, VerifyReport } from './types';

type Row = Record<string, string | number>;

class Break extends Error {}

/** The first key whose state differs between the replayed history and the tables. */
function firstDifference(part: keyof CoveredState, logged: CoveredState, stored: CoveredState): string | undefined {
  const keys = [...new Set([...Object.keys(logged[part]), ...Object.keys(stored[part])])].sort(
    (a, b) => Number(a) - Number(b) || a.localeCompare(b),
  );
  for (const key of keys) {
    const a = logged[part][key];
    const b = stored[part][key];
    if (a === undefined) return `${PART_LABEL[part](key)} 在历史中没有记录：数据库被改动`;
    if (b === undefined) return `${PART_LABEL[part](key)} 已从数据库中消失，但历史中没有删除记录`;
    if (canonicalJson(a) !== canonicalJson(b)) return `${PART_LABEL[part](key)} 与历史记录不一致：数据库被改动`;
  }
  return undefined;
}

export function verifyAssessment(dir: string, opts: OpenOptions = {}): VerifyReport {
  // Opening brings the schema up to date; the checks then read without writing.
  openAssessment(dir, opts).close();
  const db = new Database(path.join(dir, 'assessment.sqlite'), {
    readonly: true,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  const report: VerifyReport = {
    ok: false,
    historyEntries: 0,
    evidenceFiles: 0,
    firstBreak: null,
    head: null,
    signature: 'missing',
    notes: [],
  };
  try {
    verifyInto(db, dir, report);
    report.ok = true;
  } catch (error) {
    if (!(error instanceof Break)) throw error;
    report.firstBreak = error.message;
  } finally {
    db.close();
  }
  return report;
}

function verifyInto(db: Database.Database, dir: string, report: VerifyReport): void {
  const rows = db.prepare('SELECT * FROM history ORDER BY seq').all() as Row[];
  report.historyEntries = rows.length;
  if (rows.length === 0 || rows[0]!.action !== 'assessment.create') throw new Break('历史记录缺少考评的创建记录：历史被删除');

  // 1. The chain itself.
  let prev = GENESIS;
  for (const [i, r] of rows.entries()) {
    const fields = {
      at: r.at as string,
      actor: r.actor as string,
      action: r.action as string,
      subject: r.subject as string,
      before_json: r.before_json as string,
      after_json: r.after_json as string,
      reason: r.reason as string,
    };
    if (r.prev_hash !== prev || r.hash !== chainHash(prev, fields))
      throw new Break(`历史记录第 ${i + 1} 条（${r.action}，${r.at}）与哈希链不符：记录被改动或删除`);
    prev = r.hash as string;
  }
  const last = rows[rows.length - 1]!;

  // 2. The signed head, and this machine's record of the last head it wrote.
  const seal = db.prepare('SELECT seq, hash, key_id AS keyId, signature FROM chain_seal WHERE id = 1').get() as SignedHead | undefined;
  if (!seal) throw new Break('没有链头签名记录：签名被删除，或历史被改写');
  report.head = seal;
  if (seal.seq > Number(last.seq)) throw new Break(`签名的链头是第 ${seal.seq} 条，历史只剩 ${last.seq} 条：最后的历史记录被删除`);
  if (seal.seq !== Number(last.seq) || seal.hash !== last.hash) throw new Break('链头与签名记录不符：历史记录被改动、删除或重算');
  if (!seal.signature) {
    report.signature = 'missing';
    report.notes.push('链头未签名（写入时本机没有可用的签名密钥）');
  } else {
    report.signature = checkSignature(seal);
    if (report.signature === 'invalid') throw new Break('链头签名无效：历史记录在本软件之外被重算');
    if (report.signature === 'other-key') report.notes.push(`链头由另一台计算机的密钥（编号 ${seal.keyId}）签名，本机无法核对签名`);
  }
  const anchor = readAnchor(rows[0]!.hash as string);
  if (anchor) {
    const at = rows.find((r) => Number(r.seq) === anchor.seq);
    if (!at || at.hash !== anchor.hash) throw new Break(`本机记录的链头（第 ${anchor.seq} 条）不在历史中：此后的历史记录被删除或改写`);
  } else report.notes.push('本机没有此考评的链头记录（在其他计算机上创建或编辑），无法发现末尾被删除的历史');

  // 3. Replay: ruleset, settings, findings and the other covered records.
  let rulesetJson: string | undefined;
  let info: Record<string, unknown> | undefined;
  const findings = new Map<string, string>();
  const logged = emptyState();
  for (const r of rows) {
    const action = r.action as string;
    const subject = r.subject as string;
    const after = JSON.parse(r.after_json as string) as unknown;
    if (action === 'assessment.create') {
      const { rulesetSnapshot, ...rest } = after as { rulesetSnapshot: unknown };
      rulesetJson = canonicalJson(rulesetSnapshot);
      info = rest;
    } else if (action === 'assessment.update') info = after as Record<string, unknown>;
    else if (action === 'ruleset.adopt') {
      // A new library version adopted (issue 16): the snapshot and the ruleset id change, nothing else.
      const adopted = after as { rulesetId: string; rulesetSnapshot: unknown };
      rulesetJson = canonicalJson(adopted.rulesetSnapshot);
      info = { ...info, rulesetId: adopted.rulesetId };
    } else if (subject.startsWith('finding:')) {
      if (action === 'finding.delete') findings.delete(subject);
      else findings.set(subject, r.after_json as string);
    } else applyEntry(logged, action, subject, after);
  }
  const stored = db.prepare('SELECT * FROM assessment WHERE id = 1').get() as Record<string, unknown>;
  if (stored.ruleset_json !== rulesetJson) throw new Break('考评方案快照与历史记录（创建或采用新版本时）不一致：数据库被改动');
  const settings = parseSettings(stored.settings_json as string | undefined);
  const storedInfo = {
    name: stored.name,
    year: stored.year,
    region: stored.region,
    issuer: stored.issuer,
    rulesetId: stored.ruleset_id,
    gradeBands: JSON.parse(stored.grades_json as string) as unknown,
    reviewWindowDays: stored.review_window_days,
    createdAt: stored.created_at,
    settings,
    monitoringDate: settings.monitoringDate ?? null,
  };
  if (canonicalJson(storedInfo) !== canonicalJson(info)) throw new Break('考评设置（名称、等次分数线等）与历史记录不一致：数据库被改动');
  const current = (
    db
      .prepare(
        'SELECT f.*, (SELECT group_concat(evidence_id) FROM finding_evidence fe WHERE fe.finding_id = f.id) AS evidence_ids FROM finding f ORDER BY f.id',
      )
      .all() as FindingRow[]
  ).map(toFinding);
  for (const f of current) {
    if (findings.get(`finding:${f.id}`) !== canonicalJson(findingState(f)))
      throw new Break(`问题记录 #${f.id} 与历史记录不一致：数据库被改动`);
    findings.delete(`finding:${f.id}`);
  }
  const missing = [...findings.keys()][0];
  if (missing) throw new Break(`问题记录 #${missing.slice(8)} 已从数据库中消失，但历史中没有删除记录`);
  const tables = readCoveredState(db);
  for (const part of Object.keys(PART_LABEL) as (keyof CoveredState)[]) {
    const difference = firstDifference(part, logged, tables);
    if (difference) throw new Break(difference);
  }

  // 4. Evidence files against the hashes the (now verified) records hold.
  const files = [
    ...new Map(
      (db.prepare('SELECT sha256, file FROM evidence ORDER BY id').all() as { sha256: string; file: string }[]).map((e) => [
        e.file,
        e.sha256,
      ]),
    ),
  ];
  report.evidenceFiles = files.length;
  for (const [file, sha] of files) {
    const actual = hashStoredFile(dir, file);
    if (actual === 'outside') throw new Break(`证据文件 ${file} 是指向考评文件夹之外的链接`);
    if (actual === null) throw new Break(`证据文件 ${file} 不存在`);
    if (actual !== sha) throw new Break(`证据文件 ${file} 的 SHA-256 不一致：文件被改动`);
  }
}

export interface ExportCheck {
  file: string;
  recorded: SignedHead | null;
  status: 'none' | 'same' | 'later' | 'rewritten' | 'bad-signature';
  /** In Chinese, for the report. */
  message: string;
}

/**
 * Compares the head an export recorded (chain-head-property.ts) with this
 * assessment's history: the same head, later entries since (the assessment
 * changed after the document was made), or a head the history no longer
 * contains (rewritten after publication).
 */
export function checkExportHead(dir: string, file: string, recordedText: string | undefined, opts: OpenOptions = {}): ExportCheck {
  const name = path.basename(file);
  const recorded = recordedText ? (parseSignedHead(recordedText) ?? null) : null;
  if (!recorded)
    return { file, recorded: null, status: 'none', message: `${name} 没有记录考评历史的链头（不是本软件导出的文件，或导出时未签名）` };
  const db = new Database(path.join(dir, 'assessment.sqlite'), {
    readonly: true,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  try {
    if (checkSignature(recorded) === 'invalid')
      return { file, recorded, status: 'bad-signature', message: `${name} 记录的链头签名无效：文件中的记录被改动` };
    const at = db.prepare('SELECT hash FROM history WHERE seq = ?').get(recorded.seq) as { hash: string } | undefined;
    const last = (db.prepare('SELECT max(seq) AS seq FROM history').get() as { seq: number | null }).seq ?? 0;
    if (!at || at.hash !== recorded.hash)
      return {
        file,
        recorded,
        status: 'rewritten',
        message: `${name} 导出时的链头（第 ${recorded.seq} 条）不在当前历史中：导出后历史被改写`,
      };
    if (last === recorded.seq)
      return { file, recorded, status: 'same', message: `${name} 导出时的链头（第 ${recorded.seq} 条）与当前一致：导出后没有改动` };
    return {
      file,
      recorded,
      status: 'later',
      message: `${name} 导出于第 ${recorded.seq} 条历史记录之后，此后又有 ${last - recorded.seq} 条改动（用 kaoping verify 查看当前状态）`,
    };
  } finally {
    db.close();
  }
}
