import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../command';
import { optList } from '../command';
import { KaopingError } from '../../../shared/errors';

const SIGNATURE: Record<string, string> = {
  valid: '签名有效（本机密钥）',
  invalid: '签名无效',
  'other-key': '由另一台计算机的密钥签名，本机无法核对',
  missing: '未签名',
};

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage: 'verify <dir> [--export 导出文件 …]',
  summary: '校验历史记录哈希链与签名、重放历史核对全部记录、重算证据文件 SHA-256；--export 核对导出文件记录的链头',
  options: { export: { type: 'string', multiple: true } },
  async run(ctx) {
    if (!ctx.args[0]) throw new KaopingError('usage', '请指定考评文件夹');
    const [{ verifyAssessment }, { checkExportHead }, { readChainHead }] = await Promise.all([
      import('../../services/store/open'),
      import('../../services/store/verify'),
      import('../../services/export/ooxml/chain-head-property'),
    ]);
    const dir = path.resolve(ctx.io.cwd, ctx.args[0]);
    const report = verifyAssessment(dir);
    if (report.ok) ctx.io.stdout(`校验通过：历史记录 ${report.historyEntries} 条，证据文件 ${report.evidenceFiles} 个，均未被改动。\n`);
    else ctx.io.stdout(`校验失败：${report.firstBreak}\n`);
    if (report.head)
      ctx.io.stdout(
        `链头：第 ${report.head.seq} 条 ${report.head.hash}，${SIGNATURE[report.signature]}${report.head.keyId ? `（密钥编号 ${report.head.keyId}）` : ''}\n`,
      );
    for (const note of report.notes) ctx.io.stdout(`注意：${note}\n`);
    let exportsOk = true;
    for (const file of optList(ctx, 'export')) {
      const full = path.resolve(ctx.io.cwd, file);
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(full);
      } catch {
        throw new KaopingError('no-file', `无法读取导出文件：${full}`);
      }
      const check = checkExportHead(dir, full, readChainHead(bytes));
      ctx.io.stdout(`导出文件：${check.message}\n`);
      if (check.status === 'rewritten' || check.status === 'bad-signature') exportsOk = false;
    }
    return report.ok && exportsOk ? 0 : 1;
  },
};
