import { z } from 'zod';
import { call } from './define';
import { EXPORT_FORMATS } from '../export-formats';
import type { AppInfo, AssessmentOverview, AssessmentSummary, ExportResult, ImportPreview, RulesetSummary, SelfEvalDiffView, SelfEvalImportView, VerifyView, ExportPreviewView } from './views';

/** An assessment folder name inside the workspace: no separators, no dot-dot. */
export const assessmentId = z
  .string()
  .min(1)
  .max(120)
  // Control characters are refused too: they are never part of a folder we created.
  // eslint-disable-next-line no-control-regex
  .regex(/^[^/\\:*?"<>|\u0000-\u001f]+$/u, '考评编号含有非法字符')
  .refine((s) => s !== '.' && s !== '..', '考评编号非法');

const empty = z.object({}).strict();
const byId = z.object({ id: assessmentId }).strict();
/** A spreadsheet the reviewer picked, carried as base64 (at most 6 MB of file). */
const uploadOf = (pattern: RegExp, message: string) =>
  z
    .object({
      id: assessmentId,
      fileName: z.string().min(1).max(200).regex(pattern, message),
      contentBase64: z.string().max(8_000_000, '文件过大'),
    })
    .strict();
const upload = uploadOf(/\.(xlsx|csv)$/iu, '只支持 .xlsx 或 .csv 文件');


/**
 * Every call the renderer may make, as 'feature/verb'. The preload bridge, the
 * HTTP bridge, the handler table and the renderer's client are all derived from
 * this one object.
 */
export const contract = {
  'app/info': call(empty).returns<AppInfo>(),
  'rulesets/list': call(empty).returns<RulesetSummary[]>(),
  'assessments/list': call(empty).returns<AssessmentSummary[]>(),
  'assessments/create': call(
    z
      .object({
        name: z.string().trim().min(1, '请填写考评名称').max(100),
        year: z.number().int().min(2000).max(2100),
        rulesetId: z.string().min(1),
      })
      .strict(),
  ).returns<AssessmentSummary>(),
  'assessment/overview': call(byId).returns<AssessmentOverview>(),
  'assessment/verify': call(byId).returns<VerifyView>(),
  'targets/previewImport': call(upload).returns<ImportPreview>(),
  'targets/import': call(upload).returns<ImportPreview>(),
  'selfeval/template': call(z.object({ id: assessmentId, targetId: z.number().int().positive() }).strict()).returns<ExportResult>(),
  'selfeval/import': call(uploadOf(/\.xlsx$/iu, '自评表只支持 .xlsx 文件')).returns<SelfEvalImportView>(),
  'selfeval/diff': call(byId).returns<SelfEvalDiffView[]>(),
  'selfeval/exportDiff': call(byId).returns<ExportResult>(),
  'exports/preview': call(z.object({ id: assessmentId, format: z.enum(EXPORT_FORMATS) }).strict()).returns<ExportPreviewView>(),
  'exports/create': call(z.object({ id: assessmentId, format: z.enum(EXPORT_FORMATS) }).strict()).returns<ExportResult>(),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;

/** True when `name` is a call of the contract (guards both transports). */
export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
