// Benchmark (not a test): the server side of a reviewer's clicks at provincial
// scale, through the same dispatch both transports use. Default: 2,000 websites,
// 20,000 accounts, 40,000 findings; SMALL=1 gives 50 / 250 / 1,000 for comparison.
// Run: npx vite-node scripts/bench/review-actions.ts
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadRuleset } from '../../electron/services/rulesets/load';
import { createAssessment } from '../../electron/services/store/open';
import { createHandlers } from '../../electron/services/api/handlers';
import { dispatch } from '../../electron/services/api/dispatch';
import { closeOpenAssessments } from '../../electron/services/api/open-assessments';
import { listIndicators } from '../../shared/ruleset/walk';

const small = process.env.SMALL === '1';
const [SITES, ACCOUNTS, FINDINGS] = small ? [50, 250, 1000] : [2000, 20000, 40000];
const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-bench-actions-'));
const zj = loadRuleset('zhanjiang-2021');
const store = createAssessment(path.join(workspace, 'a'), {
  name: '基准',
  year: 2025,
  rulesetId: zj.id,
  rulesetSnapshot: zj,
  gradeBands: zj.grades.bands,
});
const classes = ['county', 'city-service', 'city-noservice'];
store.addTargets([
  ...Array.from({ length: SITES }, (_, i) => ({
    kind: 'website' as const,
    unit: `单位${i + 1}`,
    name: `网站${i + 1}`,
    url: `http://u${i + 1}.gov.cn/`,
    classId: classes[i % 3]!,
    attributes: {},
    identifier: null,
    platform: null,
  })),
  ...Array.from({ length: ACCOUNTS }, (_, i) => ({
    kind: 'account' as const,
    unit: `单位${(i % SITES) + 1}`,
    name: `账号${i + 1}`,
    url: null,
    classId: 'account',
    attributes: {},
    identifier: `440800M${String(i % 1000).padStart(3, '0')}WX${String(i).padStart(4, '0').slice(-4)}`,
    platform: '微信',
  })),
]);
const places = listIndicators(zj, 'website').filter((p) => p.part.kind === 'basic');
store.transaction(() => {
  for (let i = 0; i < FINDINGS; i++) {
    const place = places[i % places.length]!;
    store.addFinding({
      targetId: (i % SITES) + 1,
      indicatorId: place.indicator.id,
      rule: 1,
      count: 1,
      status: i % 10 === 0 ? 'suggested' : 'confirmed',
    });
  }
});
store.close();

const handlers = createHandlers({ workspaceDir: workspace, mode: 'browser', version: 'bench' });
async function call(method: string, input: unknown): Promise<unknown> {
  const r = await dispatch(handlers, method, input, (e) => {
    throw e;
  });
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  // What the HTTP bridge sends: the time to serialise counts too.
  return JSON.parse(JSON.stringify(r.value));
}
async function median(label: string, runs: number, action: (i: number) => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const value = await action(i);
    times.push(performance.now() - t0);
    bytes = JSON.stringify(value ?? null).length;
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label}: median ${times[Math.floor(runs / 2)]!.toFixed(1)} ms (max ${times[runs - 1]!.toFixed(1)} ms)${bytes > 10_000 ? `, ${bytes > 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(0)} KB`}` : ''}`,
  );
}

console.log(`review actions: ${SITES} websites, ${ACCOUNTS} accounts, ${FINDINGS} findings`);
const t0 = performance.now();
await call('assessment/overview', { id: 'a' });
console.log(`  first overview (opens the store, scores everything once): ${(performance.now() - t0).toFixed(0)} ms`);
const availability = places.find((p) => p.indicator.id === 'basic.health.availability')!.indicator.id;
await median('record a finding (findings/add)', 21, (i) =>
  call('findings/add', { id: 'a', targetId: (i % SITES) + 1, indicatorId: availability, rule: 1, count: 1, actionId: `bench-add-${i}` }),
);
const suggested = Array.from({ length: 21 }, (_, i) => i * 10 + 1);
await median('confirm a suggestion (findings/update)', 21, (i) =>
  call('findings/update', { id: 'a', findingId: suggested[i]!, status: 'confirmed', reason: '核实属实' }),
);
await median('mark an indicator reviewed (review/markReviewed)', 21, (i) =>
  call('review/markReviewed', { id: 'a', targetId: (i % SITES) + 1, indicatorId: places[i % places.length]!.indicator.id, reviewed: true }),
);
await median('open a target (review/target)', 21, (i) => call('review/target', { id: 'a', targetId: (i % SITES) + 1 }));
// Issue 19: an action returns its delta; the UI reloads only the target's own view, not the overview.
await median('record a finding as the UI does (findings/add with its delta + review/target)', 21, async (i) => {
  await call('findings/add', {
    id: 'a',
    targetId: (i % SITES) + 1,
    indicatorId: availability,
    rule: 1,
    count: 1,
    actionId: `bench-ui-${i}`,
  });
  return call('review/target', { id: 'a', targetId: (i % SITES) + 1 });
});
// Each query below differs from the one before it, so none is answered from the order kept for paging.
const fresh = (i: number) => ({ desc: i % 2 === 1 });
await median('overview first page (100 rows, import order)', 11, (i) => call('assessment/overview', { id: 'a', query: fresh(i) }));
await median('overview next page of the same query (order kept)', 11, (i) =>
  call('assessment/overview', { id: 'a', query: { sort: 'score' }, offset: 100 * i }),
);
await median('overview after a change (first page)', 11, async (i) => {
  await call('findings/add', {
    id: 'a',
    targetId: (i % SITES) + 1,
    indicatorId: availability,
    rule: 1,
    count: 2,
    actionId: `bench-change-${i}`,
  });
  return call('assessment/overview', { id: 'a' });
});
await median('overview search "单位1…" sorted by score', 11, (i) =>
  call('assessment/overview', { id: 'a', query: { text: `单位${i + 1}`, sort: 'score', desc: true } }),
);
await median('overview websites of one class, not reviewed, by rank', 11, (i) =>
  call('assessment/overview', { id: 'a', query: { classId: classes[i % 3], status: 'todo', sort: 'rank', ...fresh(i) } }),
);
await median('overview with pending suggestions, by name, page 5', 11, (i) =>
  call('assessment/overview', { id: 'a', query: { suggested: true, sort: 'name', ...fresh(i) }, offset: 400 }),
);
await median('overview accounts by progress, last page', 11, (i) =>
  call('assessment/overview', { id: 'a', query: { kind: 'account', sort: 'progress', ...fresh(i) }, offset: ACCOUNTS - 100 }),
);
closeOpenAssessments();
console.log(`  peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
