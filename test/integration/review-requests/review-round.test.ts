import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { burnCaption } from '../../../electron/services/evidence/caption';
import { openAssessment, verifyAssessment } from '../../../electron/services/store/open';
import type { ReviewRequestView } from '../../../shared/api/review-requests';
import { cli } from '../../helpers/run-cli';

/** A real captioned screenshot, as the capture pipeline makes them. */
async function screenshot(file: string, url: string, indicator: string): Promise<void> {
  const canvas = createCanvas(1200, 700);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 1200, 700);
  ctx.fillStyle = '#b00000';
  ctx.fillRect(40, 40, 1120, 80);
  ctx.fillStyle = '#000000';
  ctx.font = '40px sans-serif';
  ctx.fillText('404 Not Found', 60, 300);
  writeFileSync(
    file,
    await burnCaption(canvas.toBuffer('image/png'), {
      url,
      capturedAt: new Date('2022-09-20T02:00:00Z'),
      target: '南岭县人民政府门户网站',
      indicator,
    }),
  );
}

const list = async (cwd: string) =>
  (JSON.parse((await cli(cwd, 'review-request', 'list', 'a', '--json')).stdout) as { requests: ReviewRequestView[] }).requests;

// The round of seed 000 四（四）: results sent on Friday 2022-09-30 (before 国庆), requests within 3 working days.
describe('the feedback and review round', () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'kaoping-review-round-'));
  const dir = path.join(cwd, 'a');

  it('sets up three county portals in one class, an account, findings with a screenshot and a self-evaluation', async () => {
    expect(
      (
        await cli(
          cwd,
          'new',
          'a',
          '--ruleset',
          'zhanjiang-2021',
          '--name',
          '2022年度考评',
          '--year',
          '2022',
          '--issuer',
          '南岭市人民政府办公室',
        )
      ).code,
    ).toBe(0);
    for (const [name, url] of [
      ['南岭县人民政府门户网站', 'www.nanling.gov.cn'],
      ['北岭县人民政府门户网站', 'www.beiling.gov.cn'],
      ['东岭县人民政府门户网站', 'www.dongling.gov.cn'],
    ]) {
      expect((await cli(cwd, 'targets', 'add', 'a', '--name', name!, '--url', url!, '--class', '第一类')).code).toBe(0);
    }
    const shot = path.join(cwd, 'shot.png');
    await screenshot(shot, 'http://www.nanling.gov.cn/xwzx/', '健康情况/可用性');
    // 南岭 99.4 (rank 2), 北岭 99.6 (rank 1), 东岭 99.0 (rank 3).
    expect(
      (
        await cli(
          cwd,
          'findings',
          'add',
          'a',
          '--target',
          '南岭县人民政府门户网站',
          '--indicator',
          '健康情况/可用性',
          '--count',
          '3',
          '--note',
          '首页“新闻中心”等 3 个链接打不开',
          '--evidence',
          shot,
        )
      ).code,
    ).toBe(0);
    await cli(cwd, 'findings', 'add', 'a', '--target', '北岭县人民政府门户网站', '--indicator', '健康情况/可用性', '--count', '2');
    await cli(
      cwd,
      'findings',
      'add',
      'a',
      '--target',
      '东岭县人民政府门户网站',
      '--indicator',
      '健康情况/内容安全',
      '--count',
      '2',
      '--note',
      '错敏字 2 处',
    );
    // Ranks are given to fully reviewed targets only: the reviewer has walked all three.
    for (const name of ['南岭县人民政府门户网站', '北岭县人民政府门户网站', '东岭县人民政府门户网站'])
      expect((await cli(cwd, 'review', 'done', 'a', '--target', name)).code).toBe(0);
    const store = openAssessment(dir);
    try {
      store.addTarget({
        kind: 'account',
        unit: '南岭县人民政府',
        name: '南岭发布',
        url: null,
        classId: 'account',
        attributes: {},
        identifier: 'NL-0001',
        platform: '微信',
      });
      // 东岭县 admitted 内容安全 at 3 of 4 in its self-evaluation.
      const dongling = store.findTarget('东岭县人民政府门户网站');
      store.putSelfEvalScores(
        dongling.id,
        [{ indicatorId: 'basic.health.content-safety', score: 3, explanation: '自查发现错敏字 2 处', material: '' }],
        '东岭县自评表.xlsx',
      );
    } finally {
      store.close();
    }
  });

  it('writes one preliminary result per unit with the screenshot embedded, a zip, and records the sending date', async () => {
    const result = await cli(cwd, 'feedback', 'a', '--out', 'feedback', '--sent', '2022-09-30');
    expect(result.code, result.stderr).toBe(0);
    const files = result.stdout.trim().split('\n');
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(4);
    expect(files.at(-1)).toMatch(/\.zip$/);
    expect(Object.keys(unzipSync(readFileSync(files.at(-1)!))).sort()).toEqual(
      files
        .slice(0, -1)
        .map((f) => path.basename(f))
        .sort(),
    );
    const nanlingDoc = files.find((f) => path.basename(f).startsWith('南岭县人民政府门户网站'))!;
    const docx = unzipSync(readFileSync(nanlingDoc));
    const xml = strFromU8(docx['word/document.xml']!);
    expect(xml).toContain('初步考评结果反馈单');
    expect(xml).toContain('健康情况/可用性');
    expect(xml).toContain('首页“新闻中心”等 3 个链接打不开');
    expect(xml).toContain('扣 0.6 分');
    expect(xml).toContain('99.4');
    expect(xml).toContain('2022年10月10日');
    expect(xml).toMatch(/SHA-256：[0-9a-f]{64}/u);
    expect(Object.keys(docx).filter((n) => n.startsWith('word/media/'))).toHaveLength(1);
    // The account is in its own unit's document.
    const unitDoc = strFromU8(
      unzipSync(readFileSync(files.find((f) => path.basename(f).startsWith('南岭县人民政府_'))!))['word/document.xml']!,
    );
    expect(unitDoc).toContain('南岭发布');
  });

  it('takes requests on the 3rd working day (in time), the 4th (late) and one contradicting the self-evaluation', async () => {
    const attachment = path.join(cwd, '说明.pdf');
    writeFileSync(attachment, '%PDF-1.4 南岭县关于可用性扣分的说明');
    const a = await cli(
      cwd,
      'review-request',
      'add',
      'a',
      '--target',
      '南岭县人民政府门户网站',
      '--indicator',
      '健康情况/可用性',
      '--reason',
      '所列链接为临时维护，已恢复',
      '--received',
      '2022-10-10',
      '--attach',
      attachment,
    );
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout.trim()).toBe('1');
    await cli(
      cwd,
      'review-request',
      'add',
      'a',
      '--target',
      '北岭县人民政府门户网站',
      '--indicator',
      '健康情况/可用性',
      '--reason',
      '链接正常',
      '--received',
      '2022-10-11',
    );
    await cli(
      cwd,
      'review-request',
      'add',
      'a',
      '--target',
      '东岭县人民政府门户网站',
      '--indicator',
      '健康情况/内容安全',
      '--reason',
      '不存在错敏字',
      '--received',
      '2022-10-09',
    );
    const [r1, r2, r3] = await list(cwd);
    expect(r1).toMatchObject({
      sentOn: '2022-09-30',
      deadline: '2022-10-10',
      workingDay: 3,
      inTime: true,
      contradictsSelfEval: false,
      status: 'open',
    });
    expect(r1!.attachments).toHaveLength(1);
    expect(r1!.attachments[0]!.title).toContain('说明.pdf');
    expect(r1!.items[0]).toMatchObject({
      indicatorPath: '健康情况/可用性',
      requested: 1,
      reviewer: 0.4,
      self: null,
      contradictsSelfEval: false,
    });
    expect(r2).toMatchObject({ deadline: '2022-10-10', workingDay: 4, inTime: false });
    expect(r3).toMatchObject({ workingDay: 2, inTime: true, contradictsSelfEval: true });
    expect(r3!.items[0]).toMatchObject({ requested: 4, self: 3, reviewer: 3 });
    const text = (await cli(cwd, 'review-request', 'list', 'a')).stdout;
    expect(text).toContain('逾期（期限 2022-10-10，第 4 个工作日收到）');
    expect(text).toContain('与自评不一致');
  });

  it('refuses to accept the late and the contradicting requests, and rejects them with reasons', async () => {
    const late = await cli(
      cwd,
      'review-request',
      'decide',
      'a',
      '2',
      '--indicator',
      '健康情况/可用性',
      '--accept',
      '--reason',
      '核实链接正常',
    );
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('已超过复核期限 2022-10-10');
    const contra = await cli(cwd, 'review-request', 'decide', 'a', '3', '--indicator', '健康情况/内容安全', '--accept', '--reason', '核实');
    expect(contra.code).toBe(1);
    expect(contra.stderr).toMatch(/申请 4 分，高于该单位自评的 3 分/);
    expect(
      (await cli(cwd, 'review-request', 'decide', 'a', '2', '--indicator', '健康情况/可用性', '--reject', '--reason', '逾期提出，不予受理'))
        .code,
    ).toBe(0);
    expect(
      (
        await cli(
          cwd,
          'review-request',
          'decide',
          'a',
          '3',
          '--indicator',
          '健康情况/内容安全',
          '--reject',
          '--reason',
          '与自评报告不一致，不予受理',
        )
      ).code,
    ).toBe(0);
    expect(
      (await cli(cwd, 'review-request', 'decide', 'a', '3', '--indicator', '健康情况/内容安全', '--reject', '--reason', '再次')).stderr,
    ).toContain('已决定');
  });

  it('accepts the in-time request through findings: the score and the class rank change, history and verify stay whole', async () => {
    const before = JSON.parse((await cli(cwd, 'score', 'a', '--json')).stdout) as {
      targets: { name: string; total: number; rank: number }[];
    };
    expect(before.targets.find((t) => t.name.startsWith('南岭'))).toMatchObject({ total: 99.4, rank: 2 });
    const decided = await cli(
      cwd,
      'review-request',
      'decide',
      'a',
      '1',
      '--indicator',
      '健康情况/可用性',
      '--accept',
      '--reason',
      '复核确认链接已恢复且为临时维护',
    );
    expect(decided.code, decided.stderr).toBe(0);
    const [r1, r2, r3] = await list(cwd);
    expect(r1).toMatchObject({ status: 'accepted' });
    expect(r1!.items[0]!.effect).toMatchObject({
      totalBefore: 99.4,
      totalAfter: 100,
      rankBefore: 2,
      rankAfter: 1,
      indicatorBefore: 0.4,
      indicatorAfter: 1,
    });
    expect(r1!.items[0]!.effect!.changes[0]).toMatch(/^撤回问题 #1（第1条 ×3）$/u);
    expect(r2!.status).toBe('rejected');
    expect(r3!.status).toBe('rejected');
    // The request's history: opened, the finding withdrawn on its account, decided, closed.
    expect(r1!.history.map((h) => h.action)).toEqual(['review.open', 'finding.update', 'review.decide', 'review.close']);
    expect(r1!.history[1]).toMatchObject({ subject: 'finding:1', reason: '复核申请 #1 采纳：复核确认链接已恢复且为临时维护' });
    const after = JSON.parse((await cli(cwd, 'score', 'a', '--json')).stdout) as {
      targets: { name: string; total: number; rank: number }[];
    };
    expect(after.targets.find((t) => t.name.startsWith('南岭'))).toMatchObject({ total: 100, rank: 1 });
    expect(after.targets.find((t) => t.name.startsWith('北岭'))).toMatchObject({ rank: 2 });

    const store = openAssessment(dir);
    try {
      const fromReview = store.history().filter((h) => h.subject.startsWith('finding:') && h.reason.startsWith('复核申请 #1 采纳'));
      expect(fromReview).toHaveLength(1);
      expect(fromReview[0]!.after).toMatchObject({ status: 'dismissed' });
      // The withdrawn finding and its evidence stay on record.
      expect(store.getFinding(1).evidenceIds).toHaveLength(1);
    } finally {
      store.close();
    }
    expect(verifyAssessment(dir)).toMatchObject({ ok: true, firstBreak: null });
  });

  it('exports the outcomes for the approval meeting', async () => {
    const out = path.join(cwd, '复核结果.xlsx');
    expect((await cli(cwd, 'review-request', 'export', 'a', '--out', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('复核结果')!;
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(row(2)).toContain('复核前得分');
    expect(row(3)).toEqual(expect.arrayContaining([1, '南岭县人民政府门户网站', '健康情况/可用性', '采纳', 99.4, 100, 2, 1]));
    expect(row(4)).toEqual(expect.arrayContaining(['不予采纳', '逾期提出，不予受理']));
    expect(String(row(4)[5])).toContain('逾期');
    expect(String(row(5)[5])).toContain('与自评不一致');
    expect(existsSync(path.join(cwd, 'feedback'))).toBe(true);
  });
});

describe('a year the holiday calendar lacks', () => {
  it('writes the preliminary results without a guessed deadline and says why; the request window stays unknown', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'kaoping-review-year-'));
    await cli(cwd, 'new', 'a', '--ruleset', 'zhanjiang-2021', '--year', '2099');
    await cli(cwd, 'targets', 'add', 'a', '--name', '南岭市教育局', '--url', 'http://jyj.nanling.gov.cn', '--class', '第二类');
    const sent = await cli(cwd, 'feedback', 'a', '--out', 'fb', '--sent', '2099-12-30');
    expect(sent.code).toBe(0);
    expect(sent.stderr).toMatch(/没有 2099 年的法定节假日与调休安排/u);
    const xml = strFromU8(unzipSync(readFileSync(sent.stdout.trim().split('\n')[0]!))['word/document.xml']!);
    expect(xml).toContain('3 个工作日内');
    expect(xml).not.toContain('前）');
    await cli(
      cwd,
      'review-request',
      'add',
      'a',
      '--target',
      '南岭市教育局',
      '--indicator',
      '健康情况/可用性',
      '--reason',
      '异议',
      '--received',
      '2100-01-04',
    );
    const [r] = await list(cwd);
    expect(r).toMatchObject({ sentOn: '2099-12-30', deadline: null, inTime: null });
    expect(r!.windowNote).toContain('chinese-days');
  });
});
