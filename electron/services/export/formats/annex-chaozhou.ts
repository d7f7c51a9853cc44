/**
 * Chaozhou annexes (seed 002, 附件1/2): per class a ranked table — 排名, 单位名称,
 * 单项否决, one column per 一级指标 of the class, 加分指标, 总计. New media follow
 * the ruleset: per unit (seed 002's annex 2, units listed once), per account
 * (account name and platform beside the unit), or, where accounts are judged on
 * vetoes only, a list with the result and no rank or score.
 */
import { platformAsWritten } from '../../../../shared/format/platform';
import type { ExportAssessmentData, ExportClass, ExportScore, TargetKind } from '../model';
import type { AnnexSpec, Cell, TableBlock, TableColumn } from '../table-spec';
import { gradeText, incompleteWarning, rankCell, resultsByClass, scoreStyleOf, totalCell, type ResultRow } from '../compute/results';

export const CHAOZHOU_ANNEX_TITLES: Record<TargetKind, string> = {
  website: '政府网站考评情况表',
  newmedia: '政务新媒体考评情况表',
};

/** 单项否决 cell as in the seed: 0 when not vetoed, otherwise "否决". */
function vetoCell(veto: boolean): Cell {
  return veto ? '否决' : 0;
}

function scoreColumns(cls: ExportClass): TableColumn[] {
  return [
    ...cls.sections.map((s) => ({ header: s.name, width: 5, decimals: true })),
    { header: '加分指标', width: 5, decimals: true },
    { header: '总计', width: 6, decimals: true },
  ];
}

function scoreCells(cls: ExportClass, score: ExportScore, data: ExportAssessmentData): Cell[] {
  const style = scoreStyleOf(data);
  return [
    ...cls.sections.map((s) => (score.veto ? 0 : (score.sections[s.id] ?? 0))),
    score.veto ? 0 : score.bonus,
    totalCell(score, style),
  ];
}

function block(cls: ExportClass, rows: ResultRow[], data: ExportAssessmentData): TableBlock {
  const caption = `${cls.name}（${rows.length}个）`;
  if (cls.kind === 'newmedia' && cls.vetoOnly) {
    // Judged on vetoes only: no rank, no score — the account, its platform and the result.
    return {
      caption,
      columns: [
        { header: '序号', width: 5 },
        { header: '单位名称', width: 14, align: 'left' },
        { header: '账号名称', width: 14, align: 'left' },
        { header: '平台', width: 8 },
        { header: '单项否决', width: 5 },
        { header: '结果', width: 7 },
      ],
      rows: rows.map(({ target, score }, i) => [
        i + 1,
        target.unit,
        target.name,
        platformAsWritten(target.platform),
        vetoCell(score.veto),
        gradeText(score),
      ]),
    };
  }
  // Accounts listed one by one (a unit may run several); unit-level rows (a score report of units) keep the unit layout.
  if (cls.kind === 'newmedia' && !cls.byUnit && rows.some((r) => r.target.platform)) {
    return {
      caption,
      columns: [
        { header: '排名', width: 5 },
        { header: '单位名称', width: 14, align: 'left' },
        { header: '账号名称', width: 12, align: 'left' },
        { header: '平台', width: 8 },
        { header: '单项否决', width: 5 },
        ...scoreColumns(cls),
      ],
      rows: rows.map(({ target, score }) => [
        rankCell(score),
        target.unit,
        target.name,
        platformAsWritten(target.platform),
        vetoCell(score.veto),
        ...scoreCells(cls, score, data),
      ]),
    };
  }
  return {
    caption,
    columns: [
      { header: '排名', width: 5 },
      { header: '单位名称', width: 14, align: 'left' },
      { header: '单项否决', width: 5 },
      ...scoreColumns(cls),
    ],
    rows: rows.map(({ target, score }) => [
      rankCell(score),
      target.unit || target.name,
      vetoCell(score.veto),
      ...scoreCells(cls, score, data),
    ]),
  };
}

/** One ranked block per class of `kind`. */
export function chaozhouBlocks(data: ExportAssessmentData, kind: TargetKind): TableBlock[] {
  return resultsByClass(data, kind)
    .filter((c) => c.rows.length > 0)
    .map(({ cls, rows }) => block(cls, rows, data));
}

/** The Chaozhou annexes, numbered from `firstNumber`; kinds with no scored target are left out. */
export function chaozhouAnnexes(
  data: ExportAssessmentData,
  titles: Partial<Record<TargetKind, string>> = {},
  firstNumber = 1,
): AnnexSpec[] {
  const out: AnnexSpec[] = [];
  const warning = incompleteWarning(data);
  for (const kind of ['website', 'newmedia'] as const) {
    const blocks = chaozhouBlocks(data, kind);
    if (blocks.length === 0) continue;
    const title = titles[kind] ?? CHAOZHOU_ANNEX_TITLES[kind];
    out.push({
      label: `附件${firstNumber + out.length}`,
      title,
      blocks,
      sheetName: `附件${firstNumber + out.length} ${title}`,
      scoreStyle: scoreStyleOf(data),
      ...(warning ? { warning } : {}),
    });
  }
  return out;
}
