import type { CliCommand } from '../command';
import { optFlag, optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import type { Ruleset } from '../../../shared/ruleset/types';
import { checkLinks } from '../../services/checks/link-check';
import { freshnessSuggestions, linkSuggestions, storeSuggestions, type Suggestion } from '../../services/checks/suggest';
import { checkFreshness } from '../../services/checks/freshness';
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
      const targets = (ref ? [store.findTarget(ref)] : store.listTargets()).filter((t) => t.kind === 'website' && t.url);
      const all: Suggestion[] = [];
      for (const target of targets) {
        ctx.io.stderr(`检查 ${target.name}（${target.url}）\n`);
        const suggestions: Suggestion[] = [];
        if (only.includes('links')) {
          const report = await checkLinks(target.url!, { maxPages, concurrency, external: !optFlag(ctx, 'same-site-only'), onProgress: (line) => ctx.io.stderr(`  ${line}\n`) });
          suggestions.push(...linkSuggestions(ruleset, target, report));
        }
        if (only.includes('freshness')) {
          ctx.io.stderr('  检查首页与栏目更新日期\n');
          suggestions.push(...freshnessSuggestions(ruleset, target, await checkFreshness(target.url!, new Date())));
        }
        storeSuggestions(store, target, suggestions, new Date().toISOString());
        all.push(...suggestions);
      }
      if (optFlag(ctx, 'json')) ctx.io.stdout(JSON.stringify({ findings: all }, null, 2) + '\n');
      else for (const s of all) ctx.io.stdout(`${s.target}\t${s.indicator} 第${s.rule}条 ×${s.count}\t${s.summary}\n`);
    });
  },
};
