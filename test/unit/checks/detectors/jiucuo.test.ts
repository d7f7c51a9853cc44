import { describe, expect, it } from 'vitest';
import { detectJiucuo } from '../../../../electron/services/checks/detectors/jiucuo';
import { articleBody, crawled, footer, govPage } from './pages';

const site = 'http://www.suixi.gov.cn';
const withEntry = (path: string, entry: string, kind: 'home' | 'column' | 'article' | 'other' = 'article') =>
  crawled(
    `${site}${path}`,
    govPage({ body: articleBody('正文。'), foot: footer(['jiucuo']).replace('</div>\n</div>', `${entry}\n</div>\n</div>`) }),
    kind,
  );

describe('detectJiucuo', () => {
  it('accepts each form of the entry: link, old-IP image, the jiucuo.js snippet, a link named 我为政府网站找错', () => {
    const pages = [
      withEntry(
        '/',
        '<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=4408230002&url=http%3A%2F%2Fwww.suixi.gov.cn%2F" target="_blank">我为政府网站找错</a>',
        'home',
      ),
      withEntry(
        '/gzdt/',
        `<a href="http://121.43.68.40/exposure/jiucuo.html?site_code=4408230002&url=x" target="_blank"><img src="http://121.43.68.40/exposure/images/jiucuo.png?v=4408230002"></a>`,
        'column',
      ),
      withEntry('/gzdt/1.html', `<script id="_jiucuo_" sitecode='4408230002' src='https://zfwzgl.www.gov.cn/exposure/jiucuo.js'></script>`),
      withEntry('/gzdt/2.html', '<a href="/jiucuo/" target="_blank">我为 政府网站 找错</a>'),
    ];
    expect(detectJiucuo(pages)).toEqual({ observations: [], notes: [] });
  });

  it('reports a home page without the entry, outlining its footer', () => {
    const { observations } = detectJiucuo([
      withEntry('/', '', 'home'),
      withEntry('/gzdt/1.html', '<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html">找错</a>'),
    ]);
    expect(observations).toEqual([
      {
        detect: 'jiucuo.home',
        count: 1,
        summary: '首页未发现“我为政府网站找错”入口',
        items: [{ url: `${site}/`, reason: '未发现“我为政府网站找错”入口', selector: '#bottom' }],
      },
    ]);
  });

  it('counts the other pages without it, home page apart', () => {
    const entry = FOUND;
    const pages = [
      withEntry('/', entry, 'home'),
      withEntry('/gzdt/', '', 'column'),
      withEntry('/gzdt/1.html', ''),
      withEntry('/gzdt/2.html', entry),
      withEntry('/search/', '', 'other'),
    ];
    const { observations } = detectJiucuo(pages);
    expect(observations.map((o) => [o.detect, o.count, o.summary])).toEqual([
      ['jiucuo.other', 3, '3 个其他页面未发现“我为政府网站找错”入口'],
    ]);
    expect(observations[0]!.items.map((i) => i.url.replace(site, ''))).toEqual(['/gzdt/', '/gzdt/1.html', '/search/']);
  });

  it('does not take a look-alike: other 找错 wording, or an unrelated exposure page', () => {
    const pages = [
      withEntry('/', '<a href="/hdjl/">网站纠错</a><a href="https://zfwzgl.www.gov.cn/exposure/index.html">曝光台</a>', 'home'),
    ];
    expect(detectJiucuo(pages).observations.map((o) => o.detect)).toEqual(['jiucuo.home']);
  });

  it('says so when there is no home page to judge', () => {
    const { observations, notes } = detectJiucuo([withEntry('/gzdt/1.html', FOUND)]);
    expect(observations).toEqual([]);
    expect(notes).toEqual([{ check: 'footer', text: '未抓取到首页，未检查首页“我为政府网站找错”入口', ok: false }]);
  });
});

const FOUND = '<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=4408230002" target="_blank">我为政府网站找错</a>';
