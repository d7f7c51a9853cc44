import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../../electron/services/export/index';
import { chaozhouSample, zhanjiangSample } from '../../fixtures/export/samples';

type Parts = Record<string, string>;

async function docxParts(format: 'circular-chaozhou' | 'circular-zhanjiang'): Promise<Parts> {
  const data = format === 'circular-chaozhou' ? chaozhouSample() : zhanjiangSample().data;
  const bytes = await renderExport(data, format, {
    date: '2021-07-08',
    printDate: '2021-07-09',
    docNumber: '湛府办〔2021〕16号',
    rectifyDeadline: '2021-07-15',
  });
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([n]) => n.endsWith('.xml'))
      .map(([n, d]) => [n, strFromU8(d)]),
  );
}

/** Visible text of each paragraph in document order. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/gu)].map((m) =>
    [...(m[1] ?? m[2] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((t) => t[1]).join(''),
  );
}

/** The XML of the first paragraph whose text equals or starts with `text`. */
function paragraphXml(xml: string, text: string): string {
  const found = [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/gu)]
    .map((m) => m[0])
    .find((p) => {
      const t = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((x) => x[1]).join('');
      return t.startsWith(text);
    });
  if (!found) throw new Error(`paragraph not found: ${text}`);
  return found;
}

describe('circular-zhanjiang docx', () => {
  let parts: Parts;
  let doc: string;
  beforeAll(async () => {
    parts = await docxParts('circular-zhanjiang');
    doc = parts['word/document.xml']!;
  });

  it('uses A4, GB/T 9704 margins, mirrored for double-sided printing, and a 22-line grid', () => {
    const sect = doc.match(/<w:sectPr>[\s\S]*?<\/w:sectPr>/u)![0];
    expect(sect).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(sect).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/u);
    expect(sect).toContain('<w:docGrid w:type="lines" w:linePitch="579"');
    expect(parts['word/settings.xml']).toContain('<w:mirrorMargins/>');
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
  });

  it('sets the red 发文机关标志 in 方正小标宋简体 and the 发文字号 with a red rule', () => {
    const mark = paragraphXml(doc, '湛江市人民政府办公室文件');
    expect(mark).toContain('w:color w:val="FF0000"');
    expect(mark).toContain('w:eastAsia="方正小标宋简体"');
    expect(mark).toContain('<w:jc w:val="center"/>');
    const number = paragraphXml(doc, '湛府办〔2021〕16号');
    expect(number).toMatch(/<w:bottom w:val="single" w:color="FF0000"/u);
  });

  it('sets the title in 2号 小标宋 and body in 3号 仿宋_GB2312 with Latin in Times New Roman', () => {
    const title = paragraphXml(doc, '湛江市人民政府办公室关于2021年第二季度');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    const body = paragraphXml(doc, '按照省政府办公厅');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(body).toMatch(/w:ascii="Times New Roman"[^>]*w:eastAsia="仿宋_GB2312"/u);
    expect(paragraphXml(doc, '一、总体情况')).toContain('w:eastAsia="黑体"');
    expect(paragraphXml(doc, '（一）部分政府网站存在突出问题。')).toContain('w:eastAsia="楷体_GB2312"');
  });

  it('fills computed figures and names the problem units', () => {
    const text = paragraphs(doc).join('\n');
    expect(text).toContain('对全市登记在运行的47个政府网站进行不定期检查');
    expect(text).toContain('县（市、区）政府（管委会）门户网站11个，市直部门独立站点5个，市直部门子频道31个，总体合格率89.4%');
    expect(text).toContain('市直部门独立站点合格率100%，市直部门子频道合格率96.8%');
    expect(text).toContain('216个政务新媒体');
    expect(text).toContain('总体合格率达97.7%');
    expect(text).toContain('赤坎区人民政府网多个栏目长期未更新');
    expect(text).toContain('徐闻县“徐闻公安”快手短视频号检测时间点前1周无更新');
    expect(text).toContain('并于7月15日前将整改情况报送市政府办公室');
  });

  it('ends with 附件说明, 署名, 成文日期, annexes starting 附件1, 公开方式 and the 版记', () => {
    const text = paragraphs(doc);
    const at = (s: string) => text.findIndex((t) => t.startsWith(s));
    expect(at('附件：1.检查发现存在突出问题的政府网站名单')).toBeGreaterThan(at('三、下一步工作要求'));
    expect(text).toContain('2.检查发现存在突出问题的政务新媒体名单');
    expect(at('2021年7月8日')).toBeGreaterThan(at('附件：1.'));
    expect(at('附件1')).toBeGreaterThan(at('2021年7月8日'));
    expect(at('附件2')).toBeGreaterThan(at('附件1'));
    expect(at('公开方式：主动公开')).toBeGreaterThan(at('附件2'));
    expect(text).toContain('2021年7月9日印发');
    expect(paragraphXml(doc, '附件1')).toContain('w:eastAsia="黑体"');
    expect(paragraphXml(doc, '（2021年第二季度）')).toBeTruthy();
    expect(text).toContain('注：检查采样时间为2021年4月1日至7月5日');
    // The annex tables repeat their header row on every page.
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).not.toContain('KAOPING-TABLE');
    // Two annex tables and the 版记.
    expect(doc.match(/<w:tbl>/gu)).toHaveLength(3);
  });

  it('numbers pages "— n —" on the outer side: odd right, even left', () => {
    const footers = Object.entries(parts)
      .filter(([n]) => /word\/footer\d+\.xml/u.test(n))
      .map(([, x]) => x);
    expect(footers.length).toBeGreaterThanOrEqual(2);
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(f).toContain('— ');
    }
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
    const rels = parts['word/document.xml']!;
    expect(rels).toMatch(/<w:footerReference w:type="even"/u);
  });

  it('declares font fallbacks in the font table', () => {
    const fonts = parts['word/fontTable.xml']!;
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
    expect(fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    expect(fonts).toContain('w:name="方正小标宋简体"');
  });
});

describe('circular-chaozhou docx', () => {
  it('computes grade counts and lists units by grade per class, and includes both annex tables', async () => {
    const parts = await docxParts('circular-chaozhou');
    const text = paragraphs(parts['word/document.xml']!).join('\n');
    expect(text).toContain('被考评的4个县区政府（管委会）门户网站中，评定为优秀的2个，良好的2个。');
    expect(text).toContain('被考评的26个开设有政务新媒体的市、县部门中，评定为优秀的14个，良好的7个，合格的5个。');
    expect(text).toContain('全市无不合格政府网站和政务新媒体。');
    expect(text).toContain('优秀：饶平县人民政府、潮安区人民政府。');
    expect(text).toContain('良好：湘桥区人民政府、枫溪区管委会。');
    expect(text).toContain('合格：潮州市生态环境局、潮州市司法局、潮州市住房和城乡建设局、潮州市社会保险基金管理局、饶平县公安局。');
    expect(text).toContain('详情见附件1、2。');
    expect(text).toContain('政府网站考评情况表');
    expect(text).toMatch(/85\.62/u);
    expect(text).not.toContain('{{');
  });
});

describe('annex sections', () => {
  it('starts every annex on its own page: each section break survives the table splice', async () => {
    const parts = await docxParts('circular-chaozhou');
    const doc = parts['word/document.xml']!;
    // Main text, 附件1, 附件2 and the 版记 page: four sections, none continuous.
    expect(doc.match(/<w:sectPr\b/gu)).toHaveLength(4);
    expect(doc).not.toContain('w:val="continuous"');
  });
});
