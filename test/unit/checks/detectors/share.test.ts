import { describe, expect, it } from 'vitest';
import { detectShare } from '../../../../electron/services/checks/detectors/share';
import { articleBody, crawled, govPage } from './pages';

const site = 'http://www.suixi.gov.cn';
const article = (n: number, extra: string) =>
  crawled(`${site}/gzdt/${n}.html`, govPage({ body: articleBody('遂溪县召开春耕生产工作会议。', extra) }));

const WIDGETS: [string, string][] = [
  [
    '百度分享',
    '<div class="bdsharebuttonbox"><a href="#" class="bds_more" data-cmd="more"></a><a href="#" class="bds_weixin" data-cmd="weixin"></a></div>',
  ],
  ['JiaThis', '<script type="text/javascript" src="http://v3.jiathis.com/code/jia.js" charset="utf-8"></script>'],
  ['social-share.js', '<div class="social-share" data-sites="weibo,qq,wechat"></div><script src="/js/social-share.min.js"></script>'],
  ['分享 box', '<div id="fenxiang"><span>分享：</span><a class="wx"></a></div>'],
  ['分享到微信 link', '<p><a href="javascript:void(0)">分享到微信</a></p>'],
  ['转发 button', '<button type="button" onclick="shareTo(\'weibo\')">转发</button>'],
  [
    '分享到： with icon links',
    '<p>分享到：<a href="javascript:;" title="新浪微博"><img src="/images/wb.png"></a><a href="javascript:;"><img src="/images/wx.png" alt="微信"></a></p>',
  ],
  [
    '微博 share endpoint',
    '<a href="http://service.weibo.com/share/share.php?url=x&title=y" target="_blank"><img src="/images/icon1.png"></a>',
  ],
];

describe('detectShare', () => {
  it.each(WIDGETS)('accepts %s', (_name, html) => {
    expect(detectShare([article(1, html)]).observations).toEqual([]);
  });

  it('does not take the words alone: 经验分享会, 转发省政府通知, a print button', () => {
    const html =
      '<p>开展“春耕经验分享会”。现将省政府文件转发给你们。</p><div class="tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>';
    const { observations, notes } = detectShare([article(1, html)]);
    expect(notes).toEqual([]);
    expect(observations).toEqual([
      {
        detect: 'share.missing',
        count: 1,
        summary: '抽查 1 个内容页，1 个无转载分享功能',
        items: [{ url: `${site}/gzdt/1.html`, reason: '未发现分享、转发到微信、微博、QQ 等的功能' }],
      },
    ]);
  });

  it('counts sampled article pages without it, and notes a clean sample', () => {
    const pages = [
      article(1, WIDGETS[0]![1]),
      article(2, ''),
      article(3, ''),
      crawled(`${site}/gzdt/`, govPage({ body: '<ul></ul>' }), 'column'),
    ];
    expect(detectShare(pages).observations.map((o) => [o.count, o.summary])).toEqual([[2, '抽查 3 个内容页，2 个无转载分享功能']]);
    expect(detectShare(pages, 1).observations).toEqual([]);
    expect(detectShare(pages, 1).notes).toEqual([{ check: 'share', text: '抽查 1 个内容页，均有转载分享功能', ok: true }]);
  });

  it('emits nothing but a note when no article page was crawled', () => {
    expect(detectShare([crawled(`${site}/`, govPage({ body: '' }), 'home')])).toEqual({
      observations: [],
      notes: [{ check: 'share', text: '未抓取到内容页，未检查转载分享功能', ok: false }],
    });
  });
});
