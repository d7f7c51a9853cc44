import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { packEntry, writeZip } from '../files/prepacked-zip';
import { quoteFormulaText, safeWorkbookBytes, startsLikeFormula } from '../export/ooxml/formula-guard';
import type { Ruleset } from '../../../shared/ruleset/types';
import type { AssessmentInfo, Target } from '../../../shared/domain/types';
import { selfEvalRows } from './rows';
import { a4PageSetup, BODY_FONT, BORDER, styleHeader, TITLE_FONT } from '../export/xlsx/style';

export const TEMPLATE_HEADERS = ['序号', '一级指标', '二级指标', '评分细则', '分值', '自评得分', '自评说明', '佐证材料'] as const;
const FIRST_DATA_ROW = 8;

/**
 * One unit's self-evaluation workbook: a header block, one row per indicator,
 * only 自评得分 / 自评说明 / 佐证材料 (and the contact cells) editable, scores
 * validated between 0 and the indicator's points, A4 with the header repeated.
 */
export async function buildTemplate(ruleset: Ruleset, info: AssessmentInfo, target: Target): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '考评工作台';
  const ws = wb.addWorksheet('自查自评表', {
    pageSetup: a4PageSetup(184, `${FIRST_DATA_ROW - 1}:${FIRST_DATA_ROW - 1}`),
  });
  ws.columns = [{ width: 6 }, { width: 14 }, { width: 22 }, { width: 60 }, { width: 8 }, { width: 10 }, { width: 36 }, { width: 28 }];

  ws.mergeCells('A1:H1');
  ws.getCell('A1').value = `${info.name} 自查自评表`;
  ws.getCell('A1').font = TITLE_FONT;
  ws.getCell('A1').alignment = { horizontal: 'center' };
  const block: [string, string][] = [
    ['考评名称', info.name],
    ['单位', target.unit],
    ['网站', `${target.name}  ${target.url ?? ''}`],
  ];
  block.forEach(([label, value], i) => {
    const row = 2 + i;
    ws.getCell(`A${row}`).value = label;
    ws.mergeCells(`B${row}:H${row}`);
    ws.getCell(`B${row}`).value = value;
  });
  ws.getCell('A5').value = '联系人';
  ws.mergeCells('B5:D5');
  ws.getCell('E5').value = '电话';
  ws.mergeCells('F5:H5');
  for (const ref of ['B5', 'F5']) ws.getCell(ref).protection = { locked: false };
  ws.mergeCells('A6:H6');
  ws.getCell('A6').value =
    '填写说明：只需填写“自评得分”“自评说明”“佐证材料”三列。扣分指标填写自评后的得分（0 至分值），加分指标填写自评可得的加分（0 至分值）。隐瞒事实或上报信息不准确的，将予以扣分。';
  ws.getCell('A6').alignment = { wrapText: true };
  ws.getRow(6).height = 32;

  const header = ws.getRow(FIRST_DATA_ROW - 1);
  header.values = [...TEMPLATE_HEADERS];
  header.eachCell(styleHeader);

  selfEvalRows(ruleset).forEach((r, i) => {
    const row = ws.getRow(FIRST_DATA_ROW + i);
    row.values = [i + 1, r.level1, r.level2, r.rulesText, r.max, null, null, null];
    row.font = BODY_FONT;
    row.alignment = { wrapText: true, vertical: 'top' };
    row.eachCell({ includeEmpty: true }, (c, col) => {
      if (col > 8) return;
      c.border = BORDER;
      if (col >= 6) c.protection = { locked: false };
    });
    row.getCell(6).dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, r.max],
      showErrorMessage: true,
      errorTitle: '自评得分超出范围',
      error: `请输入 0 至 ${r.max} 之间的分数`,
    };
  });
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  return wb;
}

/** Stand-ins for what differs between units; plain ASCII so no XML escaping can split them. */
const SLOTS = { unit: 'KAOPING-SLOT-UNIT', name: 'KAOPING-SLOT-NAME', url: 'KAOPING-SLOT-URL' } as const;

const escapeXml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

/**
 * Builds the styled, protected workbook once and returns a function that
 * stamps one unit's name and website into a copy of its bytes. For hundreds
 * of units this costs one workbook build plus a string replacement and a zip
 * per unit, instead of an exceljs build each.
 */
export async function templateStamper(ruleset: Ruleset, info: AssessmentInfo): Promise<(target: Target) => Buffer> {
  const placeholder: Target = {
    id: 0,
    kind: 'website',
    unit: SLOTS.unit,
    name: SLOTS.name,
    url: SLOTS.url,
    classId: '',
    attributes: {},
    identifier: null,
    platform: null,
  };
  const book = await buildTemplate(ruleset, info, placeholder);
  // Formula-like text in the ruleset's own wording is quoted once here; a unit's stamped names are checked per unit.
  const entries = unzipSync(await safeWorkbookBytes(book));
  const names = Object.keys(entries).filter((name) => !name.endsWith('/'));
  const slotted = new Map(
    names.filter((name) => strFromU8(entries[name]!).includes('KAOPING-SLOT-')).map((name) => [name, strFromU8(entries[name]!)]),
  );
  const packed = new Map(names.filter((name) => !slotted.has(name)).map((name) => [name, packEntry(name, entries[name]!)]));
  return (target) => {
    const bytes = writeZip(
      names.map((name) => {
        const text = slotted.get(name);
        if (text === undefined) return packed.get(name)!;
        return packEntry(
          name,
          strToU8(
            text
              .replaceAll(SLOTS.unit, escapeXml(target.unit))
              .replaceAll(SLOTS.name, escapeXml(target.name))
              .replaceAll(SLOTS.url, escapeXml(target.url ?? '')),
          ),
        );
      }),
    );
    return [target.unit, target.name].some(startsLikeFormula) ? Buffer.from(quoteFormulaText(bytes)) : bytes;
  };
}
