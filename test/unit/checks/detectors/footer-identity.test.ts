import { describe, expect, it } from 'vitest';
import { detectFooterIdentity } from '../../../../electron/services/checks/detectors/footer-identity';
import { articleBody, crawled, footer, FOOTER_PARTS, govPage, type FooterPart } from './pages';

const site = 'http://www.suixi.gov.cn';
const pageWithout = (path: string, without: FooterPart[], kind: 'home' | 'column' | 'article' = 'article') =>
  crawled(`${site}${path}`, govPage({ body: articleBody('遂溪县召开春耕生产工作会议。'), foot: footer(without) }), kind);

describe('detectFooterIdentity', () => {
  it('finds nothing when every page shows all six items', () => {
    expect(
      detectFooterIdentity([pageWithout('/', [], 'home'), pageWithout('/gzdt/', [], 'column'), pageWithout('/gzdt/1.html', [])]),
    ).toEqual([]);
  });

  it('counts each missing item once however many pages lack it, and lists every page', () => {
    const pages = [
      pageWithout('/', [], 'home'),
      pageWithout('/gzdt/1.html', ['siteCode']),
      pageWithout('/gzdt/2.html', ['siteCode', 'police']),
      pageWithout('/gzdt/3.html', ['siteCode']),
    ];
    const [obs, ...rest] = detectFooterIdentity(pages);
    expect(rest).toEqual([]);
    expect(obs!.detect).toBe('footer.identity');
    expect(obs!.count).toBe(2);
    expect(obs!.summary).toBe('页面底部缺少网站标识码（3 个页面）、公安机关备案标识（1 个页面）');
    expect(obs!.items.map((i) => [i.url.replace(site, ''), i.reason, i.selector])).toEqual([
      ['/gzdt/1.html', '缺少网站标识码', '#bottom'],
      ['/gzdt/2.html', '缺少公安机关备案标识', '#bottom'],
      ['/gzdt/2.html', '缺少网站标识码', '#bottom'],
      ['/gzdt/3.html', '缺少网站标识码', '#bottom'],
    ]);
    expect(obs!.items.filter((i) => i.reason === '缺少网站标识码').map((i) => i.url.replace(site, ''))).toEqual([
      '/gzdt/1.html',
      '/gzdt/2.html',
      '/gzdt/3.html',
    ]);
    expect(obs!.items.filter((i) => i.reason === '缺少公安机关备案标识').map((i) => i.url.replace(site, ''))).toEqual(['/gzdt/2.html']);
    expect(obs!.items[0]!.text).toContain('粤ICP备06012345号-1');
  });

  it('reports every item of a page with no identity footer at all', () => {
    const bare = crawled(`${site}/old/`, '<html><body><div class="footer"><p>Copyright © 2012 版权所有</p></div></body></html>', 'column');
    const [obs] = detectFooterIdentity([bare]);
    expect(obs!.count).toBe(6);
    expect(obs!.items.map((i) => i.reason)).toEqual([
      '缺少党政机关网站标识',
      '缺少网站标识码',
      '缺少ICP备案编号',
      '缺少公安机关备案标识',
      '缺少主办单位',
      '缺少联系方式',
    ]);
    expect(obs!.items[0]!.selector).toBe('div.footer');
  });

  it('reads only the footer: 主办单位 in the article text does not stand in for the footer’s', () => {
    const html = govPage({
      body: articleBody('本次展览主办单位：遂溪县文化馆，联系电话：0759-7700000。'),
      foot: footer(['sponsor', 'contact']),
    });
    const [obs] = detectFooterIdentity([crawled(`${site}/gzdt/5.html`, html)]);
    expect(obs!.items.map((i) => i.reason)).toEqual(['缺少主办单位', '缺少联系方式']);
  });

  it('accepts the usual variants of each item', () => {
    const variants = [
      '<a href="//bszs.conac.cn/sitename?method=show&id=2E0C2B0B5D1A4F6C8B9A7D6E5F4A3B2C"><img id="imgConac" src="//dcs.conac.cn/image/red.png"></a>',
      '<img src="/images/dzjg.png" alt="党政机关">',
      '网站标识码 bm07000001',
      '京ICP备 05070218号',
      '京公网安备11010202000001号',
      '主办单位 工业和信息化部',
      '<a href="mailto:webmaster@miit.gov.cn">联系我们</a>',
      '服务热线：(010)68208025',
    ];
    const html = `<html><body><footer>${variants.join('<br>')}</footer></body></html>`;
    expect(detectFooterIdentity([crawled('http://www.miit.gov.cn/', html, 'home')])).toEqual([]);
  });

  it('does not accept look-alikes: a label without a code, an ICP number without its province', () => {
    const html = `<html><body><div id="copyright">${FOOTER_PARTS.conac}<p>主办：某局 电话：0759-1234567</p><p>网站标识码：待申请　ICP备05012345号　公安备案号：待办理</p></div></body></html>`;
    const [obs] = detectFooterIdentity([crawled('http://x.gov.cn/', html, 'home')]);
    expect(obs!.items.map((i) => [i.reason, i.selector])).toEqual([
      ['缺少网站标识码', '#copyright'],
      ['缺少ICP备案编号', '#copyright'],
      ['缺少公安机关备案标识', '#copyright'],
    ]);
  });

  it('keeps at most 50 items, taking each missing item in turn, with the count exact', () => {
    const pages = Array.from({ length: 40 }, (_, i) => pageWithout(`/gzdt/${i + 1}.html`, ['siteCode', 'contact']));
    const [obs] = detectFooterIdentity(pages);
    expect(obs!.count).toBe(2);
    expect(obs!.summary).toBe('页面底部缺少网站标识码（40 个页面）、联系方式（40 个页面）');
    expect(obs!.items).toHaveLength(50);
    expect(obs!.items.filter((i) => i.reason === '缺少联系方式')).toHaveLength(25);
  });

  it('ignores pages that are not HTML or did not load', () => {
    const pages = [
      crawled(`${site}/missing.html`, '<h1>404 页面不存在</h1>', 'other', { status: 404 }),
      crawled(`${site}/files/a.pdf`, '', 'other', { contentType: 'application/pdf', html: undefined }),
    ];
    expect(detectFooterIdentity(pages)).toEqual([]);
  });
});
