import type { CliCommand } from '../command';
import { optFlag, optPositive, optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import { CHECK_NAMES, isCheckName, type CheckName } from '../../../shared/checks/check-names';
// Light: only the date rule (the crawler and checks load lazily below).
import { parseMonitoringDate } from '../../services/checks/monitoring-date';
import { withStore } from '../open-store';
import type { StatusListener } from '../../services/checks/types';

/** `--max-depth`: links deep from the home page (0: the home page only); absent: no limit. */
function optDepth(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/u.test(raw.trim())) throw new KaopingError('bad-number', `--max-depth 必须是 0 或正整数（首页为第 0 层），收到“${raw}”`);
  return Number(raw);
}

/** `--budget`: the total time for one site, as seconds ("600", "600s") or minutes ("10m", "10min"). */
function optBudgetMs(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|秒|m|min|分钟)?\s*$/iu.exec(raw);
  const ms = m ? Number(m[1]) * (m[2] && /^(m|min|分钟)$/iu.test(m[2]) ? 60_000 : 1000) : NaN;
  if (!(ms >= 1000))
    throw new KaopingError('bad-number', `--budget 应为每个网站的总时限，如 600（秒）或 10m（分钟），至少 1 秒，收到“${raw}”`);
  return ms;
}

/** The live status on stderr, one line each time the whole run's percentage grows (at most 100 lines). */
function percentLines(write: (text: string) => void): StatusListener {
  let shown = -1;
  return ({ text, fraction }) => {
    const percent = Math.floor(fraction * 100);
    if (percent <= shown) return;
    shown = percent;
    write(`进度 ${percent}%：${text}\n`);
  };
}

export const checkCommand: CliCommand = {
  name: 'check',
  usage:
    'check <dir> [--target <对象>] [--json] [--only links,freshness,…] [--max-pages N（默认 10000）] [--max-depth N（默认不限）] [--budget 10m（每个网站的总时限）] [--concurrency N] [--no-screenshots] [--same-site-only] [--ignore-robots] [--as-of YYYY-MM-DD]',
  summary:
    '自动检查并给出建议问题（需评审人员确认后才计分）：链接、更新、页脚标识、元数据、错敏字与隐私、域名、HTTPS、IPv6、搜索、站点地图、分享',
  options: {
    target: { type: 'string' },
    json: { type: 'boolean' },
    only: { type: 'string' },
    'max-pages': { type: 'string' },
    'max-depth': { type: 'string' },
    budget: { type: 'string' },
    concurrency: { type: 'string' },
    'no-screenshots': { type: 'boolean' },
    'same-site-only': { type: 'boolean' },
    'ignore-robots': { type: 'boolean' },
    'as-of': { type: 'string' },
  },
  async run(ctx) {
    const only = (optString(ctx, 'only') ?? CHECK_NAMES.join(','))
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    const unknown = only.filter((c) => !isCheckName(c));
    if (unknown.length) throw new KaopingError('unknown-check', `未知的检查项：${unknown.join('、')}（可用：${CHECK_NAMES.join('、')}）`);
    // The crawler, the checks and the screenshot browser load only for this command (fast start for the others).
    const [{ DEFAULT_WEBSITE_CHECK }, { runChecks }, { createEvidenceShooter }, { describeCoverage }] = await Promise.all([
      import('../../services/checks/check-website'),
      import('../../services/checks/run-checks'),
      import('../../services/checks/evidence-shots'),
      import('../../services/checks/crawl-coverage'),
    ]);
    const options = {
      ...DEFAULT_WEBSITE_CHECK,
      only: only as CheckName[],
      maxPages: optPositive(ctx, 'max-pages', DEFAULT_WEBSITE_CHECK.maxPages),
      maxDepth: optDepth(optString(ctx, 'max-depth'), DEFAULT_WEBSITE_CHECK.maxDepth),
      budgetMs: optBudgetMs(optString(ctx, 'budget'), DEFAULT_WEBSITE_CHECK.budgetMs),
      concurrency: optPositive(ctx, 'concurrency', DEFAULT_WEBSITE_CHECK.concurrency),
      external: !optFlag(ctx, 'same-site-only'),
      ignoreRobots: optFlag(ctx, 'ignore-robots'),
      now: new Date(),
    };
    const asOf = optString(ctx, 'as-of');
    // A wrong date is refused before anything is crawled.
    if (asOf !== undefined) parseMonitoringDate(asOf);
    await withStore(ctx, async (store) => {
      const ref = optString(ctx, 'target');
      const targets = (ref ? [store.findTarget(ref)] : store.listTargets()).filter((t) => t.kind === 'website' && t.url);
      if (!targets.length)
        throw new KaopingError('no-websites', ref ? `“${ref}”不是有网址的网站` : '考评中没有可检查的网站（网站需有网址）');
      const shooter = optFlag(ctx, 'no-screenshots') ? undefined : createEvidenceShooter(store);
      try {
        const result = await runChecks({
          store,
          targets,
          options,
          progress: (line) => ctx.io.stderr(`${line}\n`),
          onStatus: percentLines(ctx.io.stderr),
          shoot: shooter?.shoot,
          monitoringDate: asOf,
        });
        if (optFlag(ctx, 'json')) {
          const findings = result.suggestions.map(({ target, indicator, rule, count, status, summary, evidence, evidenceIds, check }) => ({
            target,
            indicator,
            rule,
            count,
            status,
            summary,
            check,
            evidence,
            evidenceIds,
          }));
          const notes = result.notes.map(({ target, check, detect, text, indicator, rule, items }) => ({
            target,
            check,
            detect,
            text,
            indicator,
            rule,
            items,
          }));
          const coverage = result.coverage.map(({ target, coverage: c }) => ({ target, ...c }));
          ctx.io.stdout(JSON.stringify({ findings, notes, coverage }, null, 2) + '\n');
        } else {
          for (const c of result.coverage) ctx.io.stdout(`${c.target}\t覆盖\t${describeCoverage(c.coverage)}\n`);
          for (const s of result.suggestions) ctx.io.stdout(`${s.target}\t${s.indicator} 第${s.rule}条 ×${s.count}\t${s.summary}\n`);
          for (const n of result.notes)
            ctx.io.stdout(`${n.target}\t提示（未计分）${n.indicator ? `，可能属于 ${n.indicator}` : ''}\t${n.text}\n`);
        }
      } finally {
        await shooter?.close();
      }
    });
  },
};
