import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesetSchema } from '../../../shared/ruleset/schema';
import type { Ruleset } from '../../../shared/ruleset/types';
import { detectOptions } from '../../../electron/services/checks/detector-options';
import { detectFooterIdentity } from '../../../electron/services/checks/detectors/footer-identity';
import { ruleset } from '../../helpers/rulesets';
import { crawled } from './detectors/pages';

// Whether a "联系我们" link counts as 联系方式 is a reading of the rules, so the ruleset states it.
describe('a ruleset reads an ambiguous rule through detector options', () => {
  const withContactLink = (): Ruleset => {
    const copy = structuredClone(ruleset('zhanjiang-2021'));
    for (const part of copy.parts)
      for (const section of part.sections)
        for (const indicator of section.indicators)
          for (const rule of indicator.rules)
            if (rule.detects?.includes('footer.identity')) rule.detects = [{ check: 'footer.identity', options: { contactLink: true } }];
    return rulesetSchema.parse(copy);
  };
  const hanweb = crawled(
    'http://www.haining.gov.cn/art/2024/3/12/art_1.html',
    readFileSync(path.resolve(__dirname, '../../fixtures/cms/hanweb-article.html'), 'utf8'),
  );

  it('defaults to the strict reading: only a telephone or e-mail is 联系方式', () => {
    expect(detectOptions(ruleset('zhanjiang-2021'), 'footer.identity')).toEqual({});
    expect(detectFooterIdentity([hanweb]).map((o) => o.summary)).toEqual(['页面底部缺少联系方式（1 个页面）']);
  });

  it('lets the ruleset count a 联系我们 link, validated on load', () => {
    const options = detectOptions(withContactLink(), 'footer.identity');
    expect(options).toEqual({ contactLink: true });
    expect(detectFooterIdentity([hanweb], { contactLink: options.contactLink === true })).toEqual([]);
  });

  it('refuses options that are not plain values', () => {
    const bad = structuredClone(ruleset('zhanjiang-2021')) as unknown as {
      parts: { sections: { indicators: { rules: { detects?: unknown[] }[] }[] }[] }[];
    };
    bad.parts[0]!.sections[0]!.indicators[0]!.rules[0]!.detects = [{ check: 'footer.identity', options: { contactLink: ['yes'] } }];
    expect(rulesetSchema.safeParse(bad).success).toBe(false);
  });
});
