import type { CliCommand, CliContext } from '../command';
import { optString } from '../command';
import { KaopingError } from '../../../shared/errors';
import { withStore } from '../open-store';
import { setReviewDone } from '../../services/review/review-done';

function reviewCommand(done: boolean): CliCommand {
  return {
    name: done ? 'review done' : 'review undo',
    usage: `review ${done ? 'done' : 'undo'} <dir> --target <编号|名称|网址> [--indicator <一级指标/二级指标>] [--reason 文字]`,
    summary: done
      ? '标记评审完毕（不写指标则为该对象全部适用指标）；全部完毕后得分才定等次、参与排名'
      : '重新打开评审（记入历史）；该对象得分回到暂计',
    options: { target: { type: 'string' }, indicator: { type: 'string' }, reason: { type: 'string' } },
    async run(ctx: CliContext) {
      const ref = optString(ctx, 'target');
      if (!ctx.args[0] || !ref)
        throw new KaopingError('usage', `请指定考评文件夹和 --target：kaoping review ${done ? 'done' : 'undo'} <考评目录> --target <对象>`);
      await withStore(ctx, (store) => {
        const target = store.findTarget(ref);
        const result = setReviewDone(store, target, optString(ctx, 'indicator'), done, optString(ctx, 'reason') ?? '');
        const who = target.kind === 'website' ? target.unit : `${target.unit}“${target.name}”`;
        const state = result.progress.reviewed === result.progress.total ? '评审完毕' : '暂计';
        ctx.io.stdout(
          `${who}：${done ? '标记完毕' : '重新打开'} ${result.changed.length} 项，进度 ${result.progress.reviewed}/${result.progress.total}（${state}）\n`,
        );
      });
    },
  };
}

export const reviewDoneCommand = reviewCommand(true);
export const reviewUndoCommand = reviewCommand(false);
