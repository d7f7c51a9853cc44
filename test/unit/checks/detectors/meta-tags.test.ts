import { describe, expect, it } from 'vitest';
import { detectMetaTags, readMetaTags } from '../../../../electron/services/checks/detectors/meta-tags';
import { ARTICLE_META, articleBody, COLUMN_META, crawled, govPage, SITE_META } from './pages';

const site = 'http://www.suixi.gov.cn';
const article = (n: number, head = `${SITE_META}\n${COLUMN_META}\n${ARTICLE_META}`) =>
  crawled(`${site}/gzdt/${n}.html`, govPage({ head, body: articleBody('正文。') }), 'article');
const column = (dir: string, head = `${SITE_META}\n${COLUMN_META}`) =>
  crawled(`${site}/${dir}/`, govPage({ head, body: '<ul class="list"><li><a href="1.html">标题</a></li></ul>' }), 'column');

describe('readMetaTags', () => {
  it('reads tags however they are written', () => {
    const head = `<META NAME="SiteName" CONTENT="遂溪县人民政府网站">
<meta content='www.suixi.gov.cn' name='SiteDomain'/>
<meta name=SiteIDCode content=4408230002>
<meta  name = "ArticleTitle"   content = " 遂溪县召开春耕生产工作会议 " >
<meta name="pubdate" content="2025-03-12 10:20">
<meta name="ContentSource" content="遂溪县农业农村局&amp;县委农办">
<!-- <meta name="ColumnName" content="工作动态"> -->
<meta name="Keywords" content="">
<meta name="Keywords" content="春耕">
<meta http-equiv="X-UA-Compatible" content="IE=edge">`;
    expect(readMetaTags(head)).toEqual({
      sitename: '遂溪县人民政府网站',
      sitedomain: 'www.suixi.gov.cn',
      siteidcode: '4408230002',
      articletitle: '遂溪县召开春耕生产工作会议',
      pubdate: '2025-03-12 10:20',
      contentsource: '遂溪县农业农村局&县委农办',
      keywords: '春耕',
    });
  });
});

describe('detectMetaTags', () => {
  it('finds nothing when sampled pages carry all their tags, and notes what was sampled', () => {
    const { observations, notes } = detectMetaTags([article(1), article(2), column('gzdt')]);
    expect(observations).toEqual([]);
    expect(notes).toEqual([
      { check: 'meta', text: '抽查 2 个内容页，站点或内容标签齐全', ok: true },
      { check: 'meta', text: '抽查 1 个栏目页，站点或栏目标签齐全', ok: true },
    ]);
  });

  it('counts sampled pages missing any required tag, listing the tags per page', () => {
    const noCode = SITE_META.replace(/\n<meta name="SiteIDCode"[^>]*>/u, '');
    const pages = [
      article(1, `${noCode}\n${ARTICLE_META}`),
      article(
        2,
        `${SITE_META}\n${ARTICLE_META.replace(/<meta name="PubDate"[^>]*>/u, '').replace('content="遂溪县农业农村局"', 'content=""')}`,
      ),
      article(3),
      column('gzdt', `${SITE_META}\n${COLUMN_META.replace(/<meta name="ColumnType"[^>]*>/u, '')}`),
      column('tzgg'),
    ];
    const { observations, notes } = detectMetaTags(pages);
    expect(notes).toEqual([]);
    expect(observations.map((o) => [o.detect, o.count, o.summary])).toEqual([
      ['meta.article', 2, '抽查 3 个内容页，2 个缺少站点或内容标签（SiteIDCode 1 个、PubDate 1 个、ContentSource 1 个）'],
      ['meta.column', 1, '抽查 2 个栏目页，1 个缺少站点或栏目标签（ColumnType 1 个）'],
    ]);
    expect(observations[0]!.items).toEqual([
      { url: `${site}/gzdt/1.html`, text: 'SiteIDCode', reason: '缺少 SiteIDCode' },
      { url: `${site}/gzdt/2.html`, text: 'PubDate、ContentSource', reason: '缺少 PubDate；ContentSource 内容为空' },
    ]);
  });

  it('samples the same evenly spaced pages whatever order the crawl found them in', () => {
    // 12 articles, /10 … /21; the odd-numbered ones carry site tags only.
    const pages = Array.from({ length: 12 }, (_, i) => article(10 + i, i % 2 ? SITE_META : undefined));
    const run = (list: typeof pages) => detectMetaTags(list, { articleSample: 5 }).observations.find((o) => o.detect === 'meta.article');
    const once = run(pages);
    expect(once?.summary).toMatch(/^抽查 5 个内容页，/u);
    // Positions 0, 2, 4, 7, 9 of 12: /10, /12, /14, /17, /19 — only /17 and /19 lack tags.
    expect(once?.items.map((i) => i.url.replace(site, ''))).toEqual(['/gzdt/17.html', '/gzdt/19.html']);
    expect(run([...pages].reverse())).toEqual(once);
    expect(detectMetaTags(pages, { articleSample: 12 }).observations[0]!.count).toBe(6);
  });

  it('notes what it could not sample', () => {
    expect(detectMetaTags([crawled(`${site}/`, govPage({ body: '' }), 'home')]).notes).toEqual([
      { check: 'meta', text: '未抓取到内容页，未检查内容页站点或内容标签', ok: false },
      { check: 'meta', text: '未抓取到栏目页，未检查栏目页站点或栏目标签', ok: false },
    ]);
  });
});
