/**
 * Reads an assessment for export from a folder. Until the store lands this reads
 * `export-data.json` (the ExportAssessmentData shape, validated here); from-store
 * adapters plug in through `loadExportData`'s `fromStore` parameter.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KaopingError } from '../../../shared/errors';
import type { ExportAssessmentData } from './model';

const kind = z.enum(['website', 'newmedia']);
const evidence = z.object({
  id: z.string(),
  path: z.string(),
  url: z.string(),
  capturedAt: z.string(),
  sha256: z.string(),
  title: z.string().optional(),
  kind: z.string().optional(),
});

export const exportDataSchema = z.object({
  meta: z.object({
    name: z.string(),
    year: z.number().int(),
    quarter: z.number().int().min(1).max(4).optional(),
    region: z.string(),
    issuer: z.string(),
    periodStart: z.string().optional(),
    periodEnd: z.string().optional(),
    period: z.string().optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
  }),
  classes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind,
      vetoOnly: z.boolean().optional(),
      byUnit: z.boolean().optional(),
      sections: z.array(z.object({ id: z.string(), name: z.string(), max: z.number() })),
    }),
  ),
  targets: z.array(
    z.object({
      id: z.string(),
      kind,
      classId: z.string(),
      name: z.string(),
      unit: z.string(),
      url: z.string().optional(),
      platform: z.string().optional(),
      identifier: z.string().optional(),
      region: z.string().optional(),
    }),
  ),
  scores: z.array(
    z.object({
      targetId: z.string(),
      veto: z.boolean(),
      vetoReasons: z.array(z.string()),
      sections: z.record(z.string(), z.number()),
      basic: z.number(),
      bonus: z.number(),
      total: z.number(),
      grade: z.string().nullable(),
      rank: z.number().int().nullable(),
      complete: z.boolean().optional(),
      progress: z.object({ reviewed: z.number(), total: z.number() }).optional(),
      explanation: z.array(z.string()).optional(),
    }),
  ),
  findings: z.array(
    z.object({
      id: z.string(),
      targetId: z.string(),
      indicatorId: z.string(),
      indicatorName: z.string(),
      sectionName: z.string().optional(),
      ruleText: z.string().optional(),
      problem: z.string().optional(),
      note: z.string().optional(),
      occurrences: z.number().optional(),
      points: z.number().optional(),
      status: z.enum(['confirmed', 'suggested', 'dismissed']),
      veto: z.boolean(),
      evidence: z.array(evidence),
    }),
  ),
  indicatorScores: z
    .array(
      z.object({
        targetId: z.string(),
        indicatorId: z.string(),
        indicatorName: z.string(),
        sectionName: z.string(),
        score: z.number(),
        max: z.number(),
        note: z.string().optional(),
      }),
    )
    .optional(),
  evidenceRoot: z.string().optional(),
});

export const EXPORT_DATA_FILE = 'export-data.json';

/** Parses export data, with a Chinese error naming the file and the first bad field. */
export function parseExportData(raw: unknown, source: string): ExportAssessmentData {
  const parsed = exportDataSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new KaopingError('export-data-invalid', `${source} 格式不正确：字段 ${issue.path.join('.')} ${issue.message}`);
  }
  return parsed.data as ExportAssessmentData;
}

/**
 * Loads an assessment folder. `fromStore` (when given) is tried first and returns
 * undefined for folders it does not recognise.
 */
export function loadExportData(dir: string, fromStore?: (dir: string) => ExportAssessmentData | undefined): ExportAssessmentData {
  const stored = fromStore?.(dir);
  if (stored) return stored;
  const file = path.join(dir, EXPORT_DATA_FILE);
  if (!existsSync(file)) throw new KaopingError('export-no-data', `目录 ${dir} 中没有可导出的考评数据（找不到 ${EXPORT_DATA_FILE}）`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KaopingError('export-data-unreadable', `无法读取 ${file}：${error instanceof Error ? error.message : String(error)}`);
  }
  const data = parseExportData(raw, file);
  return { ...data, evidenceRoot: path.resolve(dir, data.evidenceRoot ?? 'evidence') };
}
