import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHtml, fetchBounded } from '../../../../electron/services/checks/fetch-bounded';
import { checkSiteSearch, findSearch, formEncode, titleOnPage } from '../../../../electron/services/checks/network/site-search';
import { closedPort } from '../../../helpers/closed-port';

const CATALOGUE = ['关于做好2025年春节期间安全生产工作的通知', '市政府常务会议研究部署重点工作', '南岭市2024年政府信息公开工作年度报告'];
const limits = { timeoutMs: 2000, maxBytes: 512 * 1024, maxRedirects: 5 };

/** A results page as many CMSs write it: the query echoed, titles as links with the query highlighted. */
function results(query: string): string {
  // Like a search engine, it ignores spaces and punctuation in the query.
  const key = query.replace(/[\s\p{P}]/gu, '');
  const hits = CATALOGUE.filter((t) => key && t.includes(key));
  const items = hits.map(
    (t, i) =>
      `<li><a href="/art/${i}.html" title="${t}"><em>${t.slice(0, 4)}</em>${t.length > 20 ? `${t.slice(4, 18)}...` : t.slice(4)}</a></li>`,
  );
  return `<html><head><meta charset="utf-8"></head><body><p>您搜索的“${query}”共 ${hits.length} 条</p><ul>${items.join('')}</ul></body></html>`;
}

const body = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
  });

/** Decodes form data the way a GBK site's server does: percent-decoded bytes read as GBK. */
function gbkParams(raw: string): URLSearchParams {
  const out = new URLSearchParams();
  for (const pair of raw.split('&')) {
    const [k, v = ''] = pair.split('=').map((s) =>
      iconv.decode(
        Buffer.from(
          s.replace(/\+/gu, ' ').replace(/%([0-9A-F]{2})/giu, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ),
        'gbk',
      ),
    );
    out.append(k!, v);
  }
  return out;
}

const PAGES: Record<string, string> = {
  '/': '<html><head><meta charset="utf-8"></head><body><form name="login" action="/login" method="post"><input name="user"><input type="password" name="pw"></form><form id="search" action="search/do?old=1"><input type="hidden" name="siteid" value="7"><input type="checkbox" name="all"><select name="scope"><option value="title">标题</option><option value="all" selected>全文</option></select><input type="text" name="searchword" placeholder="请输入关键字"><input type="submit" value="搜索"></form></body></html>',
  '/plain/': '<html><body><a href="/plain/about.html">网站介绍</a><p>欢迎访问</p></body></html>',
  '/linked/': '<html><body><a href="search.html"> 站内搜索 </a></body></html>',
  '/linked/search.html':
    '<html><body><form action="/search/do" method="GET"><input type="hidden" name="siteid" value="7"><input name="q"><button>检索</button></form></body></html>',
  '/script/':
    '<html><body><div class="sousuo"><input type="text" id="searchKey" placeholder="请输入搜索内容"><a href="javascript:void(0)" onclick="doSearch()">搜索</a></div></body></html>',
  '/broken/': '<html><body><form action="/broken/search"><input name="keyword"><input type="submit" value="搜索"></form></body></html>',
};

describe('site search on a loopback site', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      if (url.pathname === '/search/do') {
        // The form's hidden field must come along, and the action's own query is replaced, as browsers do.
        if (url.searchParams.get('siteid') !== '7' || url.searchParams.has('old')) return void res.writeHead(400).end();
        const q = url.searchParams.get('searchword') ?? url.searchParams.get('q') ?? '';
        if (q.includes('出错')) return void res.writeHead(500).end();
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(results(q));
      }
      if (url.pathname === '/gbk/search.jsp' && req.method === 'POST') {
        return void body(req).then((b) => res.writeHead(303, { location: `/gbk/results?${b.toString('latin1')}` }).end());
      }
      if (url.pathname === '/gbk/results') {
        const q = gbkParams(url.search.slice(1)).get('kw') ?? '';
        return void res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(iconv.encode(results(q).replace('charset="utf-8"', 'charset="gb2312"'), 'gbk'));
      }
      if (url.pathname === '/gbk/') {
        return void res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            iconv.encode(
              '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><form action="search.jsp" method="post"><input name="kw"><input type="image" src="ss.gif" alt="搜索"></form></body></html>',
              'gbk',
            ),
          );
      }
      if (url.pathname === '/broken/search') return void res.writeHead(502).end();
      const page = PAGES[url.pathname];
      if (page) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const check = async (path: string, titles: string[]) => {
    const home = await fetchBounded(`${base}${path}`, 'GET', limits);
    return checkSiteSearch(`${base}${path}`, decodeHtml(home.body, String(home.headers['content-type'])), titles, { limits });
  };

  it('submits the search form with its fields and counts the titles missing from the first result page', async () => {
    const r = await check('/', [CATALOGUE[0]!, ' 市政府常务会议，研究部署重点工作 ', '不存在的标题', '出错的标题']);
    expect(r.notes[0]!.text).toBe(`站内搜索：GET ${base}/search/do?old=1（检索字段 searchword，UTF-8 编码）`);
    expect(r.observations).toHaveLength(1);
    const [o] = r.observations;
    expect(o).toMatchObject({ detect: 'search.titles', count: 2, summary: '抽查 4 个标题，2 个在搜索结果第一页找不到' });
    expect(o!.items.map((i) => [i.text, i.reason])).toEqual([
      ['出错的标题', '检索失败：HTTP 500'],
      ['不存在的标题', '搜索结果第一页没有该标题'],
    ]);
    const query = new URL(o!.items[1]!.url);
    expect([query.pathname, ...query.searchParams.entries()]).toEqual([
      '/search/do',
      ['siteid', '7'],
      ['scope', 'all'],
      ['searchword', '不存在的标题'],
    ]);
  });

  it('posts a GBK site search in GBK and follows the redirect to its results', async () => {
    const r = await check('/gbk/', [CATALOGUE[2]!, '南岭市2023年政府信息公开工作年度报告']);
    expect(r.notes[0]!.text).toBe(`站内搜索：POST ${base}/gbk/search.jsp（检索字段 kw，GBK 编码）`);
    expect(r.observations).toEqual([
      {
        detect: 'search.titles',
        count: 1,
        summary: '抽查 2 个标题，1 个在搜索结果第一页找不到',
        items: [
          { url: `${base}/gbk/search.jsp`, text: '南岭市2023年政府信息公开工作年度报告', reason: 'POST 检索，搜索结果第一页没有该标题' },
        ],
      },
    ]);
  });

  it('follows a “站内搜索” link to the search page', async () => {
    const r = await check('/linked/', CATALOGUE);
    expect(r.observations).toEqual([]);
    expect(r.notes.at(-1)).toEqual({
      check: 'search',
      ok: true,
      text: '抽查 3 个标题：3 个在搜索结果第一页找到，0 个找不到，0 次检索失败',
    });
  });

  it('observes a site without search, and a search whose every query fails', async () => {
    expect((await check('/plain/', CATALOGUE)).observations).toEqual([
      {
        detect: 'search.missing',
        count: 1,
        summary: '无站内搜索：首页没有搜索框或“搜索”链接',
        items: [{ url: `${base}/plain/`, reason: '首页没有搜索框或“搜索”链接' }],
      },
    ]);
    const broken = await check('/broken/', CATALOGUE.slice(0, 2));
    expect(broken.observations).toEqual([
      expect.objectContaining({ detect: 'search.missing', count: 1, summary: '站内搜索不可用：2 次检索全部失败（检索失败：HTTP 502）' }),
    ]);
    expect(broken.observations[0]!.items).toHaveLength(2);
  });

  it('calls a search on a host that gives no answer unverified, never 不可用', async () => {
    const offHost = `<html><body><form action="http://127.0.0.1:${await closedPort()}/s"><input name="q"><input type="submit" value="搜索"></form></body></html>`;
    const r = await checkSiteSearch(`${base}/`, offHost, CATALOGUE.slice(0, 2), { limits });
    expect(r.observations).toEqual([]);
    expect(r.notes.at(-1)).toMatchObject({ ok: false, detect: 'search.missing', text: expect.stringContaining('2 次检索没有响应') });
    const deadLink = await checkSiteSearch(
      `${base}/`,
      `<a href="http://127.0.0.1:${await closedPort()}/search.html">站内搜索</a>`,
      CATALOGUE,
      { limits },
    );
    expect(deadLink.observations).toEqual([]);
    expect(deadLink.notes[0]!.text).toMatch(/^站内搜索未核实：搜索页面 .* 没有响应/u);
  });

  it('leaves a script-driven search box to the reviewer', async () => {
    expect(await check('/script/', CATALOGUE)).toEqual({
      observations: [],
      notes: [{ check: 'search', ok: false, text: '站内搜索需脚本驱动，请人工检查' }],
    });
  });
});

describe('site search parts', () => {
  it('form-encodes in the page charset', () => {
    expect(
      formEncode(
        [
          ['q', '政务 公开'],
          ['t', 'a&b'],
        ],
        'gbk',
      ),
    ).toBe('q=%D5%FE%CE%F1+%B9%AB%BF%AA&t=a%26b');
    expect(formEncode([['q', '政务']], 'utf-8')).toBe('q=%E6%94%BF%E5%8A%A1');
  });

  it('takes the form accept-charset over the page charset, and treats a javascript: action as script-driven', () => {
    expect(
      findSearch('<form action="/s" accept-charset="gb2312"><input name="q" title="搜索"></form>', 'http://a.gov.cn/', 'utf-8'),
    ).toEqual({ form: { action: 'http://a.gov.cn/s', method: 'get', fields: [['q', '']], queryField: 'q', charset: 'gbk' } });
    expect(
      findSearch('<form action="javascript:go()"><input name="q"><input type="submit" value="搜索"></form>', 'http://a.gov.cn/', 'utf-8'),
    ).toEqual({ script: true });
    expect(
      findSearch(
        '<form action="/reply"><input name="name"><textarea name="msg"></textarea><input type="submit" value="提交留言"></form>',
        'http://a.gov.cn/',
        'utf-8',
      ),
    ).toBeNull();
  });

  it('parses hostile pages full of unclosed tags in linear time', () => {
    const t0 = Date.now();
    const html = '<form><select name="s"><a href="/x">'.repeat(40_000);
    expect(findSearch(html, 'http://a.gov.cn/', 'utf-8')).toBeNull();
    expect(titleOnPage('标题', html)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('finds a title among result links only: highlighted, cut short, but not the echoed query', () => {
    expect(titleOnPage('市政府常务会议', '<a href="/1"><font color=red>市政府</font>常务 会议</a>')).toBe(true);
    expect(titleOnPage(CATALOGUE[0]!, '<a href="/1">关于做好2025年春节期间安全...</a>')).toBe(true);
    expect(titleOnPage(CATALOGUE[0]!, '<a href="/1">关于做好...</a>')).toBe(false);
    expect(titleOnPage('不存在的标题', '<p>您搜索的“不存在的标题”共 0 条</p><input value="不存在的标题">')).toBe(false);
  });
});
