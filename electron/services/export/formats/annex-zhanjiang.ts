/**
 * Zhanjiang problem lists (seed 004, 附件1/2): sites and accounts with prominent
 * problems, with the period as subtitle and the sampling window as a note; an
 * empty list says "无".
 */
import { platformAsWritten } from '../../../../shared/format/platform';
import type { ExportAssessmentData, TargetKind } from '../model';
import type { AnnexSpec, TableBlock } from '../table-spec';
import { problemRows, type ProblemOverrides } from '../compute/problems';
import { periodTitle, samplingWindow } from '../compute/period';
import { incompleteWarning } from '../compute/results';

export const ZHANJIANG_ANNEX_TITLES: Record<TargetKind, string> = {
  website: '检查发现存在突出问题的政府网站名单',
  newmedia: '检查发现存在突出问题的政务新媒体名单',
};

/** The problem-list table of one kind. */
export function zhanjiangBlock(data: ExportAssessmentData, kind: TargetKind, overrides: ProblemOverrides = {}): TableBlock {
  const rows = problemRows(data, kind, overrides);
  if (kind === 'website') {
    return {
      columns: [
        { header: '序号', width: 5 },
        { header: '网站名称', width: 16, align: 'left' },
        { header: '主办单位', width: 14, align: 'left' },
        { header: '存在的突出问题', width: 22, align: 'left' },
      ],
      rows: rows.map((r, i) => [i + 1, r.target.name, r.target.unit, r.problem]),
      emptyText: '无',
    };
  }
  return {
    columns: [
      { header: '序号', width: 5 },
      { header: '新媒体名称', width: 12, align: 'left' },
      { header: '主办单位', width: 10, align: 'left' },
      { header: '第三方平台', width: 8 },
      { header: '存在的突出问题', width: 20, align: 'left' },
    ],
    rows: rows.map((r, i) => [i + 1, r.target.name, r.target.unit, platformAsWritten(r.target.platform), r.problem]),
    emptyText: '无',
  };
}

/** "（2021年第二季度）", "（2021年度）" or the custom period. */
export function periodSubtitle(data: ExportAssessmentData): string {
  return `（${periodTitle(data.meta)}）`;
}

/** "注：检查采样时间为2021年4月1日至7月5日", or undefined without a sampling window. */
export function samplingNote(data: ExportAssessmentData): string | undefined {
  const window = samplingWindow(data.meta);
  return window ? `注：检查采样时间为${window}` : undefined;
}

export interface ZhanjiangAnnexOptions {
  overrides?: ProblemOverrides;
  titles?: Partial<Record<TargetKind, string>>;
  subtitle?: string;
  note?: string;
}

/** Both lists (an empty list is still written, saying "无"). */
export function zhanjiangAnnexes(data: ExportAssessmentData, options: ZhanjiangAnnexOptions = {}): AnnexSpec[] {
  const kinds: TargetKind[] = ['website', 'newmedia'];
  const warning = incompleteWarning(data);
  return kinds.map((kind, i) => {
    const title = options.titles?.[kind] ?? ZHANJIANG_ANNEX_TITLES[kind];
    const note = options.note ?? samplingNote(data);
    return {
      label: `附件${i + 1}`,
      title,
      subtitle: options.subtitle ?? periodSubtitle(data),
      blocks: [zhanjiangBlock(data, kind, options.overrides)],
      ...(note ? { note } : {}),
      ...(warning ? { warning } : {}),
      sheetName: `附件${i + 1} ${kind === 'website' ? '问题网站名单' : '问题新媒体名单'}`,
    };
  });
}
