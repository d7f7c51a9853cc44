import { z } from 'zod';
import { call } from './define';
import { EXPORT_FORMATS } from '../export-formats';
import { TARGET_SORTS } from './views';
import type {
  AppInfo,
  AssessmentOverview,
  AssessmentSummary,
  TargetDelta,
  ExportResult,
  FindingsImportView,
  ImportPreview,
  MonitorStatusView,
  RulesetSummary,
  SelfEvalDiffView,
  SelfEvalImportView,
  VerifyView,
  ExportPreviewView,
  SettingRowView,
  RulesetDocumentView,
  RulesetLibraryRow,
  RulesetSavedView,
} from './views';
import type { AccountFormView, CheckRunView, EvidenceView, FindingView, TargetReviewView } from './review';
import type { BrowserStateView } from './browser';
import { ANNOTATION_MAX_SHAPES, annotationShapeSchema } from './annotation';
import { CHECK_NAMES, type CheckName } from '../checks/check-names';
import type { RulesetChange, RulesetVersionRow } from './views';
import type { FeedbackResultView, ReviewRequestView } from './review-requests';
import type { CheckNoteView } from '../checks/notes';

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
/** A ruleset id ("zhanjiang-2021", "my-scheme@3"). */
const rulesetRef = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9-]+(@\d+)?$/u, '考评方案编号只能用小写字母、数字和连字符');
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
/** A target list, with the class the person importing picked for headings that do not name one. */
const targetsUpload = upload.extend({ classMap: z.record(z.string().max(200), z.string().max(200)).optional() });
const id = z.number().int().positive();
const ofTarget = z.object({ id: assessmentId, targetId: id }).strict();
const reason = z.string().trim().max(500);
const note = z.string().max(2000);
const rect = z
  .object({
    x: z.number().min(0),
    y: z.number().min(0),
    width: z.number().positive().max(20000),
    height: z.number().positive().max(100000),
  })
  .strict();
const webUrl = z
  .string()
  .trim()
  .min(1, '请输入网址')
  .max(2000)
  .refine((u) => /^https?:\/\//iu.test(u) || !/^[a-z][a-z0-9+.-]*:/iu.test(u), '只能打开 http 或 https 网址');
/** A calendar day "YYYY-MM-DD" (sending and receiving dates of the review round). */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, '日期应为 YYYY-MM-DD');
/** One user action (a draft saved, a suggestion confirmed): a repeat with the same id gets the first result. */
const actionId = z.string().regex(/^[\w:.-]{8,100}$/u, '操作编号不合规');
const answer = z.union([z.string().max(2000), z.number(), z.boolean(), z.array(id).max(100), z.null()]);
/** Search, filters and order of the paged overview (issue 19). */
const targetQuery = z
  .object({
    text: z.string().trim().max(100).optional(),
    classId: z.string().max(80).optional(),
    kind: z.enum(['website', 'account']).optional(),
    hasUrl: z.boolean().optional(),
    status: z.enum(['todo', 'done']).optional(),
    suggested: z.boolean().optional(),
    veto: z.boolean().optional(),
    grade: z.string().max(20).optional(),
    sort: z.enum(TARGET_SORTS).optional(),
    desc: z.boolean().optional(),
  })
  .strict();
/** What a review action returns beside its result: the change for the lists. */
type WithDelta<T> = T & { delta: TargetDelta };

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
        // Issue 14: the document facts and grade lines known at creation (all optional).
        region: z.string().trim().max(40).optional(),
        issuer: z.string().trim().max(60).optional(),
        grades: z.string().trim().max(500).optional(),
        period: z.string().trim().max(40).optional(),
        monitoringDate: z.string().trim().max(10).optional(),
      })
      .strict(),
  ).returns<AssessmentSummary>(),
  'assessment/overview': call(
    z
      .object({
        id: assessmentId,
        query: targetQuery.optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
  ).returns<AssessmentOverview>(),
  'assessment/verify': call(byId).returns<VerifyView>(),
  'targets/previewImport': call(targetsUpload).returns<ImportPreview>(),
  'targets/import': call(targetsUpload).returns<ImportPreview>(),
  'selfeval/template': call(z.object({ id: assessmentId, targetId: z.number().int().positive() }).strict()).returns<ExportResult>(),
  'selfeval/import': call(uploadOf(/\.xlsx$/iu, '自评表只支持 .xlsx 文件')).returns<SelfEvalImportView>(),
  'selfeval/diff': call(byId).returns<SelfEvalDiffView[]>(),
  'selfeval/exportDiff': call(byId).returns<ExportResult>(),
  'exports/preview': call(z.object({ id: assessmentId, format: z.enum(EXPORT_FORMATS) }).strict()).returns<ExportPreviewView>(),
  'exports/create': call(z.object({ id: assessmentId, format: z.enum(EXPORT_FORMATS) }).strict()).returns<ExportResult>(),

  // The review workspace: one target's checklist with live scores, findings and evidence.
  'review/target': call(ofTarget).returns<TargetReviewView>(),
  'review/markReviewed': call(
    z.object({ id: assessmentId, targetId: id, indicatorId: z.string().min(1), reviewed: z.boolean() }).strict(),
  ).returns<WithDelta<{ reviewed: number; total: number }>>(),
  'findings/add': call(
    z
      .object({
        id: assessmentId,
        targetId: id,
        indicatorId: z.string().min(1),
        rule: id,
        count: id.max(100000),
        note: note.optional(),
        evidenceIds: z.array(id).max(100).optional(),
        actionId,
      })
      .strict(),
  ).returns<WithDelta<FindingView>>(),
  'findings/update': call(
    z
      .object({
        id: assessmentId,
        findingId: id,
        rule: id.optional(),
        count: id.max(100000).optional(),
        note: note.optional(),
        status: z.enum(['suggested', 'confirmed', 'dismissed']).optional(),
        reason: reason.optional(),
        actionId: actionId.optional(),
      })
      .strict(),
  ).returns<WithDelta<FindingView>>(),
  'findings/delete': call(
    z.object({ id: assessmentId, findingId: id, reason: reason.min(1, '请填写删除原因'), actionId: actionId.optional() }).strict(),
  ).returns<WithDelta<{ deleted: number; targetId?: number }>>(),
  'findings/previewImport': call(upload).returns<FindingsImportView>(),
  'findings/import': call(upload).returns<FindingsImportView>(),
  'findings/restore': call(
    z.object({ id: assessmentId, findingId: id, reason: reason.min(1, '请填写恢复原因'), actionId }).strict(),
  ).returns<WithDelta<FindingView>>(),
  'findings/linkEvidence': call(
    z.object({ id: assessmentId, findingId: id, evidenceId: id, actionId: actionId.optional() }).strict(),
  ).returns<FindingView>(),
  'evidence/capture': call(
    z
      .object({
        id: assessmentId,
        targetId: id,
        indicatorId: z.string().min(1),
        findingId: id.optional(),
        mode: z.enum(['visible', 'fullpage', 'region', 'mhtml']),
        region: rect.optional(),
        actionId: actionId.optional(),
      })
      .strict(),
  ).returns<EvidenceView>(),
  'evidence/annotate': call(
    z.object({ id: assessmentId, evidenceId: id, shapes: z.array(annotationShapeSchema).min(1).max(ANNOTATION_MAX_SHAPES) }).strict(),
  ).returns<EvidenceView>(),
  'evidence/import': call(
    z
      .object({
        id: assessmentId,
        targetId: id,
        indicatorId: z.string().min(1).optional(),
        findingId: id.optional(),
        fileName: z.string().min(1).max(200),
        contentBase64: z.string().max(28_000_000, '图片过大（最大 20 MB）'),
        actionId: actionId.optional(),
      })
      .strict(),
  ).returns<EvidenceView>(),
  'evidence/download': call(
    z
      .object({
        id: assessmentId,
        targetId: id,
        indicatorId: z.string().min(1).optional(),
        findingId: id.optional(),
        url: webUrl,
        actionId: actionId.optional(),
      })
      .strict(),
  ).returns<EvidenceView>(),
  'evidence/remove': call(
    z.object({ id: assessmentId, evidenceId: id, reason: reason.min(1, '请填写移除原因'), actionId: actionId.optional() }).strict(),
  ).returns<{ removed: number }>(),
  'evidence/verify': call(z.object({ id: assessmentId, evidenceId: id }).strict()).returns<{
    ok: boolean;
    sha256: string;
    actual: string | null;
  }>(),

  // The embedded browser (a WebContentsView in the desktop app, headless Chromium in browser mode).
  'browser/open': call(ofTarget).returns<BrowserStateView>(),
  'browser/navigate': call(z.object({ url: webUrl }).strict()).returns<BrowserStateView>(),
  'browser/go': call(z.object({ action: z.enum(['back', 'forward', 'reload', 'stop', 'home']) }).strict()).returns<BrowserStateView>(),
  'browser/device': call(
    z.object({ preset: z.enum(['desktop', 'laptop', 'mobile']), zoom: z.number().min(0.25).max(3) }).strict(),
  ).returns<BrowserStateView>(),
  'browser/state': call(empty).returns<BrowserStateView>(),
  'browser/frame': call(empty).returns<{ jpegBase64: string; width: number; height: number } | null>(),
  'browser/input': call(
    z
      .object({
        event: z.union([
          z.object({ type: z.literal('click'), x: z.number(), y: z.number() }).strict(),
          z.object({ type: z.literal('scroll'), x: z.number(), y: z.number(), dx: z.number(), dy: z.number() }).strict(),
          z.object({ type: z.literal('key'), key: z.string().min(1).max(20) }).strict(),
          z.object({ type: z.literal('text'), text: z.string().min(1).max(500) }).strict(),
          z.object({ type: z.literal('ime'), text: z.string().max(500) }).strict(),
        ]),
      })
      .strict(),
  ).returns<BrowserStateView>(),
  'browser/bounds': call(z.object({ rect: rect.nullable(), fit: z.boolean().optional() }).strict()).returns<{ ok: true }>(),

  // Automated checks: suggestions only, with progress and cancel.
  'checks/start': call(
    z
      .object({
        id: assessmentId,
        targetIds: z.array(id).min(1).max(5000),
        only: z
          .array(z.enum(CHECK_NAMES as [CheckName, ...CheckName[]]))
          .min(1)
          .optional(),
      })
      .strict(),
  ).returns<{ runId: string }>(),
  'checks/status': call(z.object({ runId: z.string().min(1).max(64) }).strict()).returns<CheckRunView>(),
  'checks/cancel': call(z.object({ runId: z.string().min(1).max(64) }).strict()).returns<CheckRunView>(),
  'checks/notes': call(z.object({ id: assessmentId, targetId: id }).strict()).returns<CheckNoteView[]>(),

  // Availability monitoring on a background schedule.
  'monitor/start': call(
    z
      .object({
        id: assessmentId,
        days: z.number().positive().max(31),
        perDay: z.number().int().min(1).max(1440),
        timeoutSeconds: z.number().int().min(1).max(120),
      })
      .strict(),
  ).returns<MonitorStatusView>(),
  'monitor/status': call(byId).returns<MonitorStatusView>(),
  'monitor/stop': call(byId).returns<MonitorStatusView>(),

  // The new-media review form of one account.
  'newmedia/form': call(ofTarget).returns<AccountFormView>(),
  'newmedia/save': call(
    z.object({ id: assessmentId, targetId: id, answers: z.record(z.string().max(40), answer) }).strict(),
  ).returns<AccountFormView>(),

  // The feedback and review round (反馈与复核): preliminary results per unit, review requests, decisions through findings.
  'feedback/create': call(z.object({ id: assessmentId, sentOn: isoDay.optional() }).strict()).returns<FeedbackResultView>(),
  'reviewRequests/list': call(byId).returns<ReviewRequestView[]>(),
  'reviewRequests/add': call(
    z
      .object({
        id: assessmentId,
        targetId: id,
        indicators: z.array(z.string().min(1).max(200)).min(1, '请至少选择一个有异议的指标').max(50),
        reason: z.string().trim().min(1, '请填写单位提出复核的理由').max(2000),
        receivedOn: isoDay.optional(),
        attachments: z
          .array(
            z
              .object({ fileName: z.string().min(1).max(200), contentBase64: z.string().max(28_000_000, '附件过大（最大 20 MB）') })
              .strict(),
          )
          .max(10)
          .optional(),
      })
      .strict(),
  ).returns<ReviewRequestView>(),
  'reviewRequests/decide': call(
    z
      .object({
        id: assessmentId,
        requestId: id,
        indicatorId: z.string().min(1).max(200),
        decision: z.enum(['accepted', 'rejected']),
        reason: z.string().trim().min(1, '请填写决定理由').max(2000),
        withdraw: z.array(id).max(100).optional(),
        setCount: z
          .array(z.object({ findingId: id, count: id.max(100000) }).strict())
          .max(100)
          .optional(),
        add: z
          .array(z.object({ rule: id, count: id.max(100000), note: note.optional() }).strict())
          .max(20)
          .optional(),
      })
      .strict(),
  ).returns<ReviewRequestView>(),
  'reviewRequests/exportOutcomes': call(byId).returns<ExportResult>(),
  // Assessment settings (issue 14): period, sampling window, document facts, grade lines, ranking, numbers.
  'assessment/settings': call(byId).returns<SettingRowView[]>(),
  'assessment/updateSettings': call(
    z.object({ id: assessmentId, values: z.record(z.string().max(40), z.string().max(2000)) }).strict(),
  ).returns<SettingRowView[]>(),
  // The monitoring date (监测时间点) freshness is judged at: stored on the assessment.
  'checks/monitoringDate': call(byId).returns<{ date: string | null; today: string }>(),
  'checks/setMonitoringDate': call(z.object({ id: assessmentId, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u) }).strict()).returns<{
    date: string;
  }>(),

  // The workspace's ruleset library (issue 16): import, edit, version, copy; adoption by an assessment.
  'rulesets/library': call(empty).returns<RulesetLibraryRow[]>(),
  'rulesets/get': call(
    z.object({ rulesetId: rulesetRef, version: z.number().int().positive().optional() }).strict(),
  ).returns<RulesetDocumentView>(),
  'rulesets/importFile': call(
    z
      .object({
        fileName: z
          .string()
          .min(1)
          .max(200)
          .regex(/\.(docx|xlsx|json)$/iu, '只支持方案原文 .docx、指标表 .xlsx 或考评方案 .json'),
        contentBase64: z.string().max(8_000_000, '文件过大'),
        rulesetId: rulesetRef.optional(),
        name: z.string().trim().min(1).max(100).optional(),
        classes: z.string().max(2000).optional(),
      })
      .strict(),
  ).returns<RulesetSavedView & { report: unknown }>(),
  'rulesets/save': call(
    z.object({ ruleset: z.record(z.string(), z.unknown()), note: z.string().trim().max(500) }).strict(),
  ).returns<RulesetSavedView>(),
  'rulesets/copy': call(
    z.object({ from: rulesetRef, rulesetId: rulesetRef, name: z.string().trim().min(1).max(100).optional() }).strict(),
  ).returns<RulesetSavedView>(),
  'assessment/rulesetStatus': call(byId).returns<{ rulesetId: string; libraryVersion: number | null; latest: number | null }>(),
  'assessment/adoptRuleset': call(
    z.object({ id: assessmentId, version: z.number().int().positive(), reason: reason.min(1, '请填写采用新版本的原因') }).strict(),
  ).returns<{ from: string; to: string }>(),
  // Ruleset versions (issue 16): list, compare, save an older version as the newest.
  'rulesets/versions': call(z.object({ rulesetId: rulesetRef }).strict()).returns<RulesetVersionRow[]>(),
  'rulesets/diff': call(
    z.object({ rulesetId: rulesetRef, from: z.number().int().positive(), to: z.number().int().positive() }).strict(),
  ).returns<RulesetChange[]>(),
  'rulesets/saveVersionAs': call(
    z.object({ rulesetId: rulesetRef, version: z.number().int().positive(), note: z.string().trim().max(500) }).strict(),
  ).returns<RulesetSavedView>(),
  // The ids of the targets matching an overview query, all pages (e.g. every website to check).
  'assessment/targetIds': call(z.object({ id: assessmentId, query: targetQuery }).strict()).returns<number[]>(),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;

/** True when `name` is a call of the contract (guards both transports). */
export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
