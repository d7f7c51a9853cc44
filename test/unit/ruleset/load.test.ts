import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRulesetsDir, listRulesets, parseRuleset } from '../../../electron/services/rulesets/load';
import { listIndicators, resolveClass, resolveIndicator } from '../../../shared/ruleset/walk';
import { KaopingError } from '../../../shared/errors';
import type { Indicator, Ruleset } from '../../../shared/ruleset/types';
import { ruleset } from '../../helpers/rulesets';

const zjText = readFileSync(path.join(defaultRulesetsDir(), 'zhanjiang-2021.json'), 'utf8');

/** The zhanjiang file with one change, as text. */
function mutate(change: (r: Ruleset) => void): string {
  const copy = JSON.parse(zjText) as Ruleset;
  change(copy);
  return JSON.stringify(copy);
}

function indicator(r: Ruleset, name: string): Indicator {
  return r.parts.flatMap((p) => p.sections.flatMap((s) => s.indicators)).find((i) => i.name === name)!;
}

function errorOf(fn: () => unknown): KaopingError {
  try {
    fn();
  } catch (e) {
    return e as KaopingError;
  }
  throw new Error('expected an error');
}

describe('ruleset loading', () => {
  it('refuses a rule that names an unknown check, naming the indicator', () => {
    const e = errorOf(() =>
      parseRuleset(
        mutate((r) => (indicator(r, '可用性').rules[0]!.detects = ['links.everywhere' as never])),
        'bad.json',
      ),
    );
    expect(e.message).toContain('bad.json');
    expect(e.details.join('\n')).toMatch(/可用性.*未知的检查项/u);
  });

  it('maps the checks the issue names to the rules they serve (zhanjiang-2021)', () => {
    const zj = ruleset('zhanjiang-2021');
    const served = (check: string) =>
      listIndicators(zj).flatMap((p) =>
        p.indicator.rules
          .filter((r) => r.detects?.some((d) => (typeof d === 'string' ? d : d.check) === check))
          .map((r) => `${p.path}#${r.n}`),
      );
    expect(served('links.home')).toEqual(['健康情况/可用性#1']);
    expect(served('links.other')).toEqual(['健康情况/可用性#2']);
    expect(served('freshness.home')).toEqual(['单项否决/首页不更新#1']);
    expect(served('account.weekly')).toEqual(['政务新媒体/内容更新#1']);
  });

  it('loads every bundled ruleset', () => {
    const ids = listRulesets().map((r) => r.id);
    expect(ids).toEqual(['guoban-2019', 'guoban-supervision-2019', 'zengdu-2023', 'zhanjiang-2021']);
  });

  it('encodes zhanjiang-2021 as the seed states it: 100 basic points in 7 sections, 25 bonus, 3 website classes', () => {
    const zj = ruleset('zhanjiang-2021');
    const basic = zj.parts.find((p) => p.kind === 'basic')!;
    expect(basic.sections.map((s) => `${s.name}${s.max}`)).toEqual([
      '健康情况20',
      '发布解读20',
      '办事服务15',
      '互动交流10',
      '功能设计10',
      '政务新媒体15',
      '运维保障10',
    ]);
    expect(zj.parts.find((p) => p.kind === 'bonus')!.max).toBe(25);
    expect(zj.classes.filter((c) => c.kind === 'website').map((c) => c.label)).toEqual(['第一类', '第二类', '第三类']);
    expect(listIndicators(zj, 'account').map((p) => p.path)).toEqual([
      '单项否决/安全、泄密事故等严重问题',
      '单项否决/内容不更新',
      '单项否决/互动回应差',
    ]);
  });

  it('names the file and the indicator when a weight does not add up', () => {
    const broken = mutate((r) => (indicator(r, '可用性').weight = 2));
    const error = errorOf(() => parseRuleset(broken, 'zhanjiang-2021.json'));
    expect(error.message).toContain('zhanjiang-2021.json');
    expect(error.details.join()).toContain('健康情况：指标分值之和 21 不等于一级指标分值 20');
  });

  it('names the indicator when a rule kind is unknown', () => {
    const broken = mutate((r) => (indicator(r, '可用性').rules[0]!.kind = 'per-item' as never));
    const error = errorOf(() => parseRuleset(broken, 'x.json'));
    expect(error.details.join()).toMatch(/可用性/);
  });

  it('rejects invalid JSON with the file name', () => {
    expect(errorOf(() => parseRuleset('{', 'bad.json')).message).toContain('bad.json');
  });
});

describe('indicator and class resolution', () => {
  const zj = ruleset('zhanjiang-2021');
  it('takes "一级/二级", the 二级 name alone when unique, and veto items per target kind', () => {
    expect(resolveIndicator(zj, '健康情况/可用性', 'website').indicator.id).toBe('basic.health.availability');
    expect(resolveIndicator(zj, '可用性', 'website').indicator.id).toBe('basic.health.availability');
    expect(resolveIndicator(zj, '单项否决/互动回应差', 'website').indicator.id).toBe('veto.site.interaction');
    expect(resolveIndicator(zj, '单项否决/互动回应差', 'account').indicator.id).toBe('veto.account.interaction');
  });
  it('refuses unknown and ambiguous names in Chinese', () => {
    expect(() => resolveIndicator(zj, '健康情况/不存在', 'website')).toThrow(/没有指标“健康情况\/不存在”/);
    expect(() => resolveIndicator(zj, '内容安全', 'website')).toThrow(/不唯一/);
  });
  it('resolves classes by label or full name', () => {
    expect(resolveClass(zj, '第三类').id).toBe('city-noservice');
    expect(resolveClass(zj, '承担对外服务职能的市有关单位').id).toBe('city-service');
    expect(() => resolveClass(zj, '第九类')).toThrow(/没有类别/);
  });
});
