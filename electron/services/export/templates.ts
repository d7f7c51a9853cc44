/**
 * Circular templates: every fixed phrase lives in resources/templates/*.json so the
 * office can edit it; `{{name}}` placeholders are filled from computed figures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { KaopingError } from '../../../shared/errors';
import { resourcesDir } from '../app-paths';
import type { TargetKind } from './model';

const paragraph = z.union([z.string(), z.object({ lead: z.string(), text: z.string() })]);
export type TemplateParagraph = z.infer<typeof paragraph>;

const circularTemplate = z.object({
  issuerMark: z.string(),
  title: z.string(),
  addressee: z.string(),
  intro: z.string(),
  sections: z.array(
    z.object({
      heading: z.string(),
      paragraphs: z.array(paragraph),
      generated: z.enum(['gradeLists', 'problems']).optional(),
      after: z.array(paragraph).optional(),
    }),
  ),
  phrases: z.record(z.string(), z.string()),
  annexes: z.array(z.object({ kind: z.enum(['website', 'newmedia']), title: z.string() })),
  annexSubtitle: z.string().optional(),
  annexNote: z.string().optional(),
  signature: z.string(),
  note: z.string().optional(),
  /** Where 公开方式 goes: under the date (seed 002) or above the 版记 (seed 004). */
  notePlacement: z.enum(['afterDate', 'colophon']).optional(),
  copyTo: z.string().optional(),
  printedBy: z.string(),
});

export type CircularTemplate = z.infer<typeof circularTemplate> & { file: string };
export type TemplateName = 'circular-chaozhou' | 'circular-zhanjiang';
export type { TargetKind };

/** Loads and validates a circular template (the bundled one unless `file` is given). */
export function loadTemplate(name: TemplateName, file?: string): CircularTemplate {
  const target = file ?? path.join(resourcesDir(), 'templates', `${name}.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(target, 'utf8'));
  } catch (error) {
    throw new KaopingError('template-unreadable', `无法读取通报模板 ${target}：${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = circularTemplate.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new KaopingError('template-invalid', `通报模板 ${target} 格式不正确：字段 ${issue.path.join('.')} ${issue.message}`);
  }
  return { ...parsed.data, file: target };
}

export type Vars = Record<string, string | number>;

/**
 * Fills `{{name}}` placeholders. An unknown name is an error naming the template file,
 * so a typo in an edited template is caught at export time instead of printed.
 */
export function fill(text: string, vars: Vars, file = '模板'): string {
  return text.replace(/\{\{\s*([^}\s]+)\s*\}\}/gu, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new KaopingError('template-variable', `模板 ${file} 中的变量 {{${key}}} 无法识别`);
    return String(value);
  });
}

/** A phrase from the template's `phrases` table, filled. */
export function phrase(template: CircularTemplate, key: string, vars: Vars = {}): string {
  const text = template.phrases[key];
  if (text === undefined) throw new KaopingError('template-phrase', `模板 ${template.file} 缺少短语 phrases.${key}`);
  return fill(text, vars, template.file);
}
