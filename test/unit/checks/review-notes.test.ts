import { describe, expect, it } from 'vitest';
import { nearestIndicator, reviewNotes } from '../../../electron/services/checks/review-notes';
import { suggestionsFor } from '../../../electron/services/checks/suggest';
import type { Target } from '../../../shared/domain/types';
import { ruleset } from '../../helpers/rulesets';

const zj = ruleset('zhanjiang-2021');
const site: Target = {
  id: 1,
  kind: 'website',
  unit: '南岭县人民政府',
  name: '南岭县人民政府门户网站',
  url: 'http://www.nanling.gov.cn/',
  classId: 'county',
  attributes: {},
  identifier: null,
  platform: null,
};

describe('notes for what no rule scores', () => {
  it('names the indicator an unscored observation most plausibly belongs to', () => {
    expect(nearestIndicator(zj, site, 'content.pii')?.place.path).toBe('单项否决/安全、泄密事故等严重问题');
    expect(nearestIndicator(zj, site, 'https')?.place.path).toBe('健康情况/可用性');
    expect(nearestIndicator(zj, site, 'links.other')?.place.path).toBe('健康情况/可用性');
    expect(nearestIndicator(zj, site, undefined)).toBeNull();
  });

  it('keeps every observation no suggestion came from — no rule for it, or below the rule’s threshold — and every check note that is not fine', () => {
    const observations = [
      {
        detect: 'content.pii' as const,
        count: 1,
        summary: '1 个页面泄露个人信息',
        items: [{ url: 'http://www.nanling.gov.cn/tzgg/1.html', text: '110105********002X' }],
      },
      { detect: 'freshness.stale-columns' as const, count: 3, summary: '3 个栏目未按时更新', items: [] },
      { detect: 'links.home' as const, count: 2, summary: '首页有 2 处链接打不开', items: [] },
    ];
    const suggestions = suggestionsFor(zj, site, observations);
    const notes = reviewNotes(
      zj,
      site,
      observations,
      suggestions,
      [
        { check: 'crawl', text: '已达页面上限', ok: false },
        { check: 'https', text: '证书有效', ok: true },
      ],
      '2025-06-30T00:00:00.000Z',
    );
    expect(suggestions.map((s) => s.check)).toEqual(['links.home']);
    expect(notes.map((n) => [n.detect, n.indicator])).toEqual([
      ['content.pii', '单项否决/安全、泄密事故等严重问题'],
      ['freshness.stale-columns', '单项否决/栏目不更新'],
      [null, null],
    ]);
    expect(notes[0]!.text).toContain('未计分');
    expect(notes[0]!.items).toEqual([{ url: 'http://www.nanling.gov.cn/tzgg/1.html', text: '110105********002X' }]);
  });
});
