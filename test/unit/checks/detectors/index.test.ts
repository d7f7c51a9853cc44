import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPageDetectors } from '../../../../electron/services/checks/detectors/index';
import { loadWordList } from '../../../../electron/services/checks/detectors/words';
import { sampleCrawl } from './pages';

const today = new Date('2025-06-30T04:00:00Z');
const wordList = loadWordList([
  { source: 'cuomin.txt', text: readFileSync(new URL('../../../../resources/wordlists/cuomin.txt', import.meta.url), 'utf8') },
]);
const crawl = sampleCrawl(today);
const brief = (r: ReturnType<typeof runPageDetectors>) => r.observations.map((o) => `${o.detect}×${o.count}`);

describe('runPageDetectors over the bundled sample sites', () => {
  it('finds the county portal’s wrong word, ID number and mobile number, and nothing else', () => {
    const result = runPageDetectors(crawl.county!.pages, { wordList, siteKind: 'portal', now: today });
    expect(brief(result)).toEqual(['content.pii×2', 'content.words×1']);
    const [pii, words] = result.observations;
    expect(pii!.items.map((i) => [i.url, i.reason])).toEqual([
      ['http://www.nanling.gov.cn/tzgg/1.html', '未脱敏的手机号码：138****8000'],
      ['http://www.nanling.gov.cn/tzgg/2.html', '未脱敏的身份证号码：110105********002X'],
    ]);
    expect(words!.items.map((i) => [i.url, i.reason, i.selector])).toEqual([
      ['http://www.nanling.gov.cn/zwdt/2.html', '‘中华人民共合国’应为‘中华人民共和国’', 'div.content p:nth-of-type(1)'],
    ]);
    expect(JSON.stringify(result)).not.toMatch(/13800138000|11010519491231002X/u);
    expect(result.notes.filter((n) => !n.ok)).toEqual([]);
    expect(result.notes).toContainEqual({ check: 'domain', text: '域名 www.nanling.gov.cn 符合命名规范', ok: true });
  });

  it('finds the department channel’s missing 网站标识码 and 找错 entries (and the SiteIDCode tag that goes with the code), and nothing else', () => {
    const result = runPageDetectors(crawl.department!.pages, { wordList, siteKind: 'department', now: today });
    // The channel has no 网站标识码, so its pages also lack the SiteIDCode meta tag: a real defect of the fixture.
    expect(brief(result)).toEqual(['footer.identity×1', 'jiucuo.other×5', 'meta.article×3', 'meta.column×2']);
    const byDetect = Object.fromEntries(result.observations.map((o) => [o.detect, o]));
    expect(byDetect['footer.identity']!.summary).toBe('页面底部缺少网站标识码（6 个页面）');
    expect(byDetect['footer.identity']!.items.every((i) => i.reason === '缺少网站标识码' && i.selector === 'div.footer')).toBe(true);
    expect(byDetect['jiucuo.other']!.items.map((i) => new URL(i.url).pathname)).toEqual([
      '/zwdt/',
      '/zwdt/1.html',
      '/zwdt/2.html',
      '/tzgg/',
      '/tzgg/1.html',
    ]);
    expect(new Set([...byDetect['meta.article']!.items, ...byDetect['meta.column']!.items].map((i) => i.reason))).toEqual(
      new Set(['缺少 SiteIDCode']),
    );
  });

  it('says what it could not check: no word list, a loopback site, no home page', () => {
    const local = crawl.county!.pages.map((p) => ({
      ...p,
      url: p.url.replace('www.nanling.gov.cn', '127.0.0.1:40123'),
      finalUrl: p.finalUrl.replace('www.nanling.gov.cn', '127.0.0.1:40123'),
    }));
    const result = runPageDetectors(local, { siteKind: 'portal', now: today });
    expect(brief(result)).toEqual(['content.pii×2']);
    expect(result.notes).toContainEqual({ check: 'content', text: '未提供错敏字词表，未检查错敏字', ok: false });
    expect(result.notes).toContainEqual({ check: 'domain', text: '本机回环地址，跳过域名检查', ok: true });
    const noHome = runPageDetectors(
      crawl.county!.pages.filter((p) => p.kind !== 'home'),
      { wordList, now: today },
    );
    expect(noHome.notes).toContainEqual({ check: 'domain', text: '未抓取到首页，未检查域名', ok: false });
  });

  it('flags a domain that breaks the naming rules for the kind of site', () => {
    const moved = crawl.department!.pages.map((p) => ({ ...p, finalUrl: p.finalUrl.replace('jyj.nanling.gov.cn', 'www.nljyj.com') }));
    expect(brief(runPageDetectors(moved, { wordList, siteKind: 'department', now: today }))).toContain('domain.naming×1');
  });
});
