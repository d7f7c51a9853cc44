import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessment, openAssessment } from '../../../electron/services/store/open';
import { scoreStoredAssessment } from '../../../electron/services/scoring/score-assessment';
import { applicableIndicatorIds } from '../../../shared/scoring/engine';
import { listIndicators } from '../../../shared/ruleset/walk';
import { toScoringTarget } from '../../../electron/services/scoring/score-assessment';
import type { AssessmentOverview, TargetDelta, TargetQuery, TargetRow } from '../../../shared/api/views';
import type { TargetScore } from '../../../shared/scoring/types';
import type { AssessmentStore } from '../../../electron/services/store/types';
import { callThroughDispatch } from '../../helpers/dispatch';
import { applyDelta } from '../../../renderer/src/review/apply-delta';
import { ruleset } from '../../helpers/rulesets';

const zj = ruleset('zhanjiang-2021');
const CLASSES = ['county', 'city-service', 'city-noservice'];
const UNITS = ['南岭县人民政府', '北岭县教育局', '东岭市卫生健康局', '西岭镇人民政府', 'Nanling Data Bureau'];
const basic = listIndicators(zj, 'website').filter((p) => p.part.kind === 'basic');
const veto = listIndicators(zj, 'website').find((p) => p.part.kind === 'veto')!;

/** A small pseudo-random sequence: the same assessment on every run. */
function seeded(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((x / 2 ** 31) * n);
  };
}

/** 45 websites in three classes and 12 accounts, findings of every status, some targets fully reviewed, one vetoed. */
function build(store: AssessmentStore): void {
  const pick = seeded(19);
  store.addTargets([
    ...Array.from({ length: 45 }, (_, i) => ({
      kind: 'website' as const,
      unit: `${UNITS[i % UNITS.length]}${i}`,
      name: `网站${i}`,
      url: `http://s${i}.gov.cn/`,
      classId: CLASSES[i % 3]!,
      attributes: {},
      identifier: null,
      platform: null,
    })),
    ...Array.from({ length: 12 }, (_, i) => ({
      kind: 'account' as const,
      unit: `${UNITS[i % UNITS.length]}${i}`,
      name: `账号${i}`,
      url: null,
      classId: 'account',
      attributes: {},
      identifier: `ID${i}`,
      platform: i % 2 ? '微信' : '抖音',
    })),
  ]);
  store.transaction(() => {
    for (let i = 0; i < 160; i++) {
      const place = basic[pick(basic.length)]!;
      const status = (['confirmed', 'confirmed', 'suggested', 'dismissed'] as const)[pick(4)]!;
      store.addFinding({
        targetId: pick(45) + 1,
        indicatorId: place.indicator.id,
        rule: place.indicator.rules[0]!.n,
        count: pick(4) + 1,
        status,
      });
    }
    store.addFinding({ targetId: 7, indicatorId: veto.indicator.id, rule: veto.indicator.rules[0]!.n, count: 1, status: 'confirmed' });
    // Two thirds of the websites fully reviewed: they are ranked and graded; the rest are provisional.
    for (const t of store.listTargets().filter((t) => t.kind === 'website' && t.id % 3 !== 0))
      for (const id of applicableIndicatorIds(zj, toScoringTarget(t))) store.setIndicatorReviewed(t.id, id, true);
  });
}

const done = (s: TargetScore) => s.progress.reviewed >= s.progress.total;
const nullsLast = (a: number | null, b: number | null, sign: number) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : sign * (a - b));

/** The order the overview must give, computed here from a full rescore and the stored targets. */
function expected(store: AssessmentStore, q: TargetQuery): number[] {
  const scores = new Map(scoreStoredAssessment(store).map((s) => [s.targetId, s]));
  const suggested = new Set(store.listFindings({ status: 'suggested' }).map((f) => f.targetId));
  const text = q.text?.toLowerCase();
  let rows = store
    .listTargets()
    .filter((t) => !text || [t.unit, t.name, t.url ?? '', t.identifier ?? '', t.platform ?? ''].some((s) => s.toLowerCase().includes(text)))
    .filter(
      (t) =>
        (q.classId === undefined || t.classId === q.classId) &&
        (q.kind === undefined || t.kind === q.kind) &&
        (q.suggested === undefined || suggested.has(t.id) === q.suggested),
    )
    .map((t) => ({ t, s: scores.get(t.id)! }))
    .filter(
      ({ s }) =>
        (q.status === undefined || done(s) === (q.status === 'done')) &&
        (q.veto === undefined || s.veto === q.veto) &&
        (q.grade === undefined || (s.complete && !s.veto && s.grade === q.grade)),
    );
  const sign = q.desc ? -1 : 1;
  const classIndex = (id: string) => zj.classes.findIndex((c) => c.id === id);
  const byId = (a: { t: { id: number } }, b: { t: { id: number } }) => a.t.id - b.t.id;
  if (q.sort === 'name')
    rows.sort((a, b) =>
      a.t.unit < b.t.unit ? -1 : a.t.unit > b.t.unit ? 1 : a.t.name < b.t.name ? -1 : a.t.name > b.t.name ? 1 : byId(a, b),
    );
  else if (q.sort === 'rank')
    rows.sort((a, b) => classIndex(a.s.classId) - classIndex(b.s.classId) || nullsLast(a.s.rank, b.s.rank, sign) || byId(a, b));
  else if (q.sort === 'score') rows.sort((a, b) => nullsLast(a.s.total, b.s.total, sign) || byId(a, b));
  else if (q.sort === 'progress')
    rows.sort(
      (a, b) => nullsLast(a.s.progress.reviewed / a.s.progress.total, b.s.progress.reviewed / b.s.progress.total, sign) || byId(a, b),
    );
  else rows = q.desc ? rows.reverse() : rows;
  if (q.sort === 'name' && q.desc) rows.reverse();
  return rows.map(({ t }) => t.id);
}

describe('the paged overview and the deltas of review actions', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-overview-'));
  const call = callThroughDispatch(workspace);
  let store: AssessmentStore;

  beforeAll(() => {
    const created = createAssessment(path.join(workspace, 'a'), {
      name: '分页',
      year: 2025,
      rulesetId: zj.id,
      rulesetSnapshot: zj,
      gradeBands: zj.grades.bands,
    });
    build(created);
    created.close();
    // A second connection, as a CLI would have: the reference scores are computed from it.
    store = openAssessment(path.join(workspace, 'a'));
  });
  afterAll(() => store.close());

  /** Every page of a query, 7 rows at a time. */
  async function allPages(query: TargetQuery): Promise<{ ids: number[]; first: AssessmentOverview }> {
    const first = await call<AssessmentOverview>('assessment/overview', { id: 'a', query, limit: 7 });
    const ids = first.targets.map((t) => t.id);
    for (let offset = 7; offset < first.matched; offset += 7) {
      const page = await call<AssessmentOverview>('assessment/overview', { id: 'a', query, offset, limit: 7 });
      expect(page.matched).toBe(first.matched);
      expect(page.targets.length).toBeLessThanOrEqual(7);
      ids.push(...page.targets.map((t) => t.id));
    }
    return { ids, first };
  }

  const queries: TargetQuery[] = [
    {},
    { desc: true },
    { text: '教育' },
    { text: 'nanling' },
    { text: '微信' },
    { text: '%' },
    { text: '_' },
    { classId: 'county', sort: 'rank' },
    { kind: 'website', sort: 'rank', desc: true },
    { sort: 'score', desc: true },
    { sort: 'score', status: 'done' },
    { sort: 'name' },
    { sort: 'name', desc: true, kind: 'account' },
    { sort: 'progress', kind: 'website' },
    { status: 'todo' },
    { suggested: true, sort: 'score' },
    { suggested: false, classId: 'city-service' },
    { veto: true },
    { veto: false, grade: '优秀' },
    { grade: '良好', sort: 'rank' },
    { text: '人民政府', status: 'done', sort: 'rank', kind: 'website' },
  ];

  it.each(queries)('pages through %j in the order a full rescore gives', async (query) => {
    const { ids, first } = await allPages(query);
    expect(ids).toEqual(expected(store, query));
    expect(first.matched).toBe(ids.length);
  });

  it('gives rows as a full rescore scores them, and the numbers per class', async () => {
    const full = new Map(scoreStoredAssessment(store).map((s) => [s.targetId, s]));
    const page = await call<AssessmentOverview>('assessment/overview', { id: 'a', query: { sort: 'rank' }, limit: 500 });
    expect(page.count).toBe(57);
    for (const row of page.targets) {
      const s = full.get(row.id)!;
      expect([row.total, row.rank, row.grade, row.complete, row.veto, row.progress]).toEqual([
        s.total,
        s.rank,
        s.grade,
        s.complete,
        s.veto,
        s.progress,
      ]);
      expect(row.findings).toBe(store.listFindings({ targetId: row.id, status: 'confirmed' }).length);
      expect(row.suggested).toBe(store.listFindings({ targetId: row.id, status: 'suggested' }).length);
    }
    expect(page.incomplete).toBe([...full.values()].filter((s) => !s.complete).length);
    const county = page.summary.find((c) => c.classId === 'county')!;
    const members = [...full.values()].filter((s) => s.classId === 'county');
    expect(county).toMatchObject({
      label: '第一类',
      kind: 'website',
      targets: members.length,
      reviewed: members.filter(done).length,
      complete: members.filter((s) => s.complete).length,
      vetoed: members.filter((s) => s.veto).length,
    });
    expect(county.grades.reduce((n, g) => n + g.count, 0)).toBe(members.filter((s) => s.complete && !s.veto).length);
    expect(page.summary.map((c) => c.classId)).toEqual(['county', 'city-service', 'city-noservice', 'account']);
    expect(page.nextToReview).toBe(3);
    // A page past the end (the list shrank since it was shown) gives the last page.
    const last = await call<AssessmentOverview>('assessment/overview', { id: 'a', query: { kind: 'account' }, offset: 40, limit: 5 });
    expect([last.offset, last.targets.map((t) => t.id)]).toEqual([10, [56, 57]]);
    // Every website with an address, for 自动检查全部网站.
    expect(await call<number[]>('assessment/targetIds', { id: 'a', query: { kind: 'website', hasUrl: true } })).toEqual(
      Array.from({ length: 45 }, (_, i) => i + 1),
    );
  });

  /** Ranks a full rescore gives now, to compare a delta with. */
  const ranks = () => new Map(scoreStoredAssessment(store).map((s) => [s.targetId, s.rank]));
  const moved = (before: Map<number, number | null>) =>
    [...ranks()].filter(([id, r]) => before.get(id) !== r).map(([targetId, rank]) => ({ targetId, rank }));
  const byTarget = (a: { targetId: number }, b: { targetId: number }) => a.targetId - b.targetId;
  async function rowNow(id: number): Promise<TargetRow> {
    const all = await call<AssessmentOverview>('assessment/overview', { id: 'a', limit: 500 });
    return all.targets.find((t) => t.id === id)!;
  }

  it("returns with each action the target's row and exactly the ranks that moved in its class", async () => {
    // Target 1 (county) is fully reviewed and second in its class: the costliest rule, ten times, drops it down the class.
    let before = ranks();
    const [worst, rule] = basic
      .flatMap((p) => p.indicator.rules.map((r) => [p, r] as const))
      .reduce((a, b) => ((b[1].points ?? 0) > (a[1].points ?? 0) ? b : a));
    const added = await call<{ id: number; delta: TargetDelta }>('findings/add', {
      id: 'a',
      targetId: 1,
      indicatorId: worst.indicator.id,
      rule: rule.n,
      count: 10,
      actionId: 'overview-add-1',
    });
    expect(added.delta.reload).toBe(false);
    expect(added.delta.row).toEqual(await rowNow(1));
    expect(added.delta.ranks.sort(byTarget)).toEqual(moved(before).sort(byTarget));
    expect(added.delta.ranks.length).toBeGreaterThan(1);
    expect(added.delta.ranks.every((r) => CLASSES.indexOf('county') === (r.targetId - 1) % 3)).toBe(true);

    // Confirming a suggestion, deleting and restoring a finding.
    const suggestion = store.listFindings({ status: 'suggested' }).find((f) => f.targetId % 3 !== 0)!;
    before = ranks();
    const confirmed = await call<{ delta: TargetDelta }>('findings/update', {
      id: 'a',
      findingId: suggestion.id,
      status: 'confirmed',
      reason: '核实属实',
    });
    expect(confirmed.delta.row).toEqual(await rowNow(suggestion.targetId));
    expect(confirmed.delta.ranks.sort(byTarget)).toEqual(moved(before).sort(byTarget));
    expect(confirmed.delta.row!.suggested).toBe(store.listFindings({ targetId: suggestion.targetId, status: 'suggested' }).length);

    before = ranks();
    const deleted = await call<{ deleted: number; delta: TargetDelta }>('findings/delete', {
      id: 'a',
      findingId: added.id,
      reason: '录入错误',
      actionId: 'overview-delete-1',
    });
    expect(deleted.delta.row).toEqual(await rowNow(1));
    expect(deleted.delta.ranks.sort(byTarget)).toEqual(moved(before).sort(byTarget));
    // The same request again (a double click) is answered without a second deletion, with the current row.
    expect(
      (
        await call<{ delta: TargetDelta }>('findings/delete', {
          id: 'a',
          findingId: added.id,
          reason: '录入错误',
          actionId: 'overview-delete-1',
        })
      ).delta,
    ).toMatchObject({ row: await rowNow(1), ranks: [] });
    before = ranks();
    const restored = await call<{ delta: TargetDelta }>('findings/restore', {
      id: 'a',
      findingId: added.id,
      reason: '撤销删除',
      actionId: 'overview-restore-1',
    });
    expect(restored.delta.row).toEqual(await rowNow(1));
    expect(restored.delta.ranks.sort(byTarget)).toEqual(moved(before).sort(byTarget));

    // Target 3 is not reviewed: walking its last indicator makes it complete, ranked and counted in the summary.
    const t3 = store.getTarget(3);
    const ids = applicableIndicatorIds(zj, toScoringTarget(t3));
    for (const id of ids.slice(0, -1)) await call('review/markReviewed', { id: 'a', targetId: 3, indicatorId: id, reviewed: true });
    before = ranks();
    const last = await call<{ reviewed: number; total: number; delta: TargetDelta }>('review/markReviewed', {
      id: 'a',
      targetId: 3,
      indicatorId: ids[ids.length - 1]!,
      reviewed: true,
    });
    expect([last.reviewed, last.total]).toEqual([ids.length, ids.length]);
    expect(last.delta.row).toMatchObject({ id: 3, complete: true, progress: { reviewed: ids.length, total: ids.length } });
    expect(last.delta.row!.rank).not.toBeNull();
    expect(last.delta.ranks).toContainEqual({ targetId: 3, rank: last.delta.row!.rank });
    expect(last.delta.ranks.sort(byTarget)).toEqual(moved(before).sort(byTarget));
    const overview = await call<AssessmentOverview>('assessment/overview', { id: 'a' });
    expect([last.delta.incomplete, last.delta.summary]).toEqual([overview.incomplete, overview.summary]);
  });

  it('gives what the list shows after an action, applied in place, equal to the list asked for again', async () => {
    const query: TargetQuery = { kind: 'website', sort: 'rank' };
    const shown = (await call<AssessmentOverview>('assessment/overview', { id: 'a', query, limit: 500 })).targets;
    const place = basic[3]!;
    const { delta } = await call<{ delta: TargetDelta }>('findings/add', {
      id: 'a',
      targetId: 4,
      indicatorId: place.indicator.id,
      rule: place.indicator.rules[0]!.n,
      count: 5,
      actionId: 'overview-add-shown',
    });
    const again = await call<AssessmentOverview>('assessment/overview', { id: 'a', query, limit: 500 });
    // Same rows with the same numbers; only their order may differ until the list is asked for again.
    const byId = (rows: TargetRow[]) => [...rows].sort((a, b) => a.id - b.id);
    expect(byId(applyDelta(shown, delta))).toEqual(byId(again.targets));
    expect(applyDelta(shown, delta)).not.toEqual(shown);
  });

  it("does not count a change made elsewhere before the action (grade lines changed by another process) as the action's", async () => {
    store.updateInfo({
      gradeBands: [
        { name: '优秀', min: 99 },
        { name: '良好', min: 80 },
        { name: '合格', min: 60 },
      ],
    });
    const place = basic[0]!;
    const r = await call<{ delta: TargetDelta }>('findings/add', {
      id: 'a',
      targetId: 2,
      indicatorId: place.indicator.id,
      rule: place.indicator.rules[0]!.n,
      count: 1,
      actionId: 'overview-add-2',
    });
    // The grade change came before the action: it is not the action's, and the action's own moves are reported.
    expect(r.delta.reload).toBe(false);
    expect(r.delta.row).toEqual(await rowNow(2));
  });
});
