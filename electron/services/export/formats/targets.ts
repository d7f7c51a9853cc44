/**
 * The target list in the layout of annex 1 of seed 000: websites per class (序号,
 * 主管单位, 网址) and new-media accounts (主管单位, 新媒体标识码, 账号名称, 账号类型).
 */
import { chineseNumeral } from '../../../../shared/format/date';
import type { ExportAssessmentData } from '../model';
import type { AnnexSpec, TableBlock } from '../table-spec';

/** One block per class, captioned "一、{class}（共 N 个）". */
export function targetBlocks(data: ExportAssessmentData): TableBlock[] {
  const blocks: TableBlock[] = [];
  for (const cls of data.classes) {
    const targets = data.targets.filter((t) => t.classId === cls.id);
    if (targets.length === 0) continue;
    const caption = `${chineseNumeral(blocks.length + 1)}、${cls.name}（共${targets.length}个）`;
    if (cls.kind === 'website') {
      blocks.push({
        caption,
        columns: [
          { header: '序号', width: 4 },
          { header: '主管单位', width: 18, align: 'left' },
          { header: '网址', width: 30, align: 'left' },
        ],
        rows: targets.map((t, i) => [i + 1, t.unit || t.name, t.url ?? '']),
      });
    } else {
      blocks.push({
        caption,
        columns: [
          { header: '主管单位', width: 12, align: 'left' },
          { header: '新媒体标识码', width: 16 },
          { header: '账号名称', width: 16, align: 'left' },
          { header: '账号类型', width: 10 },
        ],
        rows: targets.map((t) => [t.unit, t.identifier ?? '', t.name, t.platform ?? '']),
      });
    }
  }
  return blocks;
}

/**
 * The list as workbook sheets: websites and new media have different columns, so each
 * kind gets its own sheet (numbering of the class captions runs on across both).
 */
export function targetsAnnexes(data: ExportAssessmentData): AnnexSpec[] {
  const title = `${data.meta.year}年度${data.meta.region}政府网站与政务新媒体考评对象`;
  const blocks = targetBlocks(data);
  const websites = blocks.filter((b) => b.columns[0]!.header === '序号');
  const accounts = blocks.filter((b) => b.columns[0]!.header !== '序号');
  const sheets: AnnexSpec[] = [];
  if (websites.length) sheets.push({ label: '附件1', title, blocks: websites, sheetName: '考评对象（网站）' });
  if (accounts.length) sheets.push({ label: '附件1', title, blocks: accounts, sheetName: '考评对象（政务新媒体）' });
  return sheets;
}
