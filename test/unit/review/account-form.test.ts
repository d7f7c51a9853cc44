import { describe, expect, it } from 'vitest';
import { accountForm, saveAccountForm } from '../../../electron/services/review/account-form';
import { scoreStoredAssessment } from '../../../electron/services/scoring/score-assessment';
import { freshAssessment } from '../../helpers/assessment';

function setup() {
  const { store } = freshAssessment();
  const site = store.addTarget({
    kind: 'website',
    unit: '南岭市教育局',
    name: '南岭市教育局',
    url: 'http://jyj.nanling.gov.cn/',
    classId: 'city-service',
    attributes: {},
    identifier: null,
    platform: null,
  });
  const account = store.addTarget({
    kind: 'account',
    unit: '南岭市教育局',
    name: '南岭教育',
    url: null,
    classId: 'account',
    attributes: {},
    identifier: '440800M001WX0001',
    platform: '微信',
  });
  return { store, site, account };
}
const today = new Date('2025-06-30T04:00:00Z');

describe('the new-media review form (zhanjiang-2021)', () => {
  it('says where each answer is scored: vetoes on the account, the rest on the unit’s website', () => {
    const { store, account } = setup();
    const form = accountForm(store, account.id);
    const where = Object.fromEntries(form.fields.map((f) => [f.key, f.scoredAs]));
    expect(where.lastUpdate).toEqual(['单项否决/内容不更新 第1条（本账号）']);
    expect(where.weeksWithoutUpdate).toEqual(['政务新媒体/内容更新 第1条（计入南岭市教育局）']);
    expect(where.followIssues).toEqual(['政务新媒体/关注对象 第1条（计入南岭市教育局）']);
  });

  it('turns answers into confirmed findings with their screenshots, and withdraws them when corrected', () => {
    const { store, site, account } = setup();
    const shot = store.addEvidence(Buffer.from('png'), { kind: 'screenshot', ext: 'png', targetId: account.id });
    const before = scoreStoredAssessment(store).find((s) => s.targetId === site.id)!.total!;
    saveAccountForm(
      store,
      account.id,
      {
        lastUpdate: '2025-06-01',
        weeksSampled: 4,
        weeksWithoutUpdate: 2,
        hasInteraction: true,
        followIssues: '关注了 3 个娱乐明星账号',
        'followIssues:evidence': [shot.id],
      },
      today,
    );
    const findings = store.listFindings();
    expect(findings.map((f) => [f.targetId, f.indicatorId, f.rule, f.count, f.status])).toEqual([
      [account.id, 'veto.account.stale', 1, 1, 'confirmed'],
      [site.id, 'basic.newmedia.updates', 1, 2, 'confirmed'],
      [site.id, 'basic.newmedia.follows', 1, 1, 'confirmed'],
    ]);
    expect(findings[2]!.evidenceIds).toEqual([shot.id]);
    expect(findings[0]!.note).toBe('最近一次更新为 2025-06-01，已 29 天未更新');
    const scores = scoreStoredAssessment(store);
    expect(scores.find((s) => s.targetId === account.id)!.veto).toBe(true);
    // 内容更新 −2 (2 weeks × 1) and 关注对象 −1, on the 100-point basis
    expect(before - scores.find((s) => s.targetId === site.id)!.total!).toBeCloseTo(3, 5);

    // The account is updated again and the follows are gone: those findings are withdrawn, with a reason in the history.
    saveAccountForm(
      store,
      account.id,
      { lastUpdate: '2025-06-28', weeksSampled: 4, weeksWithoutUpdate: 2, hasInteraction: true, followIssues: '' },
      today,
    );
    expect(store.listFindings().map((f) => f.indicatorId)).toEqual(['basic.newmedia.updates']);
    expect(
      store
        .history()
        .filter((h) => h.action === 'finding.delete')
        .map((h) => h.reason),
    ).toEqual(['修改新媒体检查表：该问题已不存在', '修改新媒体检查表：该问题已不存在']);
    expect(accountForm(store, account.id).answers.lastUpdate).toBe('2025-06-28');
  });

  it('does not score the weekly-update rule for service accounts (服务号不考核该指标)', () => {
    const { store, account } = setup();
    saveAccountForm(store, account.id, { serviceAccount: true, weeksSampled: 4, weeksWithoutUpdate: 3 }, today);
    expect(store.listFindings()).toEqual([]);
  });

  it('refuses contradictory answers with a clear message', () => {
    const { store, account } = setup();
    expect(() => saveAccountForm(store, account.id, { weeksSampled: 2, weeksWithoutUpdate: 3 }, today)).toThrow(
      '未更新的周数（3）多于抽查周数（2）',
    );
  });
});
