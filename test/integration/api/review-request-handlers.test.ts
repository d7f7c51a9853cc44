import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackResultView, ReviewRequestView } from '../../../shared/api/review-requests';
import { cli } from '../../helpers/run-cli';
import { callThroughDispatch } from '../../helpers/dispatch';

// The 反馈与复核 tab's calls, through dispatch with the contract's validation.
describe('review request handlers through dispatch', () => {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'kaoping-review-handlers-'));
  const call = callThroughDispatch(workspace);

  beforeAll(async () => {
    await cli(workspace, 'new', 'a', '--ruleset', 'zhanjiang-2021', '--year', '2022');
    await cli(workspace, 'targets', 'add', 'a', '--name', '南岭市教育局', '--url', 'http://jyj.nanling.gov.cn', '--class', '第二类');
    await cli(workspace, 'findings', 'add', 'a', '--target', '南岭市教育局', '--indicator', '健康情况/可用性', '--count', '2');
  });

  it('sends preliminary results, takes a request with an attachment, decides it and exports the outcomes', async () => {
    const sent = await call<FeedbackResultView>('feedback/create', { id: 'a', sentOn: '2022-09-30' });
    expect(sent.files).toHaveLength(1);
    expect(existsSync(path.join(workspace, sent.zip))).toBe(true);
    expect(sent.files[0]!.file).toMatch(/^a\/exports\/初步考评结果反馈单_2022-09-30\/南岭市教育局_初步考评结果反馈单\.docx$/u);

    const added = await call<ReviewRequestView>('reviewRequests/add', {
      id: 'a',
      targetId: 1,
      indicators: ['basic.health.availability'],
      reason: '链接已修复',
      receivedOn: '2022-10-08',
      attachments: [{ fileName: '整改说明.txt', contentBase64: Buffer.from('已修复').toString('base64') }],
    });
    expect(added).toMatchObject({ inTime: true, workingDay: 1, deadline: '2022-10-10', status: 'open' });
    expect(added.attachments[0]!.title).toBe('复核申请附件：整改说明.txt');

    const decided = await call<ReviewRequestView>('reviewRequests/decide', {
      id: 'a',
      requestId: added.id,
      indicatorId: 'basic.health.availability',
      decision: 'accepted',
      reason: '核实已修复',
    });
    expect(decided.status).toBe('accepted');
    expect(decided.items[0]!.effect).toMatchObject({ totalBefore: 99.6, totalAfter: 100 });
    expect(await call<ReviewRequestView[]>('reviewRequests/list', { id: 'a' })).toHaveLength(1);
    const sheet = await call<{ file: string; bytes: number }>('reviewRequests/exportOutcomes', { id: 'a' });
    expect(sheet.file).toBe('a/exports/复核申请处理结果.xlsx');
    expect(sheet.bytes).toBeGreaterThan(0);
  });

  it('refuses bad input before any handler runs', async () => {
    await expect(call('reviewRequests/add', { id: 'a', targetId: 1, indicators: [], reason: '理由' })).rejects.toThrow(
      '请至少选择一个有异议的指标',
    );
    await expect(call('feedback/create', { id: 'a', sentOn: '2022/09/30' })).rejects.toThrow('日期应为 YYYY-MM-DD');
    await expect(
      call('reviewRequests/decide', { id: 'a', requestId: 1, indicatorId: 'x', decision: 'maybe', reason: 'r' }),
    ).rejects.toThrow();
  });
});
