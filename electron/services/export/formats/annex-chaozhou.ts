/**
 * Chaozhou annexes (seed 002, 附件1/2): per class a ranked table — 排名, 单位名称,
 * 单项否决, one column per 一级指标 of the class, 加分指标, 总计.
 */
import type { ExportAssessmentData, TargetKind } from '../model';
import type { AnnexSpec, Cell, TableBlock } from '../table-spec';
import { resultsByClass } from '../compute/results';

export const CHAOZHOU_ANNEX_TITLES: Record<TargetKind, string> = {
  website: '政府网站考评情况表',
  newmedia: '政务新媒体考评情况表',
};

/** 单项否决 cell as in the seed: 0 when not vetoed, otherwise "否决". */
function vetoCell(veto: boolean): Cell {
  return veto ? '否决' : 0;
}

/** One ranked block per class of `kind`. */
export function chaozhouBlocks(data: ExportAssessmentData, kind: TargetKind): TableBlock[] {
  return resultsByClass(data, kind)
    .filter((c) => c.rows.length > 0)
    .map(({ cls, rows }) => ({
      caption: `${cls.name}（${rows.length}个）`,
      columns: [
        { header: '排名', width: 5 },
        { header: '单位名称', width: 14, align: 'left' as const },
        { header: '单项否决', width: 5 },
        ...cls.sections.map((s) => ({ header: s.name, width: 5, decimals: true })),
        { header: '加分指标', width: 5, decimals: true },
        { header: '总计', width: 6, decimals: true },
      ],
      rows: rows.map(({ target, score }, i) => [
        score.rank ?? i + 1,
        target.unit || target.name,
        vetoCell(score.veto),
        ...cls.sections.map((s) => score.sections[s.id] ?? 0),
        score.bonus,
        score.total,
      ]),
    }));
}

/** The Chaozhou annexes, numbered from `firstNumber`; kinds with no scored target are left out. */
export function chaozhouAnnexes(
  data: ExportAssessmentData,
  titles: Partial<Record<TargetKind, string>> = {},
  firstNumber = 1,
): AnnexSpec[] {
  const out: AnnexSpec[] = [];
  for (const kind of ['website', 'newmedia'] as const) {
    const blocks = chaozhouBlocks(data, kind);
    if (blocks.length === 0) continue;
    const title = titles[kind] ?? CHAOZHOU_ANNEX_TITLES[kind];
    out.push({ label: `附件${firstNumber + out.length}`, title, blocks, sheetName: `附件${firstNumber + out.length} ${title}` });
  }
  return out;
}
