import { z } from 'zod';
import type { Indicator, Ruleset } from './types';
import { DETECT_IDS, type DetectId } from '../checks/detects';

const detectId = z.enum(DETECT_IDS as [DetectId, ...DetectId[]], { message: '未知的检查项（见 shared/checks/detects.ts）' });
const detectSpec = z.union(
  [
    detectId,
    z
      .object({
        check: detectId,
        atLeast: z.number().int().positive().optional(),
        unless: z.string().min(1).optional(),
        options: z.record(z.string(), z.union([z.boolean(), z.number(), z.string()])).optional(),
      })
      .strict(),
  ],
  { error: '未知的检查项或写法有误（见 shared/checks/detects.ts）' },
);

const applicability = z
  .object({
    kinds: z.array(z.enum(['website', 'account'])).optional(),
    classes: z.array(z.string()).optional(),
    attributes: z.record(z.string(), z.boolean()).optional(),
  })
  .strict();

const rule = z
  .object({
    n: z.number().int().positive(),
    text: z.string().min(1),
    kind: z.enum(['veto', 'fixed', 'per-occurrence', 'zero', 'percent', 'fixed-bonus', 'per-occurrence-bonus', 'tiered-bonus']),
    points: z.number().nonnegative().optional(),
    percent: z.number().positive().max(100).optional(),
    perOccurrence: z.boolean().optional(),
    cap: z.number().positive().optional(),
    tiers: z.array(z.object({ min: z.number().int().positive(), points: z.number().positive() }).strict()).optional(),
    problem: z.string().optional(),
    detects: z.array(detectSpec).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const needsPoints = ['fixed', 'per-occurrence', 'fixed-bonus', 'per-occurrence-bonus'].includes(r.kind);
    if (needsPoints && r.points === undefined) ctx.addIssue({ code: 'custom', message: `第 ${r.n} 条（${r.kind}）缺少 points` });
    if (r.kind === 'percent' && r.percent === undefined) ctx.addIssue({ code: 'custom', message: `第 ${r.n} 条（percent）缺少 percent` });
    if (r.kind === 'tiered-bonus' && !r.tiers?.length) ctx.addIssue({ code: 'custom', message: `第 ${r.n} 条（tiered-bonus）缺少 tiers` });
  });

const indicator: z.ZodType<Indicator> = z.lazy(() =>
  z
    .object({
      id: z.string().min(1),
      name: z.string().min(1),
      weight: z.number().nonnegative(),
      rules: z.array(rule),
      appliesTo: applicability.optional(),
      note: z.string().optional(),
      children: z.array(indicator).optional(),
    })
    .strict(),
);

const gradeBands = z.array(z.object({ name: z.string().min(1), min: z.number() }).strict()).min(1);

const section = z
  .object({
    id: z.string(),
    name: z.string(),
    max: z.number().nonnegative(),
    appliesTo: applicability.optional(),
    indicators: z.array(indicator),
  })
  .strict();

const part = z
  .object({
    id: z.string(),
    kind: z.enum(['veto', 'basic', 'bonus', 'negative']),
    name: z.string(),
    max: z.number().nonnegative(),
    appliesTo: applicability.optional(),
    sections: z.array(section),
  })
  .strict();

const pendingDecision = z
  .object({
    id: z.string().min(1),
    topic: z.enum(['rule-kind', 'transfer', 'basis', 'applicability', 'classes', 'weight', 'other']),
    indicatorId: z.string().optional(),
    rule: z.number().int().positive().optional(),
    text: z.string(),
    reason: z.string(),
    transfer: z
      .object({ from: z.string(), to: z.array(z.string()) })
      .strict()
      .optional(),
  })
  .strict();

/** The zod schema of a ruleset file; the loader adds the cross-checks zod cannot express. */
export const rulesetSchema: z.ZodType<Ruleset> = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/u),
    name: z.string(),
    version: z.string(),
    source: z.string(),
    classes: z
      .array(
        z
          .object({
            id: z.string(),
            label: z.string(),
            name: z.string(),
            kind: z.enum(['website', 'account']),
            defaults: z.record(z.string(), z.boolean()).optional(),
            title: z.string().min(1).optional(),
          })
          .strict(),
      )
      .min(1),
    parts: z.array(part).min(1),
    transfers: z.array(z.object({ from: z.string(), to: z.array(z.string()).min(1), when: applicability, note: z.string() }).strict()),
    normaliseBasic: z.boolean(),
    thresholds: z.object({ pass: z.number().optional(), bonusOnlyAbove: z.number().optional() }).strict(),
    grades: z
      .object({
        bands: z.array(z.object({ name: z.string(), min: z.number() }).strict()),
        failName: z.string(),
        configurable: z.boolean(),
        note: z.string().optional(),
        byKind: z.object({ website: gradeBands.optional(), account: gradeBands.optional() }).strict().optional(),
        byClass: z.record(z.string(), gradeBands).optional(),
      })
      .strict(),
    accountScoring: z.enum(['scored', 'veto-only']).optional(),
    ranking: z
      .object({ ties: z.enum(['shared', 'sequential']).optional() })
      .strict()
      .optional(),
    accountResults: z.enum(['account', 'unit']).optional(),
    // Library fields (issue 16).
    basedOn: z.string().optional(),
    libraryVersion: z.number().int().positive().optional(),
    pending: z.array(pendingDecision).optional(),
  })
  .strict();
