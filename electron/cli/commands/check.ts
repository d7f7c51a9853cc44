import type { CliCommand } from '../command';
import { optFlag, optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import type { Ruleset } from '../../../shared/ruleset/types';
import { checkLinks, linkObservations } from '../../services/checks/link-check';
import { storeSuggestions, suggestionsFor, type Suggestion } from '../../services/checks/suggest';
import { checkFreshness, freshnessObservations } from '../../services/checks/freshness';
import type { Observation } from '../../services/checks/types';
import { withStore } from '../open-store';

const CHECKS = ['links', 'freshness'] as const;

export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'check <dir> [--target <对象>] [--json] [--only links,freshness] [--max-pages N] [--concurrency N] [--same-site-only]',
  summary: '自动检查并给出建议问题（需评审人员确认后才计分）：链接可用性、首页与栏目更新',
  options: { target: { type: 'string' }, json: { type: 'boolean' }, only: { type: 'string' }, 'max-pages': { type: 'string' }, concurrency: { type: 'string' }, 'same-site-only': { type: 'boolean' } },
  async run(ctx) {
    const only = (optString(ctx, 'only') ?? CHECKS.join(',')).split(',');
    const unknown = only.filter((c) => !(CHECKS as readonly string[]).includes(c));
    if (unknown.length) throw new KaopingError('unknown-check', `未知的检查项：${unknown.join('、')}（可用：${CHECKS.join('、')}）`);
    const maxPages = Number(optString(ctx, 'max-pages') ?? 200);
    const concurrency = Number(optString(ctx, 'concurrency') ?? 6);
    if (!Number.isInteger(maxPages) || maxPages < 1 || !Number.isInteger(concurrency) || concurrency < 1) throw new KaopingError('bad-number', '--max-pages 与 --concurrency 必须是正整数');
    await withStore(ctx, async (store) => {
      const ruleset = store.rulesetSnapshot() as Ruleset;
      const ref = optString(ctx, 'target');
      const everyone = store.listTargets();
      const targets = (ref ? [store.findTarget(ref)] : everyone).filter((t) => t.kind === 'website' && t.url);
      const all: Suggestion[] = [];
      for (const target of targets) {
        ctx.io.stderr(`检查 ${target.name}（${target.url}）\n`);
        const observations: Observation[] = [];
        if (only.includes('links')) {
          const report = await checkLinks(target.url!, { maxPages, concurrency, external: !optFlag(ctx, 'same-site-only'), onProgress: (line) => ctx.io.stderr(`  ${line}\n`) });
          observations.push(...linkObservations(report));
        }
        if (only.includes('freshness')) {
          ctx.io.stderr('  检查首页与栏目更新日期\n');
          observations.push(...freshnessObservations(await checkFreshness(target.url!, new Date())));
        }
        const suggestions = suggestionsFor(ruleset, target, observations, everyone);
        storeSuggestions(store, suggestions, new Date().toISOString());
        all.push(...suggestions);
      }
      if (optFlag(ctx, 'json')) ctx.io.stdout(JSON.stringify({ findings: all }, null, 2) + '\n');
      else for (const s of all) ctx.io.stdout(`${s.target}\t${s.indicator} 第${s.rule}条 ×${s.count}\t${s.summary}\n`);
    });
  },
};
