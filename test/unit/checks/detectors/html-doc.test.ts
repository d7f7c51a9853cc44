import { describe, expect, it } from 'vitest';
import { footerRegion } from '../../../../electron/services/checks/detectors/footer-region';
import { elementAt, htmlOffsetAt, parseHtml, textOf } from '../../../../electron/services/checks/detectors/html-doc';
import { decodeEntities } from '../../../../electron/services/checks/detectors/html-lexer';
import { selectorOf } from '../../../../electron/services/checks/detectors/selector';
import { articleBody, footer, govPage } from './pages';

describe('parseHtml', () => {
  it('keeps only what a reader sees: no head, title, scripts, styles or comments', () => {
    const doc = parseHtml(
      govPage({
        body: `<style>.x{color:red}</style><!-- 旧版栏目 中华人民共合国 --><script>var tel = "13800138000"; if (a < b) { document.write('<p>脚本</p>'); }</script><p>正文&nbsp;内容&ldquo;引号&rdquo;&#x4E2D;&#20013;</p>`,
      }),
    );
    expect(doc.text).toContain('正文 内容“引号”中中');
    expect(doc.text).not.toMatch(/遂溪县人民政府网站\n|color|旧版栏目|13800138000|脚本/u);
    expect(doc.text.startsWith('首页')).toBe(true);
  });

  it('puts blocks on their own lines but joins inline elements', () => {
    const doc = parseHtml('<body><div>中华人民<span>共和国</span></div><div>国务院<br>办公厅</div></body>');
    expect(doc.text).toBe('中华人民共和国\n国务院\n办公厅');
  });

  it('survives tag soup: an unclosed head, unclosed li and p, stray end tags', () => {
    const doc = parseHtml(
      '<html><head><meta charset="gbk"><title>t</title><div id="wrap"><ul><li>一<li>二</ul></span><p>甲<p>乙</div></html>',
    );
    expect(doc.text).toBe('一\n二\n甲\n乙');
    const lis = doc.elements.filter((e) => e.tag === 'li');
    expect(lis.map((li) => [li.parent?.tag, li.nth, textOf(doc, li)])).toEqual([
      ['ul', 1, '一'],
      ['ul', 2, '二'],
    ]);
  });

  it('maps text back to its element, a unique selector and its place in the HTML', () => {
    const html = govPage({ body: articleBody('遂溪县召开会议，部署春耕生产。') });
    const doc = parseHtml(html);
    const at = doc.text.indexOf('部署春耕');
    const el = elementAt(doc, at)!;
    expect(el.tag).toBe('p');
    expect(selectorOf(doc, el)).toBe('#zoom p:nth-of-type(1)');
    expect(html.slice(htmlOffsetAt(doc, at), htmlOffsetAt(doc, at) + 4)).toBe('部署春耕');
  });

  it('names repeated classes by position', () => {
    const doc = parseHtml('<body><div class="box">甲</div><div class="box">乙</div><div class="only">丙</div></body>');
    const [, second, only] = doc.elements.filter((e) => e.tag === 'div');
    expect(selectorOf(doc, second!)).toBe('body div:nth-of-type(2)');
    expect(selectorOf(doc, only!)).toBe('div.only');
  });

  it('reads quoted ">" inside attributes, keeps a bare "<" as text, and skips script bodies that contain tags', () => {
    const doc = parseHtml(
      `<body><a title="上一页>>" href='?p=1'>上一页</a><p>指标 1<2 且 a < b</p><script>document.write("<p>脚本写入</p>");</script><p>尾</p>`,
    );
    expect(doc.text).toBe('上一页\n指标 1<2 且 a < b\n尾');
    expect(doc.elements.find((e) => e.tag === 'a')!.attrs).toEqual({ title: '上一页>>', href: '?p=1' });
  });

  it('turns a tag that never closes into text instead of swallowing the page', () => {
    expect(parseHtml('<p>正文</p><img src="a.png" alt="未闭合').text).toBe('正文\n<img src="a.png" alt="未闭合');
  });

  it('decodes entities and leaves unknown ones alone', () => {
    expect(decodeEntities('A&amp;B &copy; &#169; &unknown; &#0;')).toBe('A&B © © &unknown; &#0;');
  });
});

describe('footerRegion', () => {
  it('is the footer element plus whatever follows it', () => {
    const html = govPage({
      body: '<p>主办单位：县文联（正文中的文字）</p>',
      foot: `${footer(['conac'])}<div class="conac"><span id="_ideConac"></span></div>`,
    });
    const region = footerRegion(parseHtml(html));
    expect(region.selector).toBe('#bottom');
    expect(region.text).toContain('网站标识码：4408230002');
    expect(region.text).not.toContain('正文中的文字');
    expect(region.html).toContain('_ideConac');
  });

  it('falls back to the last quarter of the body text when no element calls itself a footer', () => {
    const filler = Array.from({ length: 30 }, (_, i) => `<p>第${i + 1}条新闻标题，内容较长的一段文字。</p>`).join('');
    // "ft" would be a footer class; "end" says nothing.
    const html = `<html><body><div id="content">${filler}</div><div class="end"><p>主办单位：某某县人民政府</p></div></body></html>`;
    const region = footerRegion(parseHtml(html));
    expect(region.selector).toBeUndefined();
    expect(region.text).toContain('主办单位：某某县人民政府');
    expect(region.text).not.toContain('第1条新闻');
    expect(region.html).toContain('<div class="end">');
  });
});
