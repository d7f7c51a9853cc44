/**
 * The Zhanjiang inspection circular (seed 004): counts and pass rates per class,
 * the main problems naming the units, fixed text from
 * resources/templates/circular-zhanjiang.json, the two problem lists as annexes.
 * The period (annual, quarter, custom), sampling window and rectification deadline
 * come from the assessment's settings.
 */
import { chineseNumeral, formatChineseMonthDay } from '../../../../shared/format/date';
import { formatPercent } from '../../../../shared/format/number';
import type { BodyBlock, OfficialDocSpec } from '../docx/document';
import type { ExportAssessmentData, TargetKind } from '../model';
import { fill, loadTemplate, phrase, type CircularTemplate, type Vars } from '../templates';
import { isComplete, passed, resultsByClass, resultsOfKind, type ResultRow } from '../compute/results';
import { problemRows, type ProblemOverrides, type ProblemRow } from '../compute/problems';
import { periodTitle, samplingInBody, samplingWindow } from '../compute/period';
import { zhanjiangAnnexes } from './annex-zhanjiang';
import { circularSpec, commonVars, documentDate, nameList, paragraphs, type CircularOptions } from './circular-common';

const KIND_NAME: Record<TargetKind, string> = { website: '政府网站', newmedia: '政务新媒体' };

/** Pass rate over the targets whose results are final. */
function rate(rows: readonly ResultRow[]): string {
  const final = rows.filter((r) => isComplete(r.score));
  return formatPercent(final.filter((r) => passed(r.score)).length, final.length);
}

/** A phrase of the template, or `fallback` where an edited template predates it. */
function optionalPhrase(template: CircularTemplate, key: string, fallback: string, vars: Vars = {}): string {
  return template.phrases[key] === undefined ? fill(fallback, vars, template.file) : phrase(template, key, vars);
}

/** Computes the template variables of the Zhanjiang circular. */
export function zhanjiangVars(
  template: CircularTemplate,
  data: ExportAssessmentData,
  options: CircularOptions,
  websiteProblems: readonly ProblemRow[],
): Vars {
  const websiteClasses = resultsByClass(data, 'website').filter((c) => c.rows.length > 0);
  const websites = resultsOfKind(data, 'website');
  const accounts = resultsOfKind(data, 'newmedia', { accounts: true });
  const classCounts = websiteClasses
    .map(({ cls, rows }) => phrase(template, 'classCountItem', { className: cls.name, count: rows.length }))
    .join(phrase(template, 'classCountSeparator'));
  const classRates = websiteClasses
    .map(({ cls, rows }) => phrase(template, 'classPassRateItem', { className: cls.name, rate: rate(rows) }))
    .join(phrase(template, 'classPassRateSeparator'));
  const problems = nameList(
    websiteProblems.flatMap((p) => p.problem.split('；')),
    phrase(template, 'problemSummarySeparator'),
    3,
  );
  const date = new Date(documentDate(data, options));
  const deadline = options.rectifyDeadline ?? data.meta.settings?.rectifyBy ?? new Date(date.getTime() + 7 * 86400_000).toISOString();
  const title = periodTitle(data.meta);
  return {
    ...commonVars(data),
    issuer: data.meta.issuer,
    year: data.meta.year,
    region: data.meta.region,
    quarterCn: chineseNumeral(data.meta.quarter ?? 1),
    periodTitle: title,
    period: samplingInBody(data.meta),
    periodFull: samplingWindow(data.meta) ?? title,
    websiteCount: websites.length,
    websiteClassCounts: classCounts,
    websitePassRate: rate(websites),
    websiteClassPassRates:
      websiteClasses.length > 1 ? `${phrase(template, 'classPassRatePrefix')}${classRates}${phrase(template, 'classPassRateSuffix')}` : '',
    // No problem found: the sentence says none rather than inventing one.
    websiteProblemClause: problems ? optionalPhrase(template, 'websiteProblemClause', '，但仍存在{{problems}}等问题', { problems }) : '',
    websiteProblemSummary: problems || phrase(template, 'problemSummaryNone'),
    newmediaCount: accounts.length,
    newmediaPassRate: rate(accounts),
    rectifyDeadline: formatChineseMonthDay(deadline),
  };
}

/**
 * 主要问题: a paragraph per kind with problems, numbered in order; the kinds with
 * none are said once, together ("本次检查未发现存在突出问题的政府网站和政务新媒体。").
 */
function problemBlocks(template: CircularTemplate, websites: readonly ProblemRow[], accounts: readonly ProblemRow[]): BodyBlock[] {
  const sep = phrase(template, 'problemItemSeparator');
  const out: BodyBlock[] = [];
  const none: string[] = [];
  for (const [kind, rows] of [
    ['website', websites],
    ['newmedia', accounts],
  ] as const) {
    if (rows.length === 0) {
      none.push(KIND_NAME[kind]);
      continue;
    }
    const ordinal = chineseNumeral(out.length + 1);
    const lead = phrase(template, kind === 'website' ? 'websiteProblemsLead' : 'newmediaProblemsLead', { ordinal });
    const items = rows
      .map((r) =>
        phrase(template, kind === 'website' ? 'websiteProblemItem' : 'newmediaProblemItem', {
          name: r.target.name,
          unit: r.target.region ?? r.target.unit,
          platform: r.target.platform ?? '',
          problem: r.problem,
        }),
      )
      .join(sep);
    out.push({
      kind: 'paragraph',
      lead,
      text: phrase(template, kind === 'website' ? 'websiteProblemsText' : 'newmediaProblemsText', { count: rows.length, items }),
    });
  }
  if (none.length) out.push({ kind: 'paragraph', text: phrase(template, 'noProblemsText', { kindName: none.join('和') }) });
  return out;
}

/** Builds the circular's document spec. */
export function zhanjiangCircular(data: ExportAssessmentData, options: CircularOptions = {}): OfficialDocSpec {
  const template = loadTemplate('circular-zhanjiang', options.templateFile);
  const overrides: ProblemOverrides = options.problemOverrides ?? {};
  const websites = problemRows(data, 'website', overrides);
  const accounts = problemRows(data, 'newmedia', overrides);
  const vars = { ...zhanjiangVars(template, data, options, websites), ...options.vars };
  const titles = Object.fromEntries(template.annexes.map((a) => [a.kind, a.title]));
  const annexes = zhanjiangAnnexes(data, {
    overrides,
    titles,
    ...(template.annexSubtitle ? { subtitle: fill(template.annexSubtitle, vars, template.file) } : {}),
    ...(template.annexNote && data.meta.periodStart && data.meta.periodEnd ? { note: fill(template.annexNote, vars, template.file) } : {}),
  });
  const body: BodyBlock[] = [];
  for (const section of template.sections) {
    body.push({ kind: 'heading1', text: fill(section.heading, vars, template.file) });
    body.push(...paragraphs(section.paragraphs, vars, template.file));
    if (section.generated === 'problems') body.push(...problemBlocks(template, websites, accounts));
    if (section.after) body.push(...paragraphs(section.after, vars, template.file));
  }
  return circularSpec(template, vars, body, annexes, options, data);
}
