// Benchmark (not a test): recompute 10,000 targets × 20 findings against the
// full zhanjiang-2021 ruleset, totals only (what lists and the score cache use)
// and with explanations (what documents use).
// Run: npx vite-node scripts/bench/scoring.ts [runs] [totals] ("totals" skips the explained runs)
//
// Only the scoring call is timed: the data set is built before, and its memory is
// reported apart ("data set") from the peak reached while scoring. CPU time is
// printed next to wall time because wall time on a shared machine is noisy.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadRuleset } from '../../electron/services/rulesets/load';
import { scoreTargets } from '../../shared/scoring/engine';
import { listIndicators } from '../../shared/ruleset/walk';
import type { ScoringFinding, ScoringTarget } from '../../shared/scoring/types';

const ruleset = loadRuleset('zhanjiang-2021');
const places = listIndicators(ruleset, 'website').filter((p) => p.part.kind !== 'veto');
const classes = ['county', 'city-service', 'city-noservice'];
let seed = 42;
const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);

const targets: ScoringTarget[] = [];
const findings: ScoringFinding[] = [];
for (let i = 1; i <= 10_000; i++) {
  targets.push({ id: i, name: `网站${i}`, kind: 'website', classId: classes[i % 3]!, attributes: { hasPolicyColumn: i % 5 !== 0 } });
  for (let k = 0; k < 20; k++) {
    const place = places[rand(places.length)]!;
    const rule = place.indicator.rules[rand(place.indicator.rules.length)]!;
    findings.push({
      id: findings.length + 1,
      targetId: i,
      indicatorId: place.indicator.id,
      rule: rule.n,
      count: 1 + rand(5),
      note: '',
      evidenceIds: [findings.length + 1],
    });
  }
}

const MB = 2 ** 20;
// A full collection before each run, so one run's garbage is not counted (or collected) in the next.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const dataPeak = process.resourceUsage().maxRSS / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runsArg = Number(process.argv[2]);

function measure(explain: boolean, runs: number) {
  scoreTargets(ruleset, targets.slice(0, 100), findings.slice(0, 2000), { detail: explain }); // warm up
  gc();
  const before = process.memoryUsage();
  const wall: number[] = [];
  const cpu: number[] = [];
  let heapPeak = 0;
  let kept = 0;
  for (let r = 0; r < runs; r++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const scores = scoreTargets(ruleset, targets, findings, { detail: explain });
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    gc();
    kept = Math.max(kept, process.memoryUsage().heapUsed - before.heapUsed);
    if (scores.length !== targets.length) throw new Error('lost targets');
  }
  const peakRss = process.resourceUsage().maxRSS / 1024;
  console.log(
    `scoring${explain ? ' with explanations' : ' (totals only)'}: ${targets.length} targets, ${findings.length} findings, ${runs} runs: ` +
      `median ${median(wall).toFixed(0)} ms wall (min ${Math.min(...wall).toFixed(0)}, max ${Math.max(...wall).toFixed(0)}), median ${median(cpu).toFixed(0)} ms CPU; ` +
      `heap ${(before.heapUsed / MB).toFixed(0)} MB before a run, up to ${(heapPeak / MB).toFixed(0)} MB after one, its results ${(kept / MB).toFixed(0)} MB; ` +
      `RSS ${(before.rss / MB).toFixed(0)} MB before, peak so far ${peakRss.toFixed(0)} MB`,
  );
}
console.log(`data set built: RSS ${(process.memoryUsage().rss / MB).toFixed(0)} MB, peak while building ${dataPeak.toFixed(0)} MB`);
measure(false, runsArg > 0 ? runsArg : 11);
if (process.argv[3] !== 'totals') measure(true, runsArg > 0 ? Math.min(runsArg, 5) : 5);
