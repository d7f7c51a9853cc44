import { describe, expect, it } from 'vitest';
import { storeSuggestions, suggestionsFor } from '../../../electron/services/checks/suggest';
import type { Observation } from '../../../electron/services/checks/types';
import { freshAssessment } from '../../helpers/assessment';
import { ruleset } from '../../helpers/rulesets';

const site = {
  id: 1,
  kind: 'website' as const,
  unit: '南岭县人民政府',
  name: '南岭县人民政府门户网站',
  url: 'http://www.nanling.gov.cn/',
  classId: 'county',
  attributes: {},
  identifier: null,
  platform: null,
};
const stale = (count: number): Observation => ({ detect: 'freshness.stale-columns', count, summary: `${count} 个栏目未更新`, items: [] });

describe('suggestions from observations', () => {
  it('scores exactly the rule that names the observation, with its count', () => {
    const s = suggestionsFor(ruleset('zhanjiang-2021'), site, [
      {
        detect: 'links.home',
        count: 5,
        summary: '首页有 5 处链接打不开',
        items: [{ url: site.url, link: 'http://www.nanling.gov.cn/a.jpg', reason: 'HTTP 404' }],
      },
    ]);
    expect(s.map((x) => [x.indicator, x.rule, x.count, x.status])).toEqual([['健康情况/可用性', 1, 5, 'suggested']]);
  });

  it('suggests the 栏目不更新 veto only from five stale columns on (累计超过（含）5个)', () => {
    const zj = ruleset('zhanjiang-2021');
    expect(suggestionsFor(zj, site, [stale(4)])).toEqual([]);
    expect(suggestionsFor(zj, site, [stale(5)]).map((x) => `${x.indicator}#${x.rule}`)).toEqual(['单项否决/栏目不更新#1']);
  });

  it('maps an observation to each ruleset’s own numbering (guoban-2019 可用性 sits under 功能设计)', () => {
    const s = suggestionsFor(ruleset('guoban-2019'), { ...site, classId: 'portal' }, [
      { detect: 'links.other', count: 7, summary: '', items: [] },
    ]);
    expect(s.map((x) => `${x.indicator}#${x.rule}×${x.count}`)).toEqual(['功能设计/可用性#2×7']);
  });

  it('stores suggestions once: a rerun updates the pending one and never revives a dismissed one', () => {
    const { store } = freshAssessment();
    const t = store.addTarget({ ...site, id: undefined } as never);
    const once = suggestionsFor(store.rulesetSnapshot(), t, [
      { detect: 'links.home', count: 2, summary: '首页有 2 处链接打不开', items: [] },
    ]);
    const [id] = storeSuggestions(store, once, '2025-06-30T00:00:00Z');
    const again = suggestionsFor(store.rulesetSnapshot(), t, [
      { detect: 'links.home', count: 3, summary: '首页有 3 处链接打不开', items: [] },
    ]);
    expect(storeSuggestions(store, again, '2025-07-01T00:00:00Z')).toEqual([id]);
    expect(store.listFindings().map((f) => [f.count, f.status, f.evidenceIds.length])).toEqual([[3, 'suggested', 2]]);
    store.updateFinding(id!, { status: 'dismissed' }, '误报：链接实际可以打开');
    expect(storeSuggestions(store, again, '2025-07-02T00:00:00Z')).toEqual([]);
    expect(store.listFindings()).toHaveLength(1);
  });
});
