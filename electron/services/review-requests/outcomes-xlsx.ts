import ExcelJS from 'exceljs';
import { admissibility } from './view';
import type { ReviewRequestView } from '../../../shared/api/review-requests';
import { a4PageSetup, BODY_FONT, BORDER, mergedTitle, SCORE_FORMAT, styleHeader, TITLE_FONT } from '../export/xlsx/style';

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '' : n);

const DECISION = { accepted: '采纳', rejected: '不予采纳' } as const;

/**
 * The outcomes of the review round for the meeting that approves the final
 * results: one row per disputed indicator with the unit, its reason, the
 * decision and the target's score and rank before and after.
 */
export async function writeOutcomesWorkbook(views: ReviewRequestView[], title: string, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const headers = [
    '申请编号',
    '单位',
    '考评对象',
    '类别',
    '收到日期',
    '受理情况',
    '异议指标',
    '单位申请',
    '自评得分',
    '评审得分',
    '复核理由',
    '决定',
    '决定理由',
    '复核前得分',
    '复核后得分',
    '复核前排名',
    '复核后排名',
    '修改内容',
  ];
  const widths = [8, 18, 20, 8, 11, 22, 24, 8, 8, 8, 30, 9, 28, 10, 10, 9, 9, 30];
  const ws = wb.addWorksheet('复核结果', {
    pageSetup: {
      ...a4PageSetup(
        widths.reduce((a, b) => a + b, 0),
        '2:2',
      ),
      orientation: 'landscape',
    },
  });
  ws.columns = widths.map((width) => ({ width }));
  mergedTitle(ws, 1, headers.length, `${title} 复核申请处理结果`, TITLE_FONT);
  const header = ws.getRow(2);
  header.values = headers;
  header.eachCell(styleHeader);
  let n = 3;
  for (const r of views) {
    for (const item of r.items) {
      const row = ws.getRow(n++);
      const e = item.effect;
      row.values = [
        r.id,
        r.unit,
        r.targetName,
        r.classLabel,
        r.receivedOn ?? '',
        admissibility(r),
        item.indicatorPath,
        item.requested,
        fmt(item.self),
        item.reviewer,
        r.reason,
        item.decision ? DECISION[item.decision] : '待决定',
        item.decisionReason,
        fmt(e?.totalBefore),
        fmt(e?.totalAfter),
        fmt(e?.rankBefore),
        fmt(e?.rankAfter),
        e?.changes.join('；') ?? '',
      ];
      row.font = BODY_FONT;
      row.eachCell({ includeEmpty: true }, (c, col) => {
        if (col > headers.length) return;
        c.border = BORDER;
        c.alignment = { wrapText: true, vertical: 'top' };
        if ([8, 9, 10, 14, 15].includes(col)) c.numFmt = SCORE_FORMAT;
      });
    }
  }
  await wb.xlsx.writeFile(out);
}
