import path from 'node:path';
import type { CliCommand, CliContext } from '../command';
import { optFlag, optList, optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import type { ReviewRequestView } from '../../../shared/api/review-requests';
import { addReviewRequest } from '../../services/review-requests/add-request';
import { decideReviewRequest, type ReviewChanges } from '../../services/review-requests/decide';
import { admissibility, reviewRequestView, reviewRequestViews } from '../../services/review-requests/view';
import { withStore } from '../open-store';

const STATUS = { open: '待决定', accepted: '已采纳', rejected: '不予采纳' } as const;

function describe(r: ReviewRequestView): string {
  const lines = [`#${r.id}\t${r.unit}\t${r.targetName}\t收到 ${r.receivedOn ?? '—'}\t${admissibility(r)}\t${STATUS[r.status]}`];
  for (const i of r.items) {
    const self = i.self === null ? '无自评' : `自评 ${i.self}`;
    const decision = i.decision ? `${i.decision === 'accepted' ? '采纳' : '不予采纳'}：${i.decisionReason}` : '待决定';
    const effect = i.effect
      ? `，总分 ${i.effect.totalBefore ?? '否决'}→${i.effect.totalAfter ?? '否决'}，排名 ${i.effect.rankBefore ?? '—'}→${i.effect.rankAfter ?? '—'}`
      : '';
    lines.push(
      `  ${i.indicatorPath}\t申请 ${i.requested}\t${self}\t评审 ${i.reviewer}${i.contradictsSelfEval ? '\t与自评不一致' : ''}\t${decision}${effect}`,
    );
  }
  return lines.join('\n') + '\n';
}

function positiveId(text: string, what: string): number {
  if (!/^\d+$/u.test(text) || Number(text) < 1) throw new KaopingError('bad-number', `${what}必须是正整数，收到“${text}”`);
  return Number(text);
}

export const reviewRequestAddCommand: CliCommand = {
  name: 'review-request add',
  usage:
    'review-request add <dir> --target <对象> --indicator <一级/二级[=申请分数]> [--indicator …] --reason <文字> [--received YYYY-MM-DD] [--attach <文件>…]',
  summary: '登记单位的复核申请（异议指标、理由、收到日期、附件存为证据），输出申请编号',
  options: {
    target: { type: 'string' },
    indicator: { type: 'string', multiple: true },
    reason: { type: 'string' },
    received: { type: 'string' },
    attach: { type: 'string', multiple: true },
  },
  async run(ctx) {
    const targetRef = optString(ctx, 'target');
    if (!ctx.args[0] || !targetRef) throw new KaopingError('usage', '请指定考评文件夹和 --target');
    await withStore(ctx, (store) => {
      const target = store.findTarget(targetRef);
      const received = optString(ctx, 'received');
      const request = addReviewRequest(store, {
        targetId: target.id,
        indicators: optList(ctx, 'indicator'),
        reason: optString(ctx, 'reason') ?? '',
        ...(received ? { receivedOn: received } : {}),
        attachments: optList(ctx, 'attach').map((a) => ({ path: path.resolve(ctx.io.cwd, a), name: path.basename(a) })),
      });
      const view = reviewRequestView(store, request.id);
      ctx.io.stdout(`${request.id}\n`);
      ctx.io.stderr(describe(view));
    });
  },
};

export const reviewRequestListCommand: CliCommand = {
  name: 'review-request list',
  usage: 'review-request list <dir> [--json]',
  summary: '列出复核申请：期限（工作日）、是否逾期、是否与自评不一致、决定与前后得分',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    await withStore(ctx, (store) => {
      const views = reviewRequestViews(store);
      if (optFlag(ctx, 'json')) {
        ctx.io.stdout(JSON.stringify({ requests: views }, null, 2) + '\n');
        return;
      }
      for (const v of views) ctx.io.stdout(describe(v));
      ctx.io.stdout(`共 ${views.length} 份复核申请，待决定 ${views.filter((v) => v.status === 'open').length} 份\n`);
    });
  },
};

/** "--count 12=1": finding 12 now counts once. */
function parseChanges(ctx: CliContext): ReviewChanges {
  const setCount = optList(ctx, 'count').map((text) => {
    const m = /^(\d+)[=＝](\d+)$/u.exec(text.trim());
    if (!m) throw new KaopingError('bad-change', `--count 应写作“问题编号=次数”，收到“${text}”`);
    return { findingId: Number(m[1]), count: Number(m[2]) };
  });
  const add = optList(ctx, 'add-rule').map((text) => {
    const m = /^(\d+)(?:[x×*](\d+))?$/u.exec(text.trim());
    if (!m) throw new KaopingError('bad-change', `--add-rule 应写作“细则序号”或“细则序号x次数”，收到“${text}”`);
    return { rule: Number(m[1]), count: m[2] ? Number(m[2]) : 1 };
  });
  return { withdraw: optList(ctx, 'withdraw').map((t) => positiveId(t, '--withdraw 问题编号')), setCount, add };
}

export const reviewRequestDecideCommand: CliCommand = {
  name: 'review-request decide',
  usage:
    'review-request decide <dir> <申请编号> --indicator <一级/二级> --accept|--reject --reason <文字> [--withdraw 问题编号…] [--count 问题编号=次数…] [--add-rule 细则[x次数]…]',
  summary: '对一个异议指标作出决定；采纳时经由问题记录修改（默认撤回该指标的已确认问题），记录前后得分与排名',
  options: {
    indicator: { type: 'string' },
    accept: { type: 'boolean' },
    reject: { type: 'boolean' },
    reason: { type: 'string' },
    withdraw: { type: 'string', multiple: true },
    count: { type: 'string', multiple: true },
    'add-rule': { type: 'string', multiple: true },
  },
  async run(ctx) {
    const [dir, idText] = ctx.args;
    const indicator = optString(ctx, 'indicator');
    if (!dir || !idText || !indicator) throw new KaopingError('usage', '请指定考评文件夹、申请编号和 --indicator');
    const accept = optFlag(ctx, 'accept');
    if (accept === optFlag(ctx, 'reject')) throw new KaopingError('usage', '请用 --accept（采纳）或 --reject（不予采纳）之一');
    const requestId = positiveId(idText, '申请编号');
    const changes = parseChanges(ctx);
    await withStore(ctx, (store) => {
      decideReviewRequest(store, {
        requestId,
        indicator,
        decision: accept ? 'accepted' : 'rejected',
        reason: optString(ctx, 'reason') ?? '',
        changes,
      });
      ctx.io.stdout(describe(reviewRequestView(store, requestId)));
    });
  },
};

export const reviewRequestExportCommand: CliCommand = {
  name: 'review-request export',
  usage: 'review-request export <dir> --out <文件.xlsx>',
  summary: '导出复核申请处理结果（单位、异议指标、理由、决定、复核前后得分与排名），供审定会议使用',
  options: { out: { type: 'string' } },
  async run(ctx) {
    const out = optString(ctx, 'out');
    if (!ctx.args[0] || !out) throw new KaopingError('usage', '请指定考评文件夹和 --out');
    await withStore(ctx, async (store) => {
      const file = path.resolve(ctx.io.cwd, out);
      const { writeOutcomesWorkbook } = await import('../../services/review-requests/outcomes-xlsx');
      await writeOutcomesWorkbook(reviewRequestViews(store), store.info().name, file);
      ctx.io.stdout(`${file}\n`);
    });
  },
};
