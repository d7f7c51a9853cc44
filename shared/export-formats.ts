/** Every document Kaoping exports; the CLI, the API contract and the exporters share this list. */
export const EXPORT_FORMATS = [
  'annex-chaozhou',
  'annex-zhanjiang',
  'targets',
  'detail',
  'circular-chaozhou',
  'circular-zhanjiang',
  'evidence-pack',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What a reviewer calls each document: the UI's labels and the names of exported files. */
export const EXPORT_TITLES: Record<ExportFormat, string> = {
  'annex-chaozhou': '附件表格（潮州格式）',
  'annex-zhanjiang': '突出问题清单（湛江格式）',
  targets: '考评对象名单',
  detail: '评分明细',
  'circular-chaozhou': '通报初稿（潮州格式）',
  'circular-zhanjiang': '通报初稿（湛江格式）',
  'evidence-pack': '证据包',
};
