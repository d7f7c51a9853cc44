import { describe, expect, it } from 'vitest';
import { checklistLeaves } from '../../../shared/api/review';
import { freshAssessment } from '../../helpers/assessment';
import { reviewProgress, targetReview } from '../../../electron/services/review/target-review';
import { ScoreCache } from '../../../electron/services/scoring/score-cache';
import { scoreStoredAssessment } from '../../../electron/services/scoring/score-assessment';

describe('the review checklist', () => {
  it('puts veto items first and carries live scores, transfers and progress (zhanjiang-2021, 第二类)', () => {
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
    store.addFinding({ targetId: site.id, indicatorId: 'basic.health.availability', rule: 1, count: 3, status: 'confirmed' });
    store.addFinding({
      targetId: site.id,
      indicatorId: 'basic.design.jiucuo',
      rule: 2,
      count: 2,
      status: 'suggested',
      source: 'jiucuo.other',
    });
    store.setIndicatorReviewed(site.id, 'basic.health.availability', true);

    const scores = new ScoreCache(store);
    const view = targetReview(store, 'a', site.id, scores);
    expect(view.tree.map((n) => n.name)).toEqual(['单项否决指标', '基础性指标', '引导性指标']);
    const leaves = checklistLeaves(view.tree);
    const availability = leaves.find((l) => l.id === 'basic.health.availability')!;
    // 1 − 3 × 0.2 = 0.4, explained down to the finding
    expect([availability.weight, availability.score, availability.change, availability.confirmed, availability.reviewed]).toEqual([
      1,
      0.4,
      -0.6,
      1,
      true,
    ]);
    expect(availability.explanation?.children?.[0]?.text).toContain('第1条 −0.6');
    // Suggestions are counted but score nothing.
    const jiucuo = leaves.find((l) => l.id === 'basic.design.jiucuo')!;
    expect([jiucuo.suggested, jiucuo.score]).toEqual([1, 2]);
    // City units: 概况信息 moves its weight to 年报报表 and does not apply.
    expect(leaves.some((l) => l.id === 'basic.publish.overview')).toBe(false);
    expect(leaves.find((l) => l.id === 'basic.publish.annual-reports')!.weight).toBe(2);
    expect(view.progress).toEqual({ reviewed: 1, total: leaves.length });
    // What mark-reviewed returns, counted without scoring, agrees with the checklist.
    expect(reviewProgress(store, site.id)).toEqual(view.progress);
    expect(view.score.total).toBeLessThan(100);
    // Scoring the target's class alone gives what scoring everything gives.
    store.addTarget({
      kind: 'website',
      unit: '南岭县人民政府',
      name: '南岭县',
      url: 'http://www.nanling.gov.cn/',
      classId: 'county',
      attributes: {},
      identifier: null,
      platform: null,
    });
    const whole = scoreStoredAssessment(store).find((s) => s.targetId === site.id)!;
    expect([targetReview(store, 'a', site.id, scores).score.total, targetReview(store, 'a', site.id, scores).score.rank]).toEqual([
      whole.total,
      whole.rank,
    ]);
    expect(view.findings.map((f) => [f.indicatorPath, f.status])).toEqual([
      ['健康情况/可用性', 'confirmed'],
      ['功能设计/“我为政府网站找错”', 'suggested'],
    ]);
  });

  it('shows an account only the veto items where the ruleset judges accounts by vetoes alone', () => {
    const { store } = freshAssessment();
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
    store.addFinding({ targetId: account.id, indicatorId: 'veto.account.stale', rule: 1, count: 1, status: 'confirmed' });
    const view = targetReview(store, 'a', account.id, new ScoreCache(store));
    expect(view.tree.map((n) => n.name)).toEqual(['单项否决指标']);
    expect(reviewProgress(store, account.id)).toEqual(view.progress);
    expect(checklistLeaves(view.tree).map((l) => l.name)).toEqual(['安全、泄密事故等严重问题', '内容不更新', '互动回应差']);
    expect(view.score.veto).toBe(true);
    expect(checklistLeaves(view.tree).find((l) => l.name === '内容不更新')!.note).toContain('已认定单项否决');
  });
});
