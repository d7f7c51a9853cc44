/**
 * The records besides findings that change a score or a document, in the one
 * form the history stores and `verify` compares: targets (class, URL,
 * attributes), evidence (every field, removals), self-evaluation scores,
 * monitoring attempts, review progress, review requests (with their disputed
 * items, decisions and attachments), preliminary results sent, and account
 * review forms. The store logs these states; verify replays the log into them and
 * compares with what the tables hold. (Findings have their own, older log.)
 */
import type Database from 'better-sqlite3';
import { canonicalJson } from './history-chain';
import { toEvidence, toReview, toTarget, type EvidenceRow, type ReviewRow, type TargetRow } from './rows';

export type StateMap = Record<string, unknown>;

export interface CoveredState {
  targets: StateMap;
  evidence: StateMap;
  selfeval: StateMap;
  monitor: StateMap;
  reviewed: StateMap;
  requests: StateMap;
  requestItems: StateMap;
  attachments: StateMap;
  feedback: StateMap;
  accounts: StateMap;
}

/** What each part is called in a Chinese report, and how one key reads. */
export const PART_LABEL: Record<keyof CoveredState, (key: string) => string> = {
  targets: (k) => `考评对象 #${k}`,
  evidence: (k) => `证据 #${k}`,
  selfeval: (k) => `考评对象 #${k} 的自评得分`,
  monitor: (k) => `监测记录 #${k}`,
  reviewed: (k) => `评审进度（对象 #${k.split('|')[0]}，指标 ${k.split('|')[1]}）`,
  requests: (k) => `复核申请 #${k}`,
  requestItems: (k) => `复核申请 #${k.split('|')[0]} 对指标 ${k.split('|')[1]} 的申请与决定`,
  attachments: (k) => `复核申请 #${k} 的附件`,
  feedback: (k) => `初步考评结果发送记录（对象 #${k.split('|')[0]}，${k.split('|')[1]}）`,
  accounts: (k) => `考评对象 #${k} 的新媒体检查表`,
};

export const emptyState = (): CoveredState => ({
  targets: {},
  evidence: {},
  selfeval: {},
  monitor: {},
  reviewed: {},
  requests: {},
  requestItems: {},
  attachments: {},
  feedback: {},
  accounts: {},
});

/** A disputed indicator of a review request in one form, whether read from the table or the log. */
const itemState = (i: {
  requested?: number | null;
  decision?: string | null;
  decisionReason?: string;
  effect?: unknown;
  decidedAt?: string | null;
}) =>
  plain({
    requested: i.requested ?? null,
    decision: i.decision ?? null,
    decisionReason: i.decisionReason ?? '',
    effect: i.effect ?? null,
    decidedAt: i.decidedAt ?? null,
  });

/** Preliminary results sent, counted per target, day, file and hash (the log carries no row ids). */
const feedbackKey = (r: { targetId: number; sentOn: string; file: string; sha256: string }) =>
  `${r.targetId}|${r.sentOn}|${r.file}|${r.sha256}`;

/** Parsed back from canonical JSON, so a state compares equal whether it came from the log or the table. */
const plain = (value: unknown): unknown => JSON.parse(canonicalJson(value)) as unknown;

export const targetState = (db: Database.Database, id: number) =>
  plain(toTarget(db.prepare('SELECT * FROM target WHERE id = ?').get(id) as TargetRow));
export const evidenceState = (db: Database.Database, id: number) =>
  plain(toEvidence(db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow));
export const requestState = (db: Database.Database, id: number) =>
  plain(toReview(db.prepare('SELECT * FROM review_request WHERE id = ?').get(id) as ReviewRow));

export const selfevalState = (db: Database.Database, targetId: number) =>
  plain(
    db
      .prepare(
        'SELECT indicator_id, score, explanation, material, source_file FROM selfeval_score WHERE target_id = ? ORDER BY indicator_id',
      )
      .all(targetId),
  );

export const monitorState = (db: Database.Database, id: number) =>
  plain(db.prepare('SELECT target_id, at, ok, status, ms, error FROM monitor_attempt WHERE id = ?').get(id));

export const reviewedState = (db: Database.Database, targetId: number, indicatorId: string) =>
  plain(
    db.prepare('SELECT reviewer, reviewed_at FROM indicator_review WHERE target_id = ? AND indicator_id = ?').get(targetId, indicatorId) ??
      null,
  );

export const accountState = (db: Database.Database, targetId: number) =>
  plain(db.prepare('SELECT answers_json, reviewer, updated_at FROM account_review WHERE target_id = ?').get(targetId) ?? null);

/** Every covered record as the tables hold it now. */
export function readCoveredState(db: Database.Database): CoveredState {
  const state = emptyState();
  const ids = (sql: string) => (db.prepare(sql).all() as { id: number }[]).map((r) => r.id);
  for (const id of ids('SELECT id FROM target')) state.targets[id] = targetState(db, id);
  for (const id of ids('SELECT id FROM evidence')) state.evidence[id] = evidenceState(db, id);
  for (const id of ids('SELECT DISTINCT target_id AS id FROM selfeval_score')) state.selfeval[id] = selfevalState(db, id);
  for (const id of ids('SELECT id FROM monitor_attempt')) state.monitor[id] = monitorState(db, id);
  for (const r of db.prepare('SELECT target_id, indicator_id FROM indicator_review').all() as { target_id: number; indicator_id: string }[])
    state.reviewed[`${r.target_id}|${r.indicator_id}`] = reviewedState(db, r.target_id, r.indicator_id);
  for (const id of ids('SELECT id FROM review_request')) state.requests[id] = requestState(db, id);
  for (const id of ids('SELECT target_id AS id FROM account_review')) state.accounts[id] = accountState(db, id);
  for (const r of db.prepare('SELECT * FROM review_request_item').all() as Record<string, unknown>[]) {
    const effect = r.effect_json ? (JSON.parse(r.effect_json as string) as unknown) : null;
    state.requestItems[`${r.request_id}|${r.indicator_id}`] = itemState({
      requested: r.requested as number | null,
      decision: r.decision as string | null,
      decisionReason: r.decision_reason as string,
      effect,
      decidedAt: r.decided_at as string | null,
    });
  }
  for (const r of db.prepare('SELECT request_id, evidence_id FROM review_request_evidence ORDER BY evidence_id').all() as {
    request_id: number;
    evidence_id: number;
  }[])
    state.attachments[r.request_id] = [...((state.attachments[r.request_id] as number[] | undefined) ?? []), r.evidence_id];
  for (const r of db.prepare('SELECT target_id, sent_on, file, sha256 FROM feedback_sent').all() as {
    target_id: number;
    sent_on: string;
    file: string;
    sha256: string;
  }[]) {
    const key = feedbackKey({ targetId: r.target_id, sentOn: r.sent_on, file: r.file, sha256: r.sha256 });
    state.feedback[key] = ((state.feedback[key] as number | undefined) ?? 0) + 1;
  }
  return state;
}

/**
 * Applies one history entry to a replayed state. Returns false for entries
 * that do not concern these records.
 */
export function applyEntry(state: CoveredState, action: string, subject: string, after: unknown): boolean {
  const [kind, key] = [subject.slice(0, subject.indexOf(':')), subject.slice(subject.indexOf(':') + 1)];
  const set = (map: StateMap, k: string, v: unknown) => (v === null || (Array.isArray(v) && v.length === 0) ? delete map[k] : (map[k] = v));
  switch (action) {
    case 'history.baseline':
      Object.assign(state, after as CoveredState);
      return true;
    case 'targets.add':
      for (const t of (after as { states?: { id: number }[] }).states ?? []) state.targets[t.id] = t;
      return true;
    case 'evidence.add':
      if ((after as { state?: unknown }).state !== undefined) state.evidence[key] = (after as { state: unknown }).state;
      return true;
    case 'evidence.remove':
      if (state.evidence[key]) state.evidence[key] = { ...(state.evidence[key] as object), removed: true };
      return true;
    case 'selfeval.put':
      if (after && typeof after === 'object') set(state.selfeval, key, (after as { scores: unknown }).scores);
      return true;
    case 'monitor.attempts':
      for (const [id, attempt] of Object.entries(after as StateMap)) state.monitor[id] = attempt;
      return true;
    case 'review.indicator':
    case 'review.done':
    case 'review.undo':
      set(state.reviewed, key, after);
      return true;
    case 'review.open':
    case 'review.close': {
      const { items, attachmentIds, ...request } = after as Record<string, unknown>;
      if (kind !== 'review') return true;
      state.requests[key] = request;
      // Opening carries the disputed items and attachments (the tables of their own); closing does not.
      for (const i of (items as { indicatorId: string; requested?: number | null }[] | undefined) ?? [])
        state.requestItems[`${key}|${i.indicatorId}`] = itemState({ requested: i.requested });
      const attached = [...((attachmentIds as number[] | undefined) ?? [])].sort((a, b) => a - b);
      if (attached.length) state.attachments[key] = attached;
      return true;
    }
    case 'review.decide': {
      const item = after as { indicatorId: string };
      state.requestItems[`${key}|${item.indicatorId}`] = itemState(after as Parameters<typeof itemState>[0]);
      return true;
    }
    case 'feedback.sent':
      for (const r of after as { targetId: number; sentOn: string; file: string; sha256: string }[])
        state.feedback[feedbackKey(r)] = ((state.feedback[feedbackKey(r)] as number | undefined) ?? 0) + 1;
      return true;
    case 'account.review':
      set(state.accounts, key, after);
      return true;
    default:
      return false;
  }
}
