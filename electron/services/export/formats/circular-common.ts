/** Pieces shared by both circular formats: template paragraphs → body blocks, options, dates, settings. */
import { formatChineseDate } from '../../../../shared/format/date';
import { breakTitle } from '../../../../shared/format/title-lines';
import type { BodyBlock, OfficialDocSpec } from '../docx/document';
import type { ExportAssessmentData } from '../model';
import type { AnnexSpec } from '../table-spec';
import { fill, type CircularTemplate, type TemplateParagraph, type Vars } from '../templates';
import type { ProblemOverrides } from '../compute/problems';
import { incompleteWarning } from '../compute/results';

export interface CircularOptions {
  /** 成文日期 (ISO date or Date); the assessment's setting, else today. */
  date?: string | Date;
  /** 印发日期; defaults to the 成文日期. */
  printDate?: string | Date;
  /** 发文字号, e.g. "湛府办〔2021〕16号"; the assessment's setting, else no line. */
  docNumber?: string;
  /** An edited template file instead of the bundled one. */
  templateFile?: string;
  /** Edited problem texts by target id (Zhanjiang). */
  problemOverrides?: ProblemOverrides;
  /** 整改报送期限 for the Zhanjiang closing paragraph, ISO date; the assessment's setting, else 成文日期 + 7 days. */
  rectifyDeadline?: string;
  /** Extra or replacement template variables. */
  vars?: Vars;
  now?: () => Date;
}

/** Template paragraphs (strings or lead+text) as body blocks. */
export function paragraphs(items: readonly TemplateParagraph[], vars: Vars, file: string): BodyBlock[] {
  return items.map((p) =>
    typeof p === 'string'
      ? { kind: 'paragraph', text: fill(p, vars, file) }
      : { kind: 'paragraph', lead: fill(p.lead, vars, file), text: fill(p.text, vars, file) },
  );
}

/** The 成文日期 in force: option, then the assessment's setting, then today. */
export function documentDate(data: ExportAssessmentData, options: CircularOptions): string | Date {
  return options.date ?? data.meta.settings?.date ?? (options.now ?? (() => new Date()))();
}

/**
 * Variables every circular template may use besides its own: the region's short
 * name for 抄送 items such as 驻湛各部队 (the setting, else the region's first character).
 */
export function commonVars(data: ExportAssessmentData): Vars {
  const region = data.meta.region.trim();
  return { regionShort: data.meta.settings?.regionShort ?? (region ? region.slice(0, 1) : '') };
}

/**
 * Assembles the document spec around a computed body. The assessment's settings
 * (主送, 抄送, 印发机关, 署名, 文号, dates, 公开方式, title breaks) win over the
 * template's defaults; options given for one export win over both.
 */
export function circularSpec(
  template: CircularTemplate,
  vars: Vars,
  body: BodyBlock[],
  annexes: AnnexSpec[],
  options: CircularOptions,
  data: ExportAssessmentData,
): OfficialDocSpec {
  const f = (t: string) => fill(t, vars, template.file);
  const s = data.meta.settings ?? {};
  const date = documentDate(data, options);
  const copyTo = s.copyTo ?? (template.copyTo ? f(template.copyTo) : '');
  const docNumber = options.docNumber ?? s.docNumber ?? '';
  const note = s.publicity ? `公开方式：${s.publicity}` : template.note ? f(template.note) : undefined;
  const warning = incompleteWarning(data);
  return {
    issuerMark: f(template.issuerMark),
    docNumber,
    title: breakTitle(s.title ?? f(template.title)).join('\n'),
    addressee: s.addressee ?? f(template.addressee),
    body: [...(warning ? [{ kind: 'warning' as const, text: warning }] : []), { kind: 'paragraph', text: f(template.intro) }, ...body],
    attachments: annexes.map((a) => a.title),
    signature: s.signature ?? f(template.signature),
    date: formatChineseDate(date),
    ...(note ? { note, notePlacement: template.notePlacement ?? 'colophon' } : {}),
    colophon: {
      ...(copyTo ? { copyTo } : {}),
      printedBy: s.printedBy ?? f(template.printedBy),
      printDate: formatChineseDate(options.printDate ?? s.printDate ?? date),
    },
    annexes,
  };
}

/** Names joined with a separator, cut to `max` with "等" so a sentence stays readable. */
export function nameList(names: readonly string[], separator: string, max = Number.MAX_SAFE_INTEGER): string {
  const unique = [...new Set(names)];
  return unique.length > max ? `${unique.slice(0, max).join(separator)}等` : unique.join(separator);
}
