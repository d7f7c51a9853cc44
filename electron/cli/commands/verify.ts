import path from 'node:path';
import type { CliCommand } from '../command';
import { KaopingError } from '../../../shared/errors';

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage: 'verify <dir>',
  summary: '校验历史记录哈希链和全部证据文件的 SHA-256',
  async run(ctx) {
    if (!ctx.args[0]) throw new KaopingError('usage', '请指定考评文件夹');
    const { verifyAssessment } = await import('../../services/store/open');
    const report = verifyAssessment(path.resolve(ctx.io.cwd, ctx.args[0]));
    if (report.ok) {
      ctx.io.stdout(`校验通过：历史记录 ${report.historyEntries} 条，证据文件 ${report.evidenceFiles} 个，均未被改动。\n`);
      return 0;
    }
    ctx.io.stdout(`校验失败：${report.firstBreak}\n`);
    return 1;
  },
};
