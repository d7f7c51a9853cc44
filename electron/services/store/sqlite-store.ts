import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { KaopingError } from '../../../shared/errors';
import type { CheckNoteView } from '../../../shared/checks/notes';
import type {
  AssessmentInfo,
  AssessmentSettings,
  Evidence,
  FeedbackSending,
  Finding,
  FindingStatus,
  HistoryEntry,
  MonitorAttempt,
  NewEvidence,
  NewFinding,
  NewMonitorAttempt,
  NewTarget,
  ReviewEffect,
  ReviewRequest,
  ReviewRequestItem,
  SelfEvalScore,
  Target,
  Visit,
} from '../../../shared/domain/types';
import { matchKey } from '../../../shared/text/normalize';
import { normalizeSiteUrl } from '../../../shared/text/url';
import { canonicalJson, chainHash, GENESIS } from './history-chain';
import { readAnchor, signHead, writeAnchor, type ChainHead, type SignedHead } from './chain-seal';
import { accountState, evidenceState, monitorState, readCoveredState, reviewedState, selfevalState, targetState } from './covered-state';
import { storeEvidenceFile } from './evidence-files';
import { NAME_MAX_CHARS, overLimit } from '../import/limits';
import { readBoundedFile } from '../import/bounded-read';

/** Evidence copied in from a path (web page snapshots, documents): generous, but not unbounded. */
const EVIDENCE_FILE_MAX_BYTES = 512 * 1024 * 1024;
import {
  findingState,
  toEvidence,
  toFinding,
  toReview,
  toTarget,
  type EvidenceRow,
  type FindingRow,
  type ReviewRow,
  type TargetRow,
} from './rows';
import type { AssessmentStore, NewReviewRequest, OpenOptions, TargetSearch } from './types';
import { RulesetSnapshotCache } from './ruleset-snapshot';
import type { Ruleset } from '../../../shared/ruleset/types';

const FINDING_SELECT = `SELECT f.*, (SELECT group_concat(evidence_id) FROM finding_evidence fe WHERE fe.finding_id = f.id) AS evidence_ids FROM finding f`;

/** The AssessmentStore over one better-sqlite3 connection. */
export class SqliteStore implements AssessmentStore {
  private readonly actor: string;
  private readonly now: () => Date;
  /** A head written in the open transaction, recorded in the profile once it commits. */
  private pendingHead: ChainHead | undefined;
  private readonly snapshot: RulesetSnapshotCache;

  constructor(
    readonly dir: string,
    private readonly db: Database.Database,
    opts: OpenOptions,
  ) {
    this.actor = opts.actor ?? safeUser();
    this.now = opts.now ?? (() => new Date());
    this.snapshot = new RulesetSnapshotCache(dir);
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /** Appends to the hash chain; called inside the transaction of the change it records. */
  private log(action: string, subject: string, before: unknown, after: unknown, reason = ''): void {
    const prev = this.db.prepare('SELECT hash FROM history ORDER BY seq DESC LIMIT 1').get() as { hash: string } | undefined;
    const fields = {
      at: this.stamp(),
      actor: this.actor,
      action,
      subject,
      before_json: canonicalJson(before ?? null),
      after_json: canonicalJson(after ?? null),
      reason,
    };
    const prevHash = prev?.hash ?? GENESIS;
    const hash = chainHash(prevHash, fields);
    const seq = Number(
      this.db
        .prepare(
          'INSERT INTO history (at, actor, action, subject, before_json, after_json, reason, prev_hash, hash) VALUES (@at, @actor, @action, @subject, @before_json, @after_json, @reason, @prev, @hash)',
        )
        .run({ ...fields, prev: prevHash, hash }).lastInsertRowid,
    );
    this.seal({ seq, hash });
  }

  /** Signs the new head into chain_seal (same transaction). A profile without a usable key leaves the head unsigned, and verify says so. */
  private seal(head: ChainHead): void {
    let signed = { ...head, keyId: '', signature: '' };
    try {
      signed = signHead(head);
    } catch {
      // Unsigned: reported by verify, never a reason to lose the reviewer's change.
    }
    this.db
      .prepare('INSERT OR REPLACE INTO chain_seal (id, seq, hash, key_id, signature) VALUES (1, ?, ?, ?, ?)')
      .run(signed.seq, signed.hash, signed.keyId, signed.signature);
    this.pendingHead = head;
  }

  /**
   * After a commit: the profile records the new head. An anchor no longer found
   * in this history (entries were cut off by hand) is kept as it is, so verify
   * keeps reporting the cut instead of the next change papering over it.
   */
  private anchorHead(): void {
    const head = this.pendingHead;
    this.pendingHead = undefined;
    if (!head) return;
    const genesis = (this.db.prepare('SELECT hash FROM history ORDER BY seq LIMIT 1').get() as { hash: string } | undefined)?.hash;
    if (!genesis) return;
    const old = readAnchor(genesis);
    if (old && !this.db.prepare('SELECT 1 FROM history WHERE seq = ? AND hash = ?').get(old.seq, old.hash)) return;
    writeAnchor(genesis, head);
  }

  transaction<T>(work: () => T): T {
    if (this.db.inTransaction) return work();
    try {
      const result = this.db.transaction(work)();
      this.anchorHead();
      return result;
    } finally {
      this.pendingHead = undefined;
    }
  }

  /**
   * The history's record of everything else verify compares (targets, evidence,
   * self-evaluations, monitoring, review progress…), written once: at creation,
   * or on the first open of a folder made before these records were logged.
   */
  ensureBaseline(): void {
    if (this.db.prepare("SELECT 1 FROM history WHERE action = 'history.baseline' LIMIT 1").get()) return;
    this.transaction(() =>
      this.log(
        'history.baseline',
        'store',
        null,
        readCoveredState(this.db),
        '此后对考评对象、证据、自评、监测与评审进度的每次改动都记入历史',
      ),
    );
  }

  info(): AssessmentInfo {
    const r = this.db.prepare('SELECT * FROM assessment WHERE id = 1').get() as Record<string, unknown>;
    const settings = parseSettings(r.settings_json as string | undefined);
    return {
      name: r.name as string,
      year: r.year as number,
      region: r.region as string,
      issuer: r.issuer as string,
      rulesetId: r.ruleset_id as string,
      gradeBands: JSON.parse(r.grades_json as string) as AssessmentInfo['gradeBands'],
      reviewWindowDays: r.review_window_days as number,
      createdAt: r.created_at as string,
      settings,
      // One stored value: the settings' 监测时间点, set by `kaoping settings`, the new-assessment dialog or a check run.
      monitoringDate: settings.monitoringDate ?? null,
    };
  }

  rulesetSnapshot(): Ruleset {
    return this.snapshot.get(
      (this.db.prepare('SELECT ruleset_json FROM assessment WHERE id = 1').get() as { ruleset_json: string }).ruleset_json,
    );
  }

  adoptRuleset(rulesetId: string, snapshot: Ruleset, reason: string): void {
    this.transaction(() => {
      const before = this.rulesetSnapshot();
      this.db.prepare('UPDATE assessment SET ruleset_id = ?, ruleset_json = ? WHERE id = 1').run(rulesetId, canonicalJson(snapshot));
      this.log(
        'ruleset.adopt',
        'assessment',
        { rulesetId: before.id, version: before.version, libraryVersion: before.libraryVersion ?? null },
        { rulesetId, rulesetSnapshot: snapshot },
        reason,
      );
    });
  }

  updateInfo(
    patch: Partial<Pick<AssessmentInfo, 'name' | 'region' | 'issuer' | 'gradeBands' | 'reviewWindowDays' | 'settings' | 'monitoringDate'>>,
  ): void {
    this.transaction(() => {
      const before = this.info();
      const merged = { ...before, ...patch };
      const settings =
        patch.monitoringDate !== undefined ? { ...merged.settings, monitoringDate: patch.monitoringDate ?? undefined } : merged.settings;
      const after = { ...merged, settings, monitoringDate: settings.monitoringDate ?? null };
      this.db
        .prepare(
          'UPDATE assessment SET name = ?, region = ?, issuer = ?, grades_json = ?, review_window_days = ?, settings_json = ? WHERE id = 1',
        )
        .run(
          after.name,
          after.region,
          after.issuer,
          JSON.stringify(after.gradeBands),
          after.reviewWindowDays,
          JSON.stringify(after.settings),
        );
      this.log('assessment.update', 'assessment', before, after);
    });
  }

  listTargets(): Target[] {
    return (this.db.prepare('SELECT * FROM target ORDER BY id').all() as TargetRow[]).map(toTarget);
  }

  getTarget(id: number): Target {
    const row = this.db.prepare('SELECT * FROM target WHERE id = ?').get(id) as TargetRow | undefined;
    if (!row) throw new KaopingError('unknown-target', `找不到考评对象：${id}`);
    return toTarget(row);
  }

  findTarget(ref: string): Target {
    const text = ref.trim();
    if (/^\d+$/u.test(text)) {
      const row = this.db.prepare('SELECT * FROM target WHERE id = ?').get(Number(text)) as TargetRow | undefined;
      if (row) return toTarget(row);
    }
    const targets = this.listTargets();
    const url = normalizeSiteUrl(text)?.url;
    const strip = (u: string) => u.replace(/\/+$/u, '');
    let hits = url && /[./]/u.test(text) ? targets.filter((t) => t.url && strip(t.url) === strip(url)) : [];
    if (hits.length === 0) {
      const key = matchKey(text);
      hits = targets.filter(
        (t) => matchKey(t.name) === key || (t.kind === 'website' && matchKey(t.unit) === key) || t.identifier === text.toUpperCase(),
      );
    }
    if (hits.length === 1) return hits[0]!;
    if (hits.length === 0) throw new KaopingError('unknown-target', `找不到考评对象：${ref}`);
    throw new KaopingError('ambiguous-target', `“${ref}”对应多个考评对象，请用编号：${hits.map((t) => `${t.id} ${t.name}`).join('；')}`);
  }

  addTarget(target: NewTarget): Target {
    return this.addTargets([target])[0]!;
  }

  addTargets(targets: NewTarget[]): Target[] {
    for (const t of targets) {
      // Names become file and folder names (self-evaluation forms, the evidence pack).
      if (t.unit.length > NAME_MAX_CHARS) throw overLimit.name(`主管单位“${t.unit.slice(0, 20)}…”`, t.unit.length);
      if (t.name.length > NAME_MAX_CHARS) throw overLimit.name(`名称“${t.name.slice(0, 20)}…”`, t.name.length);
    }
    return this.transaction(() => {
      const insert = this.db.prepare(
        'INSERT INTO target (kind, unit, name, url, class_id, attributes_json, identifier, platform) VALUES (@kind, @unit, @name, @url, @classId, @attributes, @identifier, @platform)',
      );
      const added = targets.map((t) => {
        const id = Number(insert.run({ ...t, attributes: JSON.stringify(t.attributes) }).lastInsertRowid);
        return { ...t, id };
      });
      this.log('targets.add', `targets`, null, {
        count: added.length,
        ids: added.map((t) => t.id),
        fingerprint: canonicalJson(added),
        states: added.map((t) => targetState(this.db, t.id)),
      });
      return added;
    });
  }

  counts() {
    const one = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      websites: one("SELECT count(*) n FROM target WHERE kind = 'website'"),
      accounts: one("SELECT count(*) n FROM target WHERE kind = 'account'"),
      findings: one('SELECT count(*) n FROM finding'),
      evidence: one('SELECT count(*) n FROM evidence WHERE removed = 0'),
    };
  }

  listFindings(filter: { targetId?: number; status?: FindingStatus } = {}): Finding[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.targetId !== undefined) {
      where.push('f.target_id = ?');
      args.push(filter.targetId);
    }
    if (filter.status) {
      where.push('f.status = ?');
      args.push(filter.status);
    }
    const sql = `${FINDING_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY f.id`;
    return (this.db.prepare(sql).all(...args) as FindingRow[]).map(toFinding);
  }

  getFinding(id: number): Finding {
    const row = this.db.prepare(`${FINDING_SELECT} WHERE f.id = ?`).get(id) as FindingRow | undefined;
    if (!row) throw new KaopingError('unknown-finding', `找不到问题记录：${id}`);
    return toFinding(row);
  }

  addFinding(finding: NewFinding, reason = ''): Finding {
    return this.transaction(() => {
      this.getTarget(finding.targetId);
      const at = this.stamp();
      const id = Number(
        this.db
          .prepare(
            'INSERT INTO finding (target_id, indicator_id, rule, count, note, status, source, reviewer, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            finding.targetId,
            finding.indicatorId,
            finding.rule,
            finding.count,
            finding.note ?? '',
            finding.status,
            finding.source ?? null,
            this.actor,
            at,
            at,
          ).lastInsertRowid,
      );
      for (const e of finding.evidenceIds ?? []) {
        this.assertEvidenceFits({ id, targetId: finding.targetId, indicatorId: finding.indicatorId }, this.getEvidence(e));
        this.db.prepare('INSERT INTO finding_evidence (finding_id, evidence_id) VALUES (?, ?)').run(id, e);
      }
      const created = this.getFinding(id);
      this.log('finding.add', `finding:${id}`, null, findingState(created), reason);
      return created;
    });
  }

  updateFinding(id: number, patch: Partial<Pick<Finding, 'rule' | 'count' | 'note' | 'status' | 'indicatorId'>>, reason = ''): Finding {
    return this.transaction(() => {
      const before = this.getFinding(id);
      const next = { ...before, ...patch };
      // A repeat of the same change (a double click, a retried request) writes nothing and logs nothing.
      if (
        next.indicatorId === before.indicatorId &&
        next.rule === before.rule &&
        next.count === before.count &&
        next.note === before.note &&
        next.status === before.status
      )
        return before;
      if (
        before.status === 'confirmed' &&
        !reason.trim() &&
        (patch.count !== undefined ||
          patch.rule !== undefined ||
          patch.indicatorId !== undefined ||
          (patch.status && patch.status !== 'confirmed'))
      ) {
        throw new KaopingError('reason-required', '修改已确认问题的计分依据时必须填写原因');
      }
      if (next.status === 'dismissed' && before.status !== 'dismissed' && !reason.trim())
        throw new KaopingError('reason-required', `驳回问题 #${id} 必须填写原因`);
      this.db
        .prepare('UPDATE finding SET indicator_id = ?, rule = ?, count = ?, note = ?, status = ?, updated_at = ? WHERE id = ?')
        .run(next.indicatorId, next.rule, next.count, next.note, next.status, this.stamp(), id);
      const after = this.getFinding(id);
      this.log('finding.update', `finding:${id}`, findingState(before), findingState(after), reason);
      return after;
    });
  }

  deleteFinding(id: number, reason: string): void {
    this.transaction(() => {
      const before = this.getFinding(id);
      if (!reason.trim()) throw new KaopingError('reason-required', `删除问题 #${id} 必须填写原因`);
      this.db.prepare('DELETE FROM finding WHERE id = ?').run(id);
      // Beside the verified state, the deletion keeps what a restore needs to bring the finding back as it was.
      this.log(
        'finding.delete',
        `finding:${id}`,
        { ...findingState(before), source: before.source, reviewer: before.reviewer, createdAt: before.createdAt },
        null,
        reason,
      );
    });
  }

  restoreFinding(id: number, reason: string): Finding {
    if (!reason.trim()) throw new KaopingError('reason-required', `恢复问题 #${id} 必须填写原因`);
    return this.transaction(() => {
      const row = this.db
        .prepare("SELECT seq, before_json FROM history WHERE subject = ? AND action = 'finding.delete' ORDER BY seq DESC LIMIT 1")
        .get(`finding:${id}`) as { seq: number; before_json: string } | undefined;
      if (!row) throw new KaopingError('unknown-finding', `问题 #${id} 没有删除记录，无法恢复`);
      const again = this.db
        .prepare("SELECT 1 FROM history WHERE action = 'finding.restore' AND seq > ? AND before_json = ?")
        .get(row.seq, canonicalJson({ deleted: id }));
      if (again) throw new KaopingError('finding-restored', `问题 #${id} 已经恢复过，不能再次恢复`);
      const taken = this.db.prepare('SELECT 1 FROM finding WHERE id = ?').get(id);
      const was = JSON.parse(row.before_json) as ReturnType<typeof findingState> & {
        source?: string | null;
        reviewer?: string;
        createdAt?: string;
      };
      const at = this.stamp();
      // SQLite may have given a deleted id to a later finding: then the restored one takes a new id.
      const restoredId = Number(
        this.db
          .prepare(
            'INSERT INTO finding (id, target_id, indicator_id, rule, count, note, status, source, reviewer, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            taken ? null : id,
            was.targetId,
            was.indicatorId,
            was.rule,
            was.count,
            was.note,
            was.status,
            was.source ?? null,
            was.reviewer ?? this.actor,
            was.createdAt ?? at,
            at,
          ).lastInsertRowid,
      );
      for (const e of was.evidenceIds)
        this.db.prepare('INSERT INTO finding_evidence (finding_id, evidence_id) VALUES (?, ?)').run(restoredId, e);
      const restored = this.getFinding(restoredId);
      this.log('finding.restore', `finding:${restoredId}`, { deleted: id }, findingState(restored), reason);
      return restored;
    });
  }

  /** Evidence supports findings of its own target and indicator only; an account's screenshots may support its unit's website (where the ruleset scores new media). */
  private assertEvidenceFits(finding: { id: number; targetId: number; indicatorId: string }, evidence: Evidence): void {
    if (evidence.removed) throw new KaopingError('evidence-removed', `证据 #${evidence.id} 已被移除，不能附到问题 #${finding.id}`);
    if (evidence.targetId !== null && evidence.targetId !== finding.targetId) {
      const of = this.getTarget(evidence.targetId);
      const to = this.getTarget(finding.targetId);
      if (!(of.kind === 'account' && of.unit === to.unit))
        throw new KaopingError(
          'evidence-mismatch',
          `证据 #${evidence.id} 属于考评对象“${of.name}”，不能附到“${to.name}”的问题 #${finding.id}`,
        );
    }
    if (evidence.indicatorId !== null && evidence.indicatorId !== finding.indicatorId) {
      throw new KaopingError(
        'evidence-mismatch',
        `证据 #${evidence.id} 是为指标 ${evidence.indicatorId} 采集的，不能附到指标 ${finding.indicatorId} 的问题 #${finding.id}`,
      );
    }
  }

  recallAction(actionId: string): { method: string; result: unknown } | null {
    const row = this.db.prepare('SELECT method, result_json FROM user_action WHERE action_id = ?').get(actionId) as
      { method: string; result_json: string } | undefined;
    return row ? { method: row.method, result: JSON.parse(row.result_json) as unknown } : null;
  }

  recordAction(actionId: string, method: string, result: unknown): void {
    this.db
      .prepare('INSERT INTO user_action (action_id, method, result_json, at) VALUES (?, ?, ?, ?)')
      .run(actionId, method, JSON.stringify(result ?? null), this.stamp());
  }

  linkEvidence(findingId: number, evidenceId: number): void {
    this.transaction(() => {
      const before = this.getFinding(findingId);
      const evidence = this.getEvidence(evidenceId);
      if (before.evidenceIds.includes(evidenceId)) return;
      this.assertEvidenceFits(before, evidence);
      this.db.prepare('INSERT OR IGNORE INTO finding_evidence (finding_id, evidence_id) VALUES (?, ?)').run(findingId, evidenceId);
      this.log('finding.link-evidence', `finding:${findingId}`, findingState(before), findingState(this.getFinding(findingId)));
    });
  }

  addEvidence(content: Buffer, meta: NewEvidence): Evidence {
    const { sha256, file } = storeEvidenceFile(this.dir, content, meta.ext);
    return this.transaction(() => {
      const id = Number(
        this.db
          .prepare(
            'INSERT INTO evidence (sha256, kind, file, url, title, captured_at, viewport, target_id, indicator_id, derived_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            sha256,
            meta.kind,
            file,
            meta.url ?? null,
            meta.title ?? null,
            meta.capturedAt ?? this.stamp(),
            meta.viewport ?? null,
            meta.targetId ?? null,
            meta.indicatorId ?? null,
            meta.derivedFrom ?? null,
          ).lastInsertRowid,
      );
      const evidence = this.getEvidence(id);
      this.log('evidence.add', `evidence:${id}`, null, {
        sha256,
        file,
        kind: meta.kind,
        url: meta.url ?? null,
        state: evidenceState(this.db, id),
      });
      return evidence;
    });
  }

  addEvidenceFile(filePath: string, meta: Omit<NewEvidence, 'ext'> & { ext?: string }): Evidence {
    // A file named on the command line: a regular file of bounded size, never a device or a pipe.
    const content = readBoundedFile(filePath, EVIDENCE_FILE_MAX_BYTES);
    return this.addEvidence(content, { ...meta, ext: meta.ext ?? (path.extname(filePath).slice(1) || 'bin') });
  }

  listEvidence(filter: { targetId?: number; findingId?: number; includeRemoved?: boolean } = {}): Evidence[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (!filter.includeRemoved) where.push('e.removed = 0');
    if (filter.targetId !== undefined) {
      where.push('e.target_id = ?');
      args.push(filter.targetId);
    }
    if (filter.findingId !== undefined) {
      where.push('e.id IN (SELECT evidence_id FROM finding_evidence WHERE finding_id = ?)');
      args.push(filter.findingId);
    }
    const sql = `SELECT e.* FROM evidence e${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY e.id`;
    return (this.db.prepare(sql).all(...args) as EvidenceRow[]).map(toEvidence);
  }

  getEvidence(id: number): Evidence {
    const row = this.db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow | undefined;
    if (!row) throw new KaopingError('unknown-evidence', `找不到证据：${id}`);
    return toEvidence(row);
  }

  removeEvidence(id: number, reason: string): void {
    if (!reason.trim()) throw new KaopingError('reason-required', '移除证据必须填写原因');
    this.transaction(() => {
      const before = this.getEvidence(id);
      this.db.prepare('UPDATE evidence SET removed = 1 WHERE id = ?').run(id);
      this.log('evidence.remove', `evidence:${id}`, { removed: before.removed }, { removed: true }, reason);
      // Removed evidence supports nothing: the findings it was attached to let go of it, each change in the history.
      const linked = this.db.prepare('SELECT finding_id FROM finding_evidence WHERE evidence_id = ? ORDER BY finding_id').all(id) as {
        finding_id: number;
      }[];
      for (const { finding_id: findingId } of linked) {
        const was = this.getFinding(findingId);
        this.db.prepare('DELETE FROM finding_evidence WHERE finding_id = ? AND evidence_id = ?').run(findingId, id);
        this.log('finding.unlink-evidence', `finding:${findingId}`, findingState(was), findingState(this.getFinding(findingId)), reason);
      }
    });
  }

  evidencePath(evidence: Evidence): string {
    return path.join(this.dir, evidence.file);
  }

  putSelfEvalScores(targetId: number, scores: Omit<SelfEvalScore, 'targetId' | 'sourceFile'>[], sourceFile: string): void {
    this.transaction(() => {
      this.getTarget(targetId);
      const before = this.listSelfEvalScores(targetId);
      this.db.prepare('DELETE FROM selfeval_score WHERE target_id = ?').run(targetId);
      const insert = this.db.prepare(
        'INSERT INTO selfeval_score (target_id, indicator_id, score, explanation, material, source_file) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const s of scores) insert.run(targetId, s.indicatorId, s.score, s.explanation, s.material, sourceFile);
      this.log(
        'selfeval.put',
        `target:${targetId}`,
        { count: before.length },
        { count: scores.length, scores: selfevalState(this.db, targetId) },
        `导入自评表 ${path.basename(sourceFile)}`,
      );
    });
  }

  listSelfEvalScores(targetId?: number): SelfEvalScore[] {
    const rows = (
      targetId === undefined
        ? this.db.prepare('SELECT * FROM selfeval_score ORDER BY target_id, indicator_id').all()
        : this.db.prepare('SELECT * FROM selfeval_score WHERE target_id = ? ORDER BY indicator_id').all(targetId)
    ) as Record<string, unknown>[];
    return rows.map((r) => ({
      targetId: r.target_id as number,
      indicatorId: r.indicator_id as string,
      score: r.score as number | null,
      explanation: r.explanation as string,
      material: r.material as string,
      sourceFile: r.source_file as string,
    }));
  }

  addReviewRequest(targetId: number, reason: string): ReviewRequest {
    return this.transaction(() => {
      this.getTarget(targetId);
      const id = Number(
        this.db
          .prepare("INSERT INTO review_request (target_id, reason, status, created_at) VALUES (?, ?, 'open', ?)")
          .run(targetId, reason, this.stamp()).lastInsertRowid,
      );
      const created = toReview(this.db.prepare('SELECT * FROM review_request WHERE id = ?').get(id) as ReviewRow);
      this.log('review.open', `review:${id}`, null, created, reason);
      return created;
    });
  }

  closeReviewRequest(id: number, status: 'accepted' | 'rejected', outcome: string): ReviewRequest {
    return this.transaction(() => {
      const row = this.db.prepare('SELECT * FROM review_request WHERE id = ?').get(id) as ReviewRow | undefined;
      if (!row) throw new KaopingError('unknown-review', `找不到复核申请：${id}`);
      this.db
        .prepare('UPDATE review_request SET status = ?, outcome = ?, closed_at = ? WHERE id = ?')
        .run(status, outcome, this.stamp(), id);
      const after = toReview(this.db.prepare('SELECT * FROM review_request WHERE id = ?').get(id) as ReviewRow);
      this.log('review.close', `review:${id}`, toReview(row), after, outcome);
      return after;
    });
  }

  listReviewRequests(targetId?: number): ReviewRequest[] {
    const rows = (
      targetId === undefined
        ? this.db.prepare('SELECT * FROM review_request ORDER BY id').all()
        : this.db.prepare('SELECT * FROM review_request WHERE target_id = ? ORDER BY id').all(targetId)
    ) as ReviewRow[];
    return rows.map(toReview);
  }

  addMonitorAttempts(attempts: NewMonitorAttempt[]): void {
    this.transaction(() => {
      const insert = this.db.prepare('INSERT INTO monitor_attempt (target_id, at, ok, status, ms, error) VALUES (?, ?, ?, ?, ?, ?)');
      const logged: Record<number, unknown> = {};
      for (const a of attempts) {
        const id = Number(insert.run(a.targetId, a.at, a.ok ? 1 : 0, a.status, a.ms, a.error).lastInsertRowid);
        logged[id] = monitorState(this.db, id);
      }
      // They score nothing until a reviewer confirms the suggestion they lead to, but that suggestion rests on them.
      if (attempts.length) this.log('monitor.attempts', 'monitor:attempts', null, logged);
    });
  }

  listMonitorAttempts(targetId?: number): MonitorAttempt[] {
    const rows = (
      targetId === undefined
        ? this.db.prepare('SELECT * FROM monitor_attempt ORDER BY target_id, at, id').all()
        : this.db.prepare('SELECT * FROM monitor_attempt WHERE target_id = ? ORDER BY at, id').all(targetId)
    ) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as number,
      targetId: r.target_id as number,
      at: r.at as string,
      ok: r.ok === 1,
      status: r.status as number,
      ms: r.ms as number,
      error: r.error as string,
    }));
  }

  replaceCheckNotes(targetId: number, checks: readonly string[], notes: readonly CheckNoteView[]): void {
    this.transaction(() => {
      this.getTarget(targetId);
      const drop = this.db.prepare('DELETE FROM check_note WHERE target_id = ? AND check_name = ?');
      for (const check of new Set([...checks, ...notes.map((n) => n.check)])) drop.run(targetId, check);
      const insert = this.db.prepare(
        'INSERT INTO check_note (target_id, check_name, detect, text, indicator_id, indicator, rule, items_json, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const n of notes)
        insert.run(targetId, n.check, n.detect, n.text, n.indicatorId, n.indicator, n.rule, JSON.stringify(n.items), n.checkedAt);
    });
  }

  listCheckNotes(targetId?: number): CheckNoteView[] {
    const rows = (
      targetId === undefined
        ? this.db
            .prepare(
              'SELECT n.*, t.name AS target_name, t.unit AS target_unit FROM check_note n JOIN target t ON t.id = n.target_id ORDER BY n.target_id, n.id',
            )
            .all()
        : this.db
            .prepare(
              'SELECT n.*, t.name AS target_name, t.unit AS target_unit FROM check_note n JOIN target t ON t.id = n.target_id WHERE n.target_id = ? ORDER BY n.id',
            )
            .all(targetId)
    ) as Record<string, unknown>[];
    return rows.map((r) => ({
      targetId: r.target_id as number,
      target: (r.target_name as string) || (r.target_unit as string),
      check: r.check_name as string,
      detect: (r.detect as CheckNoteView['detect']) ?? null,
      text: r.text as string,
      indicatorId: (r.indicator_id as string | null) ?? null,
      indicator: (r.indicator as string | null) ?? null,
      rule: (r.rule as number | null) ?? null,
      items: JSON.parse(r.items_json as string) as CheckNoteView['items'],
      checkedAt: r.checked_at as string,
    }));
  }

  setIndicatorReviewed(targetId: number, indicatorId: string, reviewed: boolean, reason = ''): void {
    this.transaction(() => {
      this.getTarget(targetId);
      const before = reviewedState(this.db, targetId, indicatorId);
      if ((before !== null) === reviewed) return;
      if (reviewed)
        this.db
          .prepare('INSERT INTO indicator_review (target_id, indicator_id, reviewer, reviewed_at) VALUES (?, ?, ?, ?)')
          .run(targetId, indicatorId, this.actor, this.stamp());
      else this.db.prepare('DELETE FROM indicator_review WHERE target_id = ? AND indicator_id = ?').run(targetId, indicatorId);
      // Review progress decides whether a score is final (grade, rank), so it is history; the entry carries the row for verify.
      this.log(
        reviewed ? 'review.done' : 'review.undo',
        `reviewed:${targetId}|${indicatorId}`,
        before,
        reviewedState(this.db, targetId, indicatorId),
        reason,
      );
    });
  }

  listReviewedIndicators(targetId?: number): { targetId: number; indicatorId: string }[] {
    const rows = (
      targetId === undefined
        ? this.db.prepare('SELECT target_id, indicator_id FROM indicator_review ORDER BY target_id, indicator_id').all()
        : this.db.prepare('SELECT target_id, indicator_id FROM indicator_review WHERE target_id = ? ORDER BY indicator_id').all(targetId)
    ) as { target_id: number; indicator_id: string }[];
    return rows.map((r) => ({ targetId: r.target_id, indicatorId: r.indicator_id }));
  }

  addVisit(targetId: number, url: string, title: string): Visit {
    const at = this.stamp();
    const id = Number(
      this.db.prepare('INSERT INTO visit (target_id, url, title, at) VALUES (?, ?, ?, ?)').run(targetId, url, title, at).lastInsertRowid,
    );
    return { id, targetId, url, title, at };
  }

  listVisits(targetId: number, limit = 50): Visit[] {
    const rows = this.db.prepare('SELECT * FROM visit WHERE target_id = ? ORDER BY id DESC LIMIT ?').all(targetId, limit) as Record<
      string,
      unknown
    >[];
    return rows.map((r) => ({
      id: r.id as number,
      targetId: r.target_id as number,
      url: r.url as string,
      title: r.title as string,
      at: r.at as string,
    }));
  }

  putAccountReview(targetId: number, answers: unknown): void {
    this.getTarget(targetId);
    this.transaction(() => {
      const before = accountState(this.db, targetId);
      this.db
        .prepare('INSERT OR REPLACE INTO account_review (target_id, answers_json, reviewer, updated_at) VALUES (?, ?, ?, ?)')
        .run(targetId, JSON.stringify(answers), this.actor, this.stamp());
      this.log('account.review', `account:${targetId}`, before, accountState(this.db, targetId));
    });
  }

  getAccountReview(targetId: number): { answers: unknown; reviewer: string; updatedAt: string } | null {
    const row = this.db.prepare('SELECT * FROM account_review WHERE target_id = ?').get(targetId) as
      { answers_json: string; reviewer: string; updated_at: string } | undefined;
    return row ? { answers: JSON.parse(row.answers_json) as unknown, reviewer: row.reviewer, updatedAt: row.updated_at } : null;
  }

  history(): HistoryEntry[] {
    return (this.db.prepare('SELECT * FROM history ORDER BY seq').all() as Record<string, unknown>[]).map((r) => ({
      seq: r.seq as number,
      at: r.at as string,
      actor: r.actor as string,
      action: r.action as string,
      subject: r.subject as string,
      before: JSON.parse(r.before_json as string) as unknown,
      after: JSON.parse(r.after_json as string) as unknown,
      reason: r.reason as string,
      prevHash: r.prev_hash as string,
      hash: r.hash as string,
    }));
  }
  findingCounts() {
    return this.db.prepare('SELECT target_id AS targetId, status, count(*) AS count FROM finding GROUP BY target_id, status').all() as {
      targetId: number;
      status: FindingStatus;
      count: number;
    }[];
  }

  historyHead(): number {
    return (this.db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM history').get() as { seq: number }).seq;
  }

  historySince(seq: number) {
    return (
      this.db.prepare('SELECT seq, action, subject, before_json, after_json FROM history WHERE seq > ? ORDER BY seq').all(seq) as Record<
        string,
        unknown
      >[]
    ).map((r) => ({
      seq: r.seq as number,
      action: r.action as string,
      subject: r.subject as string,
      before: JSON.parse(r.before_json as string) as unknown,
      after: JSON.parse(r.after_json as string) as unknown,
    }));
  }

  lastRecorded(action: string, subject: string): string | null {
    const row = this.db
      .prepare('SELECT at FROM history WHERE action = ? AND subject = ? ORDER BY seq DESC LIMIT 1')
      .get(action, subject) as { at: string } | undefined;
    return row?.at ?? null;
  }

  recordEvent(action: string, subject: string, after: unknown, reason = ''): void {
    this.transaction(() => this.log(action, subject, null, after, reason));
  }

  openReviewRequest(request: NewReviewRequest): ReviewRequest {
    return this.transaction(() => {
      this.getTarget(request.targetId);
      const id = Number(
        this.db
          .prepare("INSERT INTO review_request (target_id, reason, status, created_at, received_on) VALUES (?, ?, 'open', ?, ?)")
          .run(request.targetId, request.reason, this.stamp(), request.receivedOn).lastInsertRowid,
      );
      const item = this.db.prepare('INSERT INTO review_request_item (request_id, indicator_id, requested) VALUES (?, ?, ?)');
      for (const i of request.items) item.run(id, i.indicatorId, i.requested);
      const attach = this.db.prepare('INSERT INTO review_request_evidence (request_id, evidence_id) VALUES (?, ?)');
      for (const e of request.attachmentIds) attach.run(id, this.getEvidence(e).id);
      const created = this.getReviewRequest(id);
      this.log(
        'review.open',
        `review:${id}`,
        null,
        { ...created, items: request.items, attachmentIds: request.attachmentIds },
        request.reason,
      );
      return created;
    });
  }

  getReviewRequest(id: number): ReviewRequest {
    const row = this.db.prepare('SELECT * FROM review_request WHERE id = ?').get(id) as ReviewRow | undefined;
    if (!row) throw new KaopingError('unknown-review', `找不到复核申请：${id}`);
    return toReview(row);
  }

  listReviewItems(requestId?: number): ReviewRequestItem[] {
    const rows = (
      requestId === undefined
        ? this.db.prepare('SELECT * FROM review_request_item ORDER BY request_id, rowid').all()
        : this.db.prepare('SELECT * FROM review_request_item WHERE request_id = ? ORDER BY rowid').all(requestId)
    ) as Record<string, unknown>[];
    return rows.map((r) => ({
      requestId: r.request_id as number,
      indicatorId: r.indicator_id as string,
      requested: r.requested as number | null,
      decision: r.decision as ReviewRequestItem['decision'],
      decisionReason: r.decision_reason as string,
      effect: r.effect_json ? (JSON.parse(r.effect_json as string) as ReviewEffect) : null,
      decidedAt: r.decided_at as string | null,
    }));
  }

  listReviewAttachments(requestId: number): number[] {
    return (
      this.db.prepare('SELECT evidence_id FROM review_request_evidence WHERE request_id = ? ORDER BY evidence_id').all(requestId) as {
        evidence_id: number;
      }[]
    ).map((r) => r.evidence_id);
  }

  decideReviewItem(
    requestId: number,
    indicatorId: string,
    decision: 'accepted' | 'rejected',
    reason: string,
    effect: ReviewEffect | null,
  ): ReviewRequestItem {
    if (!reason.trim()) throw new KaopingError('reason-required', '复核决定必须填写理由');
    return this.transaction(() => {
      const request = this.getReviewRequest(requestId);
      const before = this.listReviewItems(requestId).find((i) => i.indicatorId === indicatorId);
      if (!before) throw new KaopingError('unknown-review-item', `复核申请 #${requestId} 没有对指标 ${indicatorId} 提出异议`);
      if (before.decision)
        throw new KaopingError(
          'review-decided',
          `复核申请 #${requestId} 的这一指标已决定（${before.decision === 'accepted' ? '采纳' : '不予采纳'}），不能再次决定`,
        );
      this.db
        .prepare(
          'UPDATE review_request_item SET decision = ?, decision_reason = ?, effect_json = ?, decided_at = ? WHERE request_id = ? AND indicator_id = ?',
        )
        .run(decision, reason, effect ? JSON.stringify(effect) : null, this.stamp(), requestId, indicatorId);
      const items = this.listReviewItems(requestId);
      const after = items.find((i) => i.indicatorId === indicatorId)!;
      this.log('review.decide', `review:${requestId}`, before, after, reason);
      if (items.every((i) => i.decision)) {
        const status = items.some((i) => i.decision === 'accepted') ? 'accepted' : 'rejected';
        const outcome = items.map((i) => `${i.indicatorId}：${i.decision === 'accepted' ? '采纳' : '不予采纳'}`).join('；');
        this.db
          .prepare('UPDATE review_request SET status = ?, outcome = ?, closed_at = ? WHERE id = ?')
          .run(status, outcome, this.stamp(), requestId);
        this.log('review.close', `review:${requestId}`, request, this.getReviewRequest(requestId), outcome);
      }
      return after;
    });
  }

  recordFeedbackSent(rows: Omit<FeedbackSending, 'id' | 'createdAt'>[]): void {
    this.transaction(() => {
      const insert = this.db.prepare('INSERT INTO feedback_sent (target_id, sent_on, file, sha256, created_at) VALUES (?, ?, ?, ?, ?)');
      for (const r of rows) insert.run(this.getTarget(r.targetId).id, r.sentOn, r.file, r.sha256, this.stamp());
      this.log('feedback.sent', 'feedback', null, rows, `发送初步考评结果 ${rows.length} 份`);
    });
  }

  listFeedbackSent(targetId?: number): FeedbackSending[] {
    const rows = (
      targetId === undefined
        ? this.db.prepare('SELECT * FROM feedback_sent ORDER BY sent_on, id').all()
        : this.db.prepare('SELECT * FROM feedback_sent WHERE target_id = ? ORDER BY sent_on, id').all(targetId)
    ) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as number,
      targetId: r.target_id as number,
      sentOn: r.sent_on as string,
      file: r.file as string,
      sha256: r.sha256 as string,
      createdAt: r.created_at as string,
    }));
  }

  chainHead(): SignedHead | null {
    return (
      (this.db.prepare('SELECT seq, hash, key_id AS keyId, signature FROM chain_seal WHERE id = 1').get() as SignedHead | undefined) ?? null
    );
  }

  /** Records the creation of the assessment itself as the chain's first entry. */
  logCreation(rulesetSnapshot: unknown): void {
    this.log('assessment.create', 'assessment', null, { ...this.info(), rulesetSnapshot });
  }

  // --- Paged lists (issue 19): the overview reads one page, not every target.

  searchTargetIds(filter: TargetSearch): number[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.text) {
      // Substring search: % and _ typed by the reviewer are literal.
      const like = `%${filter.text.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
      where.push(
        "(unit LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\' OR coalesce(url, '') LIKE ? ESCAPE '\\' OR coalesce(identifier, '') LIKE ? ESCAPE '\\' OR coalesce(platform, '') LIKE ? ESCAPE '\\')",
      );
      args.push(like, like, like, like, like);
    }
    if (filter.classId !== undefined) {
      where.push('class_id = ?');
      args.push(filter.classId);
    }
    if (filter.kind !== undefined) {
      where.push('kind = ?');
      args.push(filter.kind);
    }
    if (filter.hasUrl) where.push("coalesce(url, '') <> ''");
    if (filter.suggested !== undefined)
      where.push(
        `${filter.suggested ? '' : 'NOT '}EXISTS (SELECT 1 FROM finding f WHERE f.status = 'suggested' AND f.target_id = target.id)`,
      );
    const order = filter.orderByName ? 'unit, name, id' : 'id';
    const sql = `SELECT id FROM target${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}`;
    return this.db
      .prepare(sql)
      .pluck()
      .all(...args) as number[];
  }

  getTargets(ids: readonly number[]): Target[] {
    const rows = this.db
      .prepare('SELECT * FROM target WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as TargetRow[];
    const byId = new Map(rows.map((r) => [r.id, toTarget(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  findingCountsOf(ids: readonly number[]) {
    return this.db
      .prepare(
        'SELECT target_id AS targetId, status, count(*) AS count FROM finding WHERE target_id IN (SELECT value FROM json_each(?)) GROUP BY target_id, status',
      )
      .all(JSON.stringify(ids)) as { targetId: number; status: FindingStatus; count: number }[];
  }

  suggestedTargetsByClass() {
    return this.db
      .prepare(
        "SELECT t.class_id AS classId, count(DISTINCT f.target_id) AS count FROM finding f JOIN target t ON t.id = f.target_id WHERE f.status = 'suggested' GROUP BY t.class_id",
      )
      .all() as { classId: string; count: number }[];
  }

  close(): void {
    this.db.close();
  }
}

function safeUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '评审人员';
  }
}

/** Settings as stored; a damaged or missing value reads as no settings (the defaults). */
/** The assessment's settings column as the store reads it (verify reads it the same way). */
export function parseSettings(json: string | undefined): AssessmentSettings {
  if (!json) return {};
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as AssessmentSettings) : {};
  } catch {
    return {};
  }
}
