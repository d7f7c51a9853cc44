// Benchmark (not a test): recompute 10,000 targets × ~20 findings against the
// full zhanjiang-2021 ruleset. Run: npx vite-node scripts/bench/scoring.ts
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
    findings.push({ id: findings.length + 1, targetId: i, indicatorId: place.indicator.id, rule: rule.n, count: 1 + rand(5), note: '', evidenceIds: [findings.length + 1] });
  }
}

function measure(explain: boolean) {
  scoreTargets(ruleset, targets.slice(0, 100), findings.slice(0, 2000), { detail: explain }); // warm up
  const runs: number[] = [];
  let peak = process.memoryUsage().rss;
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    const scores = scoreTargets(ruleset, targets, findings, { detail: explain });
    runs.push(performance.now() - t0);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (scores.length !== targets.length) throw new Error('lost targets');
  }
  runs.sort((a, b) => a - b);
  console.log(`scoring${explain ? ' with explanations' : ' (totals only)'}: ${targets.length} targets, ${findings.length} findings, median ${runs[2]!.toFixed(0)} ms (min ${runs[0]!.toFixed(0)}, max ${runs[4]!.toFixed(0)}), peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`);
}
measure(false);
measure(true);
