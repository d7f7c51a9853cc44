import type { CliCommand } from '../command';
import { optFlag, optPositive, optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import { withStore } from '../open-store';

// A schedule is planned up front per site; this keeps a mistyped number from planning millions of visits.
const MAX_VISITS = 100_000;

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

/** `kaoping monitor`: a foreground monitoring run (or, with --report, none) followed by the per-site report and suggestions. */
export const monitorCommand: CliCommand = {
  name: 'monitor',
  usage: 'monitor <dir> [--days 7] [--per-day 20] [--timeout 15] [--target <对象>] [--report] [--json]',
  summary: '可用性监测：按计划访问网站首页，超时或出错占比达到 5% 时给出单项否决建议（需评审人员确认后才计分）；--report 只按已有记录统计',
  options: {
    days: { type: 'string' },
    'per-day': { type: 'string' },
    timeout: { type: 'string' },
    target: { type: 'string' },
    report: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const days = optPositive(ctx, 'days', 7, { fractions: true });
    const perDay = optPositive(ctx, 'per-day', 20, { fractions: true });
    const timeout = optPositive(ctx, 'timeout', 15, { fractions: true });
    // The monitor's HTTP client and report load only for this command (fast start for the others).
    const [{ runMonitor }, { scheduleLength }, { monitorReport }] = await Promise.all([
      import('../../services/checks/monitor/monitor'),
      import('../../services/checks/monitor/schedule'),
      import('../../services/checks/monitor/report'),
    ]);
    const rounds = scheduleLength(days, perDay);
    if (rounds > MAX_VISITS) throw new KaopingError('bad-number', `--days × --per-day 为 ${rounds} 次，超过上限 ${MAX_VISITS} 次`);
    await withStore(ctx, async (store) => {
      const everyone = store.listTargets();
      const ref = optString(ctx, 'target');
      const sites = (ref ? [store.findTarget(ref)] : everyone).filter((t) => t.kind === 'website' && t.url);
      if (!sites.length)
        throw new KaopingError('no-websites', ref ? `“${ref}”不是有网址的网站，无法监测` : '考评中没有可监测的网站（网站需有网址）');
      if (!optFlag(ctx, 'report')) {
        // Ctrl+C ends the run early; what was recorded is still summarised.
        const controller = new AbortController();
        const interrupt = () => controller.abort();
        process.once('SIGINT', interrupt);
        try {
          ctx.io.stderr(
            `开始监测 ${sites.length} 个网站：${days} 天，每天 ${perDay} 次，共 ${rounds} 轮，超过 ${timeout} 秒未打开记为失败\n`,
          );
          const run = await runMonitor({
            store,
            targets: sites,
            days,
            perDay,
            timeoutMs: timeout * 1000,
            signal: controller.signal,
            onRound: (r) => ctx.io.stderr(`第 ${r.round}/${r.rounds} 轮：${r.sites} 个网站，${r.failures} 个失败\n`),
          });
          if (run.cancelled) ctx.io.stderr(`监测已中断（完成 ${run.completedRounds}/${run.rounds} 轮），按已记录的结果统计\n`);
        } finally {
          process.removeListener('SIGINT', interrupt);
        }
      }
      const { rows, findings } = monitorReport(store, sites, everyone, new Date().toISOString());
      if (optFlag(ctx, 'json')) {
        ctx.io.stdout(
          JSON.stringify(
            { targets: rows.map(({ target, attempts, failures, ratio }) => ({ target, attempts, failures, ratio })), findings },
            null,
            2,
          ) + '\n',
        );
        return;
      }
      for (const r of rows)
        ctx.io.stdout(
          `${r.target}\t访问 ${r.attempts} 次\t失败 ${r.failures} 次\t占比 ${percent(r.ratio)}${r.notes.length ? `\t（${r.notes.join('；')}）` : ''}\n`,
        );
      for (const s of findings) ctx.io.stdout(`${s.target}\t${s.indicator} 第${s.rule}条 ×${s.count}\t${s.summary}\n`);
    });
  },
};
