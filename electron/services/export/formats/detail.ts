/**
 * The detail workbook: per target every indicator with its score, every finding with
 * its notes, and every evidence file with URL, capture time and SHA-256 — the working
 * record behind the annexes.
 */
import { formatChinaDateTime } from '../../../../shared/format/date';
import type { ExportAssessmentData } from '../model';
import type { AnnexSpec } from '../table-spec';
import { gradeText, incompleteWarning, isComplete, rankCell, resultsByClass, scoreStyleOf } from '../compute/results';

const STATUS: Record<string, string> = { confirmed: '已确认', suggested: '待确认', dismissed: '已驳回' };

export function detailSheets(data: ExportAssessmentData): AnnexSpec[] {
  const targetName = new Map(data.targets.map((t) => [t.id, t.name]));
  // Every target as scored (accounts one by one, even where documents roll them up to units).
  const summaryRows = resultsByClass(data, undefined, { accounts: true }).flatMap(({ cls, rows }) =>
    rows.map(({ target, score }) => [
      cls.name,
      rankCell(score),
      target.name,
      target.unit,
      score.veto ? '是' : '否',
      score.vetoReasons.join('；'),
      cls.vetoOnly ? null : score.basic,
      cls.vetoOnly ? null : score.bonus,
      cls.vetoOnly || score.veto ? null : score.total,
      gradeText(score),
      isComplete(score) ? '已完成' : `暂计（${score.progress?.reviewed ?? 0}/${score.progress?.total ?? 0}）`,
      (score.explanation ?? []).join('\n'),
    ]),
  );
  const warning = incompleteWarning(data);
  const common = { scoreStyle: scoreStyleOf(data), ...(warning ? { warning } : {}) };
  const summary: AnnexSpec = {
    label: '',
    title: `${data.meta.name}得分汇总`,
    sheetName: '得分汇总',
    ...common,
    blocks: [
      {
        columns: [
          { header: '类别', width: 12, align: 'left' },
          { header: '排名', width: 4 },
          { header: '考评对象', width: 16, align: 'left' },
          { header: '主办单位', width: 14, align: 'left' },
          { header: '单项否决', width: 4 },
          { header: '否决原因', width: 20, align: 'left' },
          { header: '基本分', width: 6, decimals: true },
          { header: '加分', width: 6, decimals: true },
          { header: '总分', width: 6, decimals: true },
          { header: '等次', width: 4 },
          { header: '评审进度', width: 8 },
          { header: '计分说明', width: 40, align: 'left' },
        ],
        rows: summaryRows,
      },
    ],
  };
  const indicators: AnnexSpec = {
    label: '',
    title: '指标得分明细',
    sheetName: '指标明细',
    ...common,
    blocks: [
      {
        columns: [
          { header: '考评对象', width: 16, align: 'left' },
          { header: '一级指标', width: 10, align: 'left' },
          { header: '指标', width: 16, align: 'left' },
          { header: '得分', width: 6, decimals: true },
          { header: '满分', width: 6, decimals: true },
          { header: '说明', width: 30, align: 'left' },
        ],
        rows: (data.indicatorScores ?? []).map((s) => [
          targetName.get(s.targetId) ?? s.targetId,
          s.sectionName,
          s.indicatorName,
          s.score,
          s.max,
          s.note ?? '',
        ]),
      },
    ],
  };
  const evidenceRows = data.findings.flatMap((f) => {
    const base = [
      targetName.get(f.targetId) ?? f.targetId,
      f.indicatorName,
      STATUS[f.status] ?? f.status,
      f.veto ? '是' : '否',
      f.problem ?? f.ruleText ?? '',
      f.occurrences ?? null,
      f.points ?? null,
      f.note ?? '',
    ];
    if (f.evidence.length === 0) return [[...base, '', '', '', '']];
    return f.evidence.map((e) => [...base, e.path, e.url, formatChinaDateTime(e.capturedAt), e.sha256]);
  });
  const findings: AnnexSpec = {
    label: '',
    title: '问题与证据',
    sheetName: '问题与证据',
    ...common,
    blocks: [
      {
        columns: [
          { header: '考评对象', width: 16, align: 'left' },
          { header: '指标', width: 14, align: 'left' },
          { header: '状态', width: 6 },
          { header: '否决', width: 4 },
          { header: '问题', width: 24, align: 'left' },
          { header: '次数', width: 4 },
          { header: '扣分', width: 5, decimals: true },
          { header: '备注', width: 16, align: 'left' },
          { header: '证据文件', width: 20, align: 'left' },
          { header: '网址', width: 24, align: 'left' },
          { header: '取证时间', width: 18 },
          { header: 'SHA-256', width: 66, align: 'left' },
        ],
        rows: evidenceRows,
      },
    ],
  };
  return [summary, indicators, findings];
}
