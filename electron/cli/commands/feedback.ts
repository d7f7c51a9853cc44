import path from 'node:path';
import type { CliCommand } from '../command';
import { optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import { chinaToday } from '../../services/review-requests/add-request';
import { withStore } from '../open-store';

/** `kaoping feedback <dir> --out <folder> [--sent YYYY-MM-DD]`: the preliminary result for every unit. */
export const feedbackCommand: CliCommand = {
  name: 'feedback',
  usage: 'feedback <dir> --out <文件夹> [--sent YYYY-MM-DD]',
  summary: '为每个单位生成初步考评结果反馈单（Word，附证据截图）与 zip，并记录发送日期（复核期限由此起算）',
  options: { out: { type: 'string' }, sent: { type: 'string' } },
  async run(ctx) {
    const out = optString(ctx, 'out');
    if (!ctx.args[0] || !out) throw new KaopingError('usage', '请指定考评文件夹和 --out 输出文件夹');
    await withStore(ctx, async (store) => {
      const { writeFeedback } = await import('../../services/feedback/write-feedback');
      const result = await writeFeedback(store, path.resolve(ctx.io.cwd, out), optString(ctx, 'sent') ?? chinaToday());
      for (const f of result.files) ctx.io.stdout(`${f.file}\n`);
      ctx.io.stdout(`${result.zip}\n`);
      ctx.io.stderr(
        `已生成 ${result.files.length} 个单位的初步考评结果反馈单，发送日期 ${result.sentOn}，复核申请截止 ${result.deadline ?? '（无法计算）'}\n`,
      );
      if (result.windowNote)
        ctx.io.stderr(`注意：${result.windowNote}；反馈单中只写明“${store.info().reviewWindowDays} 个工作日内”，未写截止日期\n`);
    });
  },
};
