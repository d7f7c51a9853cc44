import { describe, expect, it } from 'vitest';
import { classifyPage } from '../../../electron/services/checks/page-kind';
import { sampleSites } from '../../../electron/services/demo/sample-sites';

// Shapes of real Chinese government pages (TRS, Hanweb and hand-made templates), without the standard meta tags.
const header = (site: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>%TITLE%_${site}</title></head><body>
<div class="top"><h1 class="logo"><img src="/images/logo.png" alt="${site}"></h1><span class="today">今天是：2025年06月30日 星期一</span>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwdt/">政务动态</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>`;
const footer =
  '<div class="footer"><p>主办单位：某某市人民政府办公室　联系电话：0759-1234567　网站标识码：4408000001</p><p>粤ICP备05012345号　更新时间：2025-06-30</p></div></body></html>';
const page = (title: string, body: string, site = '某某市人民政府') => header(site).replace('%TITLE%', title) + body + footer;
const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');

const trsArticle = page(
  '关于开展2025年安全生产大检查的通知',
  `<div class="article"><div class="title">关于开展2025年安全生产大检查的通知</div>
<div class="info"><span>发布日期：2025-05-06</span><span>来源：市应急管理局</span><span>【字体：大 中 小】</span></div>
<div class="TRS_Editor"><p>各县（市、区）人民政府，市府直属各单位：为深入贯彻落实安全生产工作部署，有效防范和遏制重特大事故发生，经市政府同意，决定在全市范围内开展安全生产大检查。</p><p>附件：<a href="./P020250506.pdf">检查表.pdf</a></p></div>
<div class="related"><h3>相关文章</h3><ul>${rows(5, (i) => `<li><a href="./t2025040${i + 1}_1.html">相关通知${i}</a><span>2025-04-0${i + 1}</span></li>`)}</ul></div></div>`,
);
const tableColumn = page(
  '通知公告',
  `<div class="pos">当前位置：<a href="/">首页</a> &gt; 通知公告</div><table class="list"><tr><th>发布日期</th><th>标题</th></tr>${rows(6, (i) => `<tr><td>2025-06-0${i + 1}</td><td><a href="./202506/t2025060${i + 1}_${i}.html">关于第${i}批项目的公示</a></td></tr>`)}</table><div class="page">共6条　首页 上一页 下一页 尾页</div>`,
);
const listColumn = page(
  '政务动态',
  `<h2>政务动态</h2><ul class="news">${rows(15, (i) => `<li><a href="/art/2025/6/${i + 1}/art_12_${i}.html">市领导调研重点项目建设${i}</a><span class="date">[2025-06-${String(i + 1).padStart(2, '0')}]</span></li>`)}</ul>`,
);
const h1Article = page(
  '市政府召开第35次常务会议',
  `<div class="content"><h1>市政府召开第35次常务会议</h1><p class="source">2025年6月18日　市政府办公室</p><p>6月18日，市长主持召开市政府第35次常务会议，研究部署防汛救灾、民生实事等工作。会议指出，要始终把人民群众生命财产安全放在首位，压紧压实各方责任。</p></div>`,
);
const hanwebArticle = `<html><head><title>2025年上半年财政收支情况</title></head><body><div id="zoom"><table><tr><td>2025-07-10</td></tr></table><p>上半年全市一般公共预算收入完成预算的52%。</p></div></body></html>`;
const aboutPage = page(
  '机构职能',
  '<h2>机构职能</h2><p>贯彻执行国家、省有关方针政策和法律法规，研究拟订全市经济社会发展规划并组织实施。负责全市政务公开、政务服务和政府网站管理工作。</p>',
);
const shortNotice = page(
  '关于端午节放假的通知',
  '<h2>关于端午节放假的通知</h2><div>发布时间：2025-05-28</div><p>各单位：根据国务院办公厅通知精神，现将2025年端午节放假安排通知如下，请各单位妥善安排值班。</p>',
);
const searchPage = page(
  '站内搜索',
  `<h2>搜索结果</h2><ul>${rows(2, (i) => `<li><a href="/a${i}.html">结果${i}</a> 2025-06-0${i + 1}</li>`)}</ul>`,
);

describe('page kinds', () => {
  it('tells articles, columns and other pages apart without meta tags', () => {
    expect(classifyPage('http://www.x.gov.cn/zwgk/tzgg/202505/t20250506_1.html', trsArticle, false)).toBe('article');
    expect(classifyPage('http://www.x.gov.cn/zwgk/tzgg/', tableColumn, false)).toBe('column');
    expect(classifyPage('http://www.x.gov.cn/zwdt/index.html', listColumn, false)).toBe('column');
    expect(classifyPage('http://www.x.gov.cn/zwdt/20250618/1.html', h1Article, false)).toBe('article');
    expect(classifyPage('http://www.x.gov.cn/art/2025/7/10/art_1229_3301.html', hanwebArticle, false)).toBe('article');
    expect(classifyPage('http://www.x.gov.cn/jgzn/', aboutPage, false)).toBe('other');
    expect(classifyPage('http://www.x.gov.cn/tzgg/dwj.html', shortNotice, false)).toBe('article');
    expect(classifyPage('http://www.x.gov.cn/search/', searchPage, false)).toBe('other');
  });

  it('lets the standard meta tags decide, and the home page is always the home page', () => {
    const meta = (tags: string) => aboutPage.replace('<title>', `${tags}<title>`);
    expect(classifyPage('http://x/a', meta('<meta name="ColumnName" content="机构职能">'), false)).toBe('column');
    expect(
      classifyPage('http://x/a', meta('<meta name="ColumnName" content="通知公告"><meta name="ArticleTitle" content="通知">'), false),
    ).toBe('article');
    expect(classifyPage('http://x/a', meta("<meta name='PubDate' content='2025-06-01 09:30'>"), false)).toBe('article');
    expect(classifyPage('http://x/', listColumn, true)).toBe('home');
  });

  it('classifies every page of the bundled sample sites as its meta tags say', () => {
    for (const site of sampleSites(new Date('2025-06-30T00:00:00Z'))) {
      for (const p of site.pages.filter((p) => p.html.includes('<html'))) {
        const expected =
          p.path === '/'
            ? 'home'
            : p.html.includes('name="ArticleTitle"')
              ? 'article'
              : p.html.includes('name="ColumnName"')
                ? 'column'
                : 'other';
        expect([p.path, classifyPage(`http://x${p.path}`, p.html, p.path === '/')]).toEqual([p.path, expected]);
      }
    }
  });

  it("reads the sample sites' pages the same without their meta tags", () => {
    const [county] = sampleSites(new Date('2025-06-30T00:00:00Z'));
    const strip = (html: string) => html.replace(/<meta name="(?!SiteName)[^>]*>/gu, '');
    const kinds = Object.fromEntries(
      county!.pages
        .filter((p) => ['/zwdt/', '/zwdt/1.html', '/tzgg/2.html', '/hdjl/'].includes(p.path))
        .map((p) => [p.path, classifyPage(`http://x${p.path}`, strip(p.html), false)]),
    );
    expect(kinds).toEqual({ '/zwdt/': 'column', '/zwdt/1.html': 'article', '/tzgg/2.html': 'article', '/hdjl/': 'other' });
  });

  it('is deterministic', () => {
    const all = [trsArticle, tableColumn, listColumn, h1Article, aboutPage];
    expect(all.map((h) => classifyPage('http://x/p.html', h, false))).toEqual(all.map((h) => classifyPage('http://x/p.html', h, false)));
  });
});

describe('page kinds from structure, never from titles', () => {
  it('an article titled like a column stays an article: 新闻动态第3篇, 关于…的通知', () => {
    const titled = (title: string) =>
      page(
        title,
        `<div class="article"><h1>${title}</h1><div class="info">来源：县融媒体中心　2025年06月18日</div><div class="TRS_Editor"><p>6月18日，县委书记率队深入各镇调研乡村振兴工作，实地察看高标准农田建设、特色产业发展等情况，要求各级各部门抢抓农时，扎实推进各项工作落实落细。</p></div></div>`,
      );
    expect(classifyPage('http://www.x.gov.cn/xwdt/3.html', titled('新闻动态第3篇'), false)).toBe('article');
    expect(classifyPage('http://www.x.gov.cn/tzgg/9.html', titled('关于开展安全生产大检查的通知'), false)).toBe('article');
  });

  it('a short list is a column when it has a pager, or when the navigation names it', () => {
    const two = page(
      '政策解读',
      `<ul class="list">${rows(2, (i) => `<li><a href="./t2025060${i + 1}_1.html">解读${i}</a><span>2025-06-0${i + 1}</span></li>`)}</ul>`,
    );
    expect(classifyPage('http://www.x.gov.cn/zcjd/', two, false)).toBe('other');
    expect(
      classifyPage(
        'http://www.x.gov.cn/zcjd/',
        two.replace('</ul>', '</ul><script>createPageHTML(3, 0, "index", "html");</script>'),
        false,
      ),
    ).toBe('column');
    const undated = page('领导信箱', `<ul class="list">${rows(3, (i) => `<li><a href="./x${i}.html">信件${i}</a></li>`)}</ul>`);
    expect(classifyPage('http://www.x.gov.cn/ldxx/', undated, false)).toBe('other');
    expect(classifyPage('http://www.x.gov.cn/ldxx/', undated.replace('信件0</a>', '信件0</a>[06-01]'), false, { inNavigation: true })).toBe(
      'column',
    );
  });

  it('an empty list with its pager is a (blank) column', () => {
    expect(
      classifyPage(
        'http://www.x.gov.cn/jcgk/',
        page('基层政务公开', '<ul class="list"></ul><script>createPageHTML(1, 0, "index", "html");</script>'),
        false,
      ),
    ).toBe('column');
  });
});

describe('page kinds on hostile pages', () => {
  it('stays fast on a huge page of dated list rows and date labels', () => {
    const huge = `<html><head><title>x</title></head><body>${'<li><a href="/a">甲</a> 2025-01-01 发布时间：2025-01-02</li>'.repeat(40_000)}</body></html>`;
    const t0 = Date.now();
    expect(classifyPage('http://x/list', huge, false)).toBe('column');
    expect(Date.now() - t0).toBeLessThan(1_000);
  });
});
