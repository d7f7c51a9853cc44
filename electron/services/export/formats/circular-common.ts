/** Pieces shared by both circular formats: template paragraphs → body blocks, options, dates. */
import { formatChineseDate } from '../../../../shared/format/date';
import type { BodyBlock, OfficialDocSpec } from '../docx/document';
import type { AnnexSpec } from '../table-spec';
import { fill, type CircularTemplate, type TemplateParagraph, type Vars } from '../templates';
import type { ProblemOverrides } from '../compute/problems';

export interface CircularOptions {
  /** 成文日期 (ISO date or Date); defaults to today. */
  date?: string | Date;
  /** 印发日期; defaults to the 成文日期. */
  printDate?: string | Date;
  /** 发文字号, e.g. "湛府办〔2021〕16号"; left blank for the office when absent. */
  docNumber?: string;
  /** An edited template file instead of the bundled one. */
  templateFile?: string;
  /** Edited problem texts by target id (Zhanjiang). */
  problemOverrides?: ProblemOverrides;
  /** 整改报送期限 for the Zhanjiang closing paragraph, ISO date; defaults to 成文日期 + 7 days. */
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

/** Assembles the document spec around a computed body. */
export function circularSpec(
  template: CircularTemplate,
  vars: Vars,
  body: BodyBlock[],
  annexes: AnnexSpec[],
  options: CircularOptions,
): OfficialDocSpec {
  const f = (t: string) => fill(t, vars, template.file);
  const date = options.date ?? (options.now ?? (() => new Date()))();
  const copyTo = template.copyTo ? f(template.copyTo) : '';
  return {
    issuerMark: f(template.issuerMark),
    docNumber: options.docNumber ?? '',
    title: f(template.title),
    addressee: f(template.addressee),
    body: [{ kind: 'paragraph', text: f(template.intro) }, ...body],
    attachments: annexes.map((a) => a.title),
    signature: f(template.signature),
    date: formatChineseDate(date),
    ...(template.note ? { note: f(template.note) } : {}),
    colophon: {
      ...(copyTo ? { copyTo } : {}),
      printedBy: f(template.printedBy),
      printDate: formatChineseDate(options.printDate ?? date),
    },
    annexes,
  };
}

/** Names joined with a separator, cut to `max` with "等" so a sentence stays readable. */
export function nameList(names: readonly string[], separator: string, max = Number.MAX_SAFE_INTEGER): string {
  const unique = [...new Set(names)];
  return unique.length > max ? `${unique.slice(0, max).join(separator)}等` : unique.join(separator);
}
