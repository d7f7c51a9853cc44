import type { CliCommand } from '../command';
import { optFlag, optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import type { Ruleset } from '../../../shared/ruleset/types';
import { checkLinks } from '../../services/checks/link-check';
import { linkSuggestions, storeSuggestions, type Suggestion } from '../../services/checks/suggest';
import { withStore } from '../open-store';

const CHECKS = ['links'] as const;

export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'check <dir> [--target <对象>] [--json] [--only links] [--max-pages N] [--concurrency N] [--same-site-only]',
  summary: '自动检查并给出建议问题（需评审人员确认后才计分）；目前提供链接可用性检查',
  options: { target: { type: 'string' }, json: { type: 'boolean' }, only: { type: 'string' }, 'max-pages': { type: 'string' }, concurrency: { type: 'string' }, 'same-site-only': { type: 'boolean' } },
  async run(ctx) {
    if (!ctx.args[0]) throw new KaopingError('usage', '请指定考评文件夹');
    const only = (optString(ctx, 'only') ?? 'links').split(',');
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
        const report = await checkLinks(target.url!, { maxPages, concurrency, external: !optFlag(ctx, 'same-site-only'), onProgress: (line) => ctx.io.stderr(`  ${line}\n`) });
        const suggestions = linkSuggestions(ruleset, target, report);
        storeSuggestions(store, target, ruleset, suggestions, new Date().toISOString());
        all.push(...suggestions);
      }
      if (optFlag(ctx, 'json')) ctx.io.stdout(JSON.stringify({ findings: all }, null, 2) + '\n');
      else for (const s of all) ctx.io.stdout(`${s.target}\t${s.indicator} 第${s.rule}条 ×${s.count}\t${s.summary}\n`);
    });
  },
};
