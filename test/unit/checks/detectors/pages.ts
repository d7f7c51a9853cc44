import type { CrawledPage, PageKind } from '../../../../electron/services/checks/types';
import { sampleSites } from '../../../../electron/services/demo/sample-sites';

/** A crawled HTML page as the crawler hands it over (decoded, kind set). */
export function crawled(url: string, html: string, kind: PageKind = 'article', extra: Partial<CrawledPage> = {}): CrawledPage {
  return { url, finalUrl: url, status: 200, contentType: 'text/html; charset=gbk', html, depth: kind === 'home' ? 0 : 1, kind, ...extra };
}

/** The six identity items, as a typical 湛江 county-level CMS footer writes them. */
export const FOOTER_PARTS = {
  conac: `<span id="_ideConac"></span><script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript type='text/javascript' src='http://dcs.conac.cn/js/20/000/0000/60427466/CA200000000604274660001.js'%3E%3C/script%3E"));</script>`,
  sponsor: '<p>主办：遂溪县人民政府办公室　承办：遂溪县政务服务数据管理局</p>',
  siteCode: '<span>网站标识码：4408230002</span>',
  icp: '<a href="https://beian.miit.gov.cn/" target="_blank">粤ICP备06012345号-1</a>',
  police:
    '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=44082302000123" target="_blank"><img src="/images/ga.png">粤公网安备 44082302000123号</a>',
  contact: '<p>联系电话：0759-7712345　电子邮箱：sxzfb@suixi.gov.cn</p>',
  jiucuo: `<script id="_jiucuo_" sitecode='4408230002' src='https://zfwzgl.www.gov.cn/exposure/jiucuo.js'></script>`,
} as const;

export type FooterPart = keyof typeof FOOTER_PARTS;

/** A footer block with every part except those left out. */
export function footer(without: FooterPart[] = [], tag = '<div class="bottom" id="bottom">'): string {
  const parts = (Object.keys(FOOTER_PARTS) as FooterPart[]).filter((p) => !without.includes(p)).map((p) => FOOTER_PARTS[p]);
  return `${tag}\n<div class="bottom_c">\n${parts.join('\n')}\n</div>\n</div>`;
}

export const SITE_META =
  '<meta name="SiteName" content="遂溪县人民政府网站">\n<meta name="SiteDomain" content="www.suixi.gov.cn">\n<meta name="SiteIDCode" content="4408230002">';
export const ARTICLE_META =
  '<meta name="ArticleTitle" content="遂溪县召开春耕生产工作会议">\n<meta name="PubDate" content="2025-03-12 10:20">\n<meta name="ContentSource" content="遂溪县农业农村局">';
export const COLUMN_META =
  '<meta name="ColumnName" content="工作动态">\n<meta name="ColumnDescription" content="工作动态">\n<meta name="ColumnKeywords" content="工作动态">\n<meta name="ColumnType" content="工作动态">';

/** A whole page in the style of an old gov CMS: XHTML doctype, GBK declared, nav, content, footer. */
export function govPage(opts: { head?: string; body: string; foot?: string; title?: string }): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>${opts.title ?? '遂溪县人民政府网站'}</title>
${opts.head ?? SITE_META}
<link href="/css/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/js/jquery-1.8.3.min.js"></script>
</head>
<body>
<div class="top"><div class="logo"><img src="/images/logo.png" alt="遂溪县人民政府" /></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/gzdt/">工作动态</a></li><li><a href="/tzgg/">通知公告</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>
<div class="main">${opts.body}</div>
${opts.foot ?? footer()}
</body></html>`;
}

/** An article body as 遂溪-style CMSes render it. */
export function articleBody(text: string, extra = ''): string {
  return `<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/gzdt/">工作动态</a></div>
<h1 class="title">遂溪县召开春耕生产工作会议</h1>
<div class="info">发布日期：2025-03-12　来源：遂溪县农业农村局　字号：[<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a>]</div>
<div class="article_con" id="zoom"><p>${text}</p></div>${extra}`;
}

function kindOf(path: string): PageKind {
  if (path === '/') return 'home';
  if (path === '/search/') return 'other';
  if (/\/\d+\.html$/u.test(path)) return 'article';
  return path.endsWith('/') ? 'column' : 'other';
}

/** The bundled sample sites as crawled pages, keyed by site ('county', 'department'). */
export function sampleCrawl(today: Date): Record<string, { home: string; pages: CrawledPage[] }> {
  const out: Record<string, { home: string; pages: CrawledPage[] }> = {};
  for (const site of sampleSites(today)) {
    const host = site.key === 'county' ? 'www.nanling.gov.cn' : 'jyj.nanling.gov.cn';
    const pages = site.pages.map((p) => {
      const isHtml = !/\.(css|png|xml)$/u.test(p.path);
      const type = isHtml ? 'text/html' : p.path.endsWith('.css') ? 'text/css' : p.path.endsWith('.png') ? 'image/png' : 'application/xml';
      return crawled(`http://${host}${p.path}`, p.html, kindOf(p.path), { contentType: type, html: isHtml ? p.html : undefined });
    });
    out[site.key] = { home: `http://${host}/`, pages };
  }
  return out;
}
