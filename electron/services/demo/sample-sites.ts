/**
 * The bundled sample sites for `kaoping demo`: a fictional county portal (UTF-8)
 * and a fictional city-department channel (GBK). Dates are relative to `today` so
 * the freshness checks see the same picture whenever the demo runs. Each site
 * carries a few real defects, listed in `defects`, that the checks should find.
 */

export interface SamplePage {
  path: string;
  html: string;
  /** 'gbk' pages are encoded as GBK; `charsetHeader: false` omits the charset from Content-Type. */
  encoding: 'utf8' | 'gbk';
  charsetHeader: boolean;
}

export interface SampleSite {
  key: string;
  unit: string;
  siteName: string;
  siteCode: string;
  pages: SamplePage[];
  /** Paths that answer 404 although pages link to them. */
  missing: string[];
  defects: string[];
}

const DAY = 86_400_000;

/** The Beijing calendar day `daysAgo` days before `today`, as the checks date a monitoring moment. */
function ymd(today: Date, daysAgo: number): string {
  const d = new Date(today.getTime() - daysAgo * DAY + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

interface SiteIdentity {
  siteName: string;
  domain: string;
  siteCode: string | undefined;
  unit: string;
  phone: string;
  icp: string;
  police: string;
  /** Pages that show the 我为政府网站找错 entry ('all' or only the home page). */
  jiucuo: 'all' | 'home';
  /** Navigation bar entries: label → path. */
  nav: [string, string][];
}

function footer(id: SiteIdentity, isHome: boolean): string {
  const jiucuo =
    id.jiucuo === 'all' || isHome
      ? `<a class="jiucuo" href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=${id.siteCode ?? ''}&url=${encodeURIComponent('http://' + id.domain)}">我为政府网站找错</a>`
      : '';
  return `<div class="footer">
  <span id="_ideConac"><a href="//bszs.conac.cn/sitename?method=show&id=4F2C0D9B3A5E4C7D8E9F0A1B2C3D4E5F"><img id="imgConac" src="/images/red.png" alt="党政机关"></a></span>
  <p>主办单位：${id.unit}　联系电话：${id.phone}</p>
  <p>${id.siteCode ? `网站标识码：${id.siteCode}　` : ''}<a href="https://beian.miit.gov.cn/">${id.icp}</a>　<a href="https://beian.mps.gov.cn/#/query/webSearch?code=44080202000111">${id.police}</a></p>
  ${jiucuo}
</div>`;
}

function page(
  id: SiteIdentity,
  opts: { title: string; column?: string; article?: { pubDate: string; source: string }; body: string; isHome?: boolean; charset: string },
): string {
  const metas = [
    `<meta name="SiteName" content="${id.siteName}">`,
    `<meta name="SiteDomain" content="${id.domain}">`,
    id.siteCode ? `<meta name="SiteIDCode" content="${id.siteCode}">` : '',
    opts.column
      ? `<meta name="ColumnName" content="${opts.column}"><meta name="ColumnDescription" content="${opts.column}"><meta name="ColumnKeywords" content="${opts.column}"><meta name="ColumnType" content="${opts.column}">`
      : '',
    opts.article
      ? `<meta name="ArticleTitle" content="${opts.title}"><meta name="PubDate" content="${opts.article.pubDate} 09:30"><meta name="ContentSource" content="${opts.article.source}">`
      : '',
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="${opts.charset}">
<title>${opts.title}_${id.siteName}</title>
${metas}
<link rel="stylesheet" href="/css/site.css">
</head><body>
<div class="header"><h1>${id.siteName}</h1>
<form class="search" action="/search/"><input name="q" placeholder="站内搜索"><button>搜索</button></form>
<ul class="nav">${id.nav.map(([label, href]) => `<li><a href="${href}">${label}</a></li>`).join('')}</ul></div>
<div class="main">${opts.body}</div>
${footer(id, opts.isHome === true)}
</body></html>`;
}

interface Item {
  title: string;
  daysAgo: number;
  body: string;
}

function columnPages(
  id: SiteIdentity,
  today: Date,
  charset: string,
  dir: string,
  name: string,
  items: Item[],
  extra: (i: number) => string = () => '',
): { path: string; html: string }[] {
  const list = items
    .map((it, i) => `<li><a href="/${dir}/${i + 1}.html">${it.title}</a><span class="date">${ymd(today, it.daysAgo)}</span></li>`)
    .join('\n');
  const pages = [
    { path: `/${dir}/`, html: page(id, { title: name, column: name, body: `<h2>${name}</h2><ul class="list">${list}</ul>`, charset }) },
  ];
  items.forEach((it, i) => {
    const date = ymd(today, it.daysAgo);
    pages.push({
      path: `/${dir}/${i + 1}.html`,
      html: page(id, {
        title: it.title,
        column: name,
        article: { pubDate: date, source: id.unit },
        body: `<h2>${it.title}</h2><div class="info">发布时间：${date}　来源：${id.unit}</div><div class="content">${it.body}${extra(i)}</div><div class="share"><a href="#share">分享到微信</a></div>`,
        charset,
      }),
    });
  });
  return pages;
}

/** The fictional 南岭县 county portal (UTF-8). */
function countyPortal(today: Date): SampleSite {
  const id: SiteIdentity = {
    siteName: '南岭县人民政府门户网站',
    domain: 'www.nanling.gov.cn',
    siteCode: '4408230001',
    unit: '南岭县人民政府办公室',
    phone: '0759-1234567',
    icp: '粤ICP备05012345号',
    police: '粤公网安备 44080202000111号',
    jiucuo: 'all',
    nav: [
      ['首页', '/'],
      ['政务动态', '/zwdt/'],
      ['通知公告', '/tzgg/'],
      ['政策文件', '/zcwj/'],
      ['政策解读', '/zcjd/'],
      ['互动交流', '/hdjl/'],
      ['办事服务', '/bsfw/'],
    ],
  };
  const charset = 'utf-8';
  const news: Item[] = [
    { title: '南岭县召开2025年重点项目建设推进会', daysAgo: 2, body: '<p>会议听取了全县重点项目建设进展情况汇报，部署下一阶段工作。</p>' },
    {
      title: '县政府党组理论学习中心组开展专题学习',
      daysAgo: 6,
      body: '<p>会议强调，要坚持以人民为中心的发展思想，推动中华人民共合国宪法学习宣传走深走实。</p>',
    },
    { title: '南岭县开展防汛应急演练', daysAgo: 11, body: '<p>演练模拟强降雨引发山洪的处置流程。</p>' },
  ];
  const notices: Item[] = [
    {
      title: '关于2024年度城乡居民医疗保险参保缴费的通知',
      daysAgo: 210,
      body: '<p>请各镇（街道）做好参保缴费组织工作。联系人：李先生，电话 13800138000。</p><p>附件：<a href="/tzgg/files/cbjf.xlsx">参保缴费统计表.xlsx</a></p>',
    },
    { title: '南岭县2024年公开招聘教师拟聘用人员名单公示', daysAgo: 240, body: '<p>拟聘用人员：王某某，身份证号 11010519491231002X。</p>' },
  ];
  const policies: Item[] = [
    {
      title: '南岭县人民政府关于印发南岭县促进民营经济发展若干措施的通知',
      daysAgo: 40,
      body: '<p>各镇人民政府，县府直属各单位：现将《南岭县促进民营经济发展若干措施》印发给你们，请认真贯彻执行。</p>',
    },
  ];
  const readings: Item[] = [
    { title: '《南岭县促进民营经济发展若干措施》政策解读', daysAgo: 38, body: '<p>一、起草背景 二、主要内容 三、适用范围</p>' },
  ];
  const home = page(id, {
    title: '首页',
    isHome: true,
    charset,
    body: `<div class="banner"><img src="/images/banner-2019.jpg" alt="旧版横幅"></div>
<div class="box"><h3><a href="/zwdt/">政务动态</a></h3><ul>${news.map((n, i) => `<li><a href="/zwdt/${i + 1}.html">${n.title}</a><span>${ymd(today, n.daysAgo)}</span></li>`).join('')}</ul></div>
<div class="box"><h3><a href="/tzgg/">通知公告</a></h3><ul>${notices.map((n, i) => `<li><a href="/tzgg/${i + 1}.html">${n.title}</a><span>${ymd(today, n.daysAgo)}</span></li>`).join('')}</ul></div>
<div class="box"><h3>专题专栏</h3><ul><li><a href="/ztzl/2019cjwm/">2019年创建文明城市专题</a></li><li><a href="/zwgk/jcxxgk/">基层政务公开标准目录</a></li></ul></div>
<div class="box"><h3>办事服务</h3><ul><li><a href="/bsfw/">办事指南</a></li><li><a href="mailto:zfb@nanling.gov.cn">县长信箱</a></li><li><a href="javascript:void(0)">在线咨询</a></li></ul></div>`,
  });
  const pages = [
    { path: '/', html: home },
    ...columnPages(id, today, charset, 'zwdt', '政务动态', news),
    ...columnPages(id, today, charset, 'tzgg', '通知公告', notices),
    ...columnPages(id, today, charset, 'zcwj', '政策文件', policies, () => '<p>相关解读：<a href="../zcjd/1.html">政策解读</a></p>'),
    ...columnPages(id, today, charset, 'zcjd', '政策解读', readings),
    {
      path: '/hdjl/',
      html: page(id, {
        title: '互动交流',
        column: '互动交流',
        charset,
        body: '<h2>互动交流</h2><p><a href="/hdjl/xx.html">县长信箱</a></p>',
      }),
    },
    {
      path: '/hdjl/xx.html',
      html: page(id, {
        title: '县长信箱',
        column: '互动交流',
        charset,
        body: '<h2>县长信箱</h2><form><textarea name="content"></textarea></form>',
      }),
    },
    {
      path: '/bsfw/',
      html: page(id, {
        title: '办事服务',
        column: '办事服务',
        charset,
        body: '<h2>办事服务</h2><p><a href="https://www.gdzwfw.gov.cn/">广东政务服务网</a></p>',
      }),
    },
    {
      path: '/zwgk/jcxxgk/',
      html: page(id, { title: '基层政务公开标准目录', column: '政府信息公开', charset, body: '<h2>基层政务公开标准目录</h2>' }),
    },
    {
      path: '/search/',
      html: page(id, {
        title: '站内搜索',
        charset,
        body: `<h2>搜索结果</h2><ul class="list">${news.map((n, i) => `<li><a href="/zwdt/${i + 1}.html">${n.title}</a></li>`).join('')}</ul>`,
      }),
    },
    { path: '/sitemap.xml', html: '' },
    {
      path: '/css/site.css',
      html: 'body{font-family:sans-serif;margin:0}.header{background:#b71c1c;color:#fff;padding:12px}.nav li{display:inline;margin-right:12px}.nav a{color:#fff}.box{display:inline-block;vertical-align:top;width:45%;margin:12px}.footer{background:#eee;padding:12px;text-align:center;font-size:12px}',
    },
    { path: '/images/red.png', html: '' },
  ].map((p) => ({ ...p, encoding: 'utf8' as const, charsetHeader: true }));
  return {
    key: 'county',
    unit: '南岭县人民政府',
    siteName: id.siteName,
    siteCode: id.siteCode!,
    pages,
    missing: ['/images/banner-2019.jpg', '/ztzl/2019cjwm/', '/tzgg/files/cbjf.xlsx'],
    defects: [
      '首页 2 处链接打不开（横幅图片、2019 年专题）',
      '通知公告栏目超过 6 个月未更新',
      '公示中含未脱敏的身份证号码，通知中含手机号码',
      '“中华人民共合国”错字',
      '“基层政务公开标准目录”为空白栏目',
      '通知附件链接打不开',
    ],
  };
}

/** The fictional 南岭市教育局 channel (GBK, some pages without a charset header). */
function departmentChannel(today: Date): SampleSite {
  const id: SiteIdentity = {
    siteName: '南岭市教育局',
    domain: 'jyj.nanling.gov.cn',
    siteCode: undefined,
    unit: '南岭市教育局',
    phone: '0759-7654321',
    icp: '粤ICP备05012345号-3',
    police: '粤公网安备 44080202000222号',
    jiucuo: 'home',
    nav: [
      ['首页', '/'],
      ['政务动态', '/zwdt/'],
      ['通知公告', '/tzgg/'],
    ],
  };
  const charset = 'gbk';
  const news: Item[] = [
    { title: '市教育局部署秋季学期开学工作', daysAgo: 4, body: '<p>要求各校做好校园安全排查和开学准备。</p>' },
    { title: '全市中小学教师培训工作会议召开', daysAgo: 9, body: '<p>会议总结了上一年度教师培训工作。</p>' },
  ];
  const notices: Item[] = [
    {
      title: '关于做好2025年义务教育招生入学工作的通知',
      daysAgo: 30,
      body: '<p>各县（市、区）教育局：请按要求做好招生入学工作。</p><p><a href="/tzgg/files/zsgz.pdf">招生工作细则.pdf</a></p>',
    },
  ];
  const home = page(id, {
    title: '首页',
    isHome: true,
    charset,
    body: `<div class="box"><h3><a href="/zwdt/">政务动态</a></h3><ul>${news.map((n, i) => `<li><a href="/zwdt/${i + 1}.html">${n.title}</a><span>${ymd(today, n.daysAgo)}</span></li>`).join('')}</ul></div>
<div class="box"><h3><a href="/tzgg/">通知公告</a></h3><ul>${notices.map((n, i) => `<li><a href="/tzgg/${i + 1}.html">${n.title}</a><span>${ymd(today, n.daysAgo)}</span></li>`).join('')}</ul></div>`,
  });
  const pages = [
    { path: '/', html: home, charsetHeader: true },
    ...columnPages(id, today, charset, 'zwdt', '政务动态', news).map((p) => ({ ...p, charsetHeader: false })),
    ...columnPages(id, today, charset, 'tzgg', '通知公告', notices).map((p) => ({ ...p, charsetHeader: false })),
    { path: '/css/site.css', html: 'body{font-family:sans-serif}', charsetHeader: true },
    { path: '/images/red.png', html: '', charsetHeader: true },
  ].map((p) => ({ ...p, encoding: 'gbk' as const }));
  return {
    key: 'department',
    unit: '南岭市教育局',
    siteName: id.siteName,
    siteCode: '',
    pages,
    missing: ['/tzgg/files/zsgz.pdf'],
    defects: [
      '页脚缺少网站标识码',
      '页面缺少 SiteIDCode 站点标签',
      '非首页缺少“我为政府网站找错”入口',
      '通知附件链接打不开',
      '页面为 GBK 编码且部分响应未声明字符集',
    ],
  };
}

/** Both sample sites as of `today`. */
export function sampleSites(today: Date): SampleSite[] {
  return [countyPortal(today), departmentChannel(today)];
}
