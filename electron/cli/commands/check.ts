import { monitoringInstant } from '../../../shared/settings/assessment-settings';
import type { CliCommand } from '../command';
import { optFlag, optPositive, optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import { CHECK_NAMES, isCheckName, type CheckName } from '../../../shared/checks/check-names';
// Light: only the date rule (the crawler and checks load lazily below).
import { parseMonitoringDate } from '../../services/checks/monitoring-date';
import { withStore } from '../open-store';

export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'check <dir> [--target <对象>] [--json] [--only links,freshness,…] [--max-pages N] [--concurrency N] [--no-screenshots] [--same-site-only] [--ignore-robots] [--as-of YYYY-MM-DD]',
  summary: '自动检查并给出建议问题（需评审人员确认后才计分）：链接、更新、页脚标识、元数据、错敏字与隐私、域名、HTTPS、IPv6、搜索、站点地图、分享',
  options: {
    target: { type: 'string' },
    json: { type: 'boolean' },
    only: { type: 'string' },
    'max-pages': { type: 'string' },
    concurrency: { type: 'string' },
    'no-screenshots': { type: 'boolean' },
    'same-site-only': { type: 'boolean' },
    'ignore-robots': { type: 'boolean' },
    'as-of': { type: 'string' },
  },
  async run(ctx) {
    const only = (optString(ctx, 'only') ?? CHECK_NAMES.join(',')).split(',').map((c) => c.trim()).filter(Boolean);
    const unknown = only.filter((c) => !isCheckName(c));
    if (unknown.length) throw new KaopingError('unknown-check', `未知的检查项：${unknown.join('、')}（可用：${CHECK_NAMES.join('、')}）`);
    // The crawler, the checks and the screenshot browser load only for this command (fast start for the others).
    const [{ DEFAULT_WEBSITE_CHECK }, { runChecks }, { createEvidenceShooter }] = await Promise.all([
      import('../../services/checks/check-website'),
      import('../../services/checks/run-checks'),
      import('../../services/checks/evidence-shots'),
    ]);
    const options = {
      ...DEFAULT_WEBSITE_CHECK,
      only: only as CheckName[],
      maxPages: optPositive(ctx, 'max-pages', DEFAULT_WEBSITE_CHECK.maxPages),
      concurrency: optPositive(ctx, 'concurrency', DEFAULT_WEBSITE_CHECK.concurrency),
      external: !optFlag(ctx, 'same-site-only'),
      ignoreRobots: optFlag(ctx, 'ignore-robots'),
      now: new Date(),
    };
    const asOf = optString(ctx, 'as-of');
    // A wrong date is refused before anything is crawled.
    if (asOf !== undefined) parseMonitoringDate(asOf);
    await withStore(ctx, async (store) => {
      // Freshness is judged at the assessment's 监测时间点 when one is set.
      options.now = monitoringInstant(store.info().settings, options.now);
      const ref = optString(ctx, 'target');
      const targets = (ref ? [store.findTarget(ref)] : store.listTargets()).filter((t) => t.kind === 'website' && t.url);
      if (!targets.length) throw new KaopingError('no-websites', ref ? `“${ref}”不是有网址的网站` : '考评中没有可检查的网站（网站需有网址）');
      const shooter = optFlag(ctx, 'no-screenshots') ? undefined : createEvidenceShooter(store);
      try {
        const result = await runChecks({ store, targets, options, progress: (line) => ctx.io.stderr(`${line}\n`), shoot: shooter?.shoot, monitoringDate: asOf });
        if (optFlag(ctx, 'json')) {
          const findings = result.suggestions.map(({ target, indicator, rule, count, status, summary, evidence, evidenceIds, check }) => ({ target, indicator, rule, count, status, summary, check, evidence, evidenceIds }));
          ctx.io.stdout(JSON.stringify({ findings }, null, 2) + '\n');
        } else for (const s of result.suggestions) ctx.io.stdout(`${s.target}\t${s.indicator} 第${s.rule}条 ×${s.count}\t${s.summary}\n`);
      } finally {
        await shooter?.close();
      }
    });
  },
};
