import ExcelJS from 'exceljs';
import type { SelfEvalDiffView } from '../../../shared/api/views';
import { scoreStoredAssessment } from '../scoring/score-assessment';
import type { AssessmentStore } from '../store/types';
import { selfEvalRows } from './rows';
import { a4PageSetup, BODY_FONT, BORDER, mergedTitle, SCORE_FORMAT, styleHeader, TITLE_FONT } from '../export/xlsx/style';
import { writeFileSync } from 'node:fs';
import { safeWorkbookBytes } from '../export/ooxml/formula-guard';

/** The diff row is the view the UI shows. */
export type DiffRow = SelfEvalDiffView;

/** Self score beside the reviewer's, per target and indicator, for every claim a unit made. */
export function selfEvalDiff(store: AssessmentStore): DiffRow[] {
  const ruleset = store.rulesetSnapshot();
  const rows = new Map(selfEvalRows(ruleset).map((r) => [r.place.indicator.id, r]));
  const targets = new Map(store.listTargets().map((t) => [t.id, t]));
  const scores = new Map(scoreStoredAssessment(store).map((s) => [s.targetId, new Map(s.indicators.map((i) => [i.indicatorId, i.score]))]));
  const out: DiffRow[] = [];
  for (const claim of store.listSelfEvalScores()) {
    const row = rows.get(claim.indicatorId);
    if (!row || claim.score === null) continue;
    const reviewer = scores.get(claim.targetId)?.get(claim.indicatorId) ?? 0;
    const difference = Math.round((claim.score - reviewer) * 100) / 100;
    out.push({
      targetId: claim.targetId,
      indicatorId: claim.indicatorId,
      unit: targets.get(claim.targetId)?.unit ?? String(claim.targetId),
      level1: row.level1,
      level2: row.level2,
      max: row.max,
      self: claim.score,
      reviewer,
      difference,
      flagged: difference > 0,
      explanation: claim.explanation,
      material: claim.material,
    });
  }
  const order = [...rows.keys()];
  return out.sort((a, b) => a.targetId - b.targetId || order.indexOf(a.indicatorId) - order.indexOf(b.indicatorId));
}

/** The diff as a sheet for the review meeting: claims above the reviewer's score highlighted. */
export async function writeDiffWorkbook(rows: DiffRow[], title: string, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const headers = ['单位', '一级指标', '二级指标', '分值', '自评得分', '评审得分', '差值', '自评说明', '佐证材料'];
  const widths = [22, 14, 22, 8, 10, 10, 8, 40, 24];
  const ws = wb.addWorksheet('自评差异', {
    pageSetup: a4PageSetup(
      widths.reduce((a, b) => a + b, 0),
      '2:2',
    ),
  });
  ws.columns = widths.map((width) => ({ width }));
  mergedTitle(ws, 1, headers.length, `${title} 自评与评审得分对照`, TITLE_FONT);
  const header = ws.getRow(2);
  header.values = headers;
  header.eachCell(styleHeader);
  rows.forEach((r, i) => {
    const row = ws.getRow(3 + i);
    row.values = [r.unit, r.level1, r.level2, r.max, r.self, r.reviewer, r.difference, r.explanation, r.material];
    row.font = BODY_FONT;
    row.eachCell({ includeEmpty: true }, (c, n) => {
      if (n > headers.length) return;
      c.border = BORDER;
      c.alignment = { wrapText: true, vertical: 'top' };
      if (n >= 4 && n <= 7) c.numFmt = SCORE_FORMAT;
      if (r.flagged) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } };
    });
  });
  writeFileSync(out, await safeWorkbookBytes(wb));
}
