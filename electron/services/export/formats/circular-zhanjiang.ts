/**
 * The Zhanjiang quarterly-inspection circular (seed 004): counts and pass rates per
 * class, the main problems naming the units, fixed text from
 * resources/templates/circular-zhanjiang.json, the two problem lists as annexes.
 */
import { chineseNumeral, formatChineseDateRange, formatChineseMonthDay } from '../../../../shared/format/date';
import { formatPercent } from '../../../../shared/format/number';
import type { BodyBlock, OfficialDocSpec } from '../docx/document';
import type { ExportAssessmentData, TargetKind } from '../model';
import { fill, loadTemplate, phrase, type CircularTemplate, type Vars } from '../templates';
import { passed, resultsByClass, resultsOfKind, type ResultRow } from '../compute/results';
import { problemRows, type ProblemOverrides, type ProblemRow } from '../compute/problems';
import { zhanjiangAnnexes } from './annex-zhanjiang';
import { circularSpec, nameList, paragraphs, type CircularOptions } from './circular-common';

const KIND_NAME: Record<TargetKind, string> = { website: '政府网站', newmedia: '政务新媒体' };

function rate(rows: readonly ResultRow[]): string {
  return formatPercent(rows.filter((r) => passed(r.score)).length, rows.length);
}

function periodVars(data: ExportAssessmentData): Vars {
  const { periodStart, periodEnd } = data.meta;
  if (!periodStart || !periodEnd) return { period: '本季度', periodFull: '本季度' };
  const full = formatChineseDateRange(periodStart, periodEnd);
  const sameYear = periodStart.slice(0, 4) === periodEnd.slice(0, 4);
  return { period: sameYear ? `${formatChineseMonthDay(periodStart)}至${formatChineseMonthDay(periodEnd)}` : full, periodFull: full };
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
  const accounts = resultsOfKind(data, 'newmedia');
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
  const now = (options.now ?? (() => new Date()))();
  const date = options.date ? new Date(options.date) : now;
  const deadline = options.rectifyDeadline ?? new Date(date.getTime() + 7 * 86400_000).toISOString();
  return {
    issuer: data.meta.issuer,
    year: data.meta.year,
    region: data.meta.region,
    quarterCn: chineseNumeral(data.meta.quarter ?? 1),
    ...periodVars(data),
    websiteCount: websites.length,
    websiteClassCounts: classCounts,
    websitePassRate: rate(websites),
    websiteClassPassRates:
      websiteClasses.length > 1 ? `${phrase(template, 'classPassRatePrefix')}${classRates}${phrase(template, 'classPassRateSuffix')}` : '',
    websiteProblemSummary: problems || phrase(template, 'problemSummaryNone'),
    newmediaCount: accounts.length,
    newmediaPassRate: rate(accounts),
    rectifyDeadline: formatChineseMonthDay(deadline),
  };
}

function problemBlocks(template: CircularTemplate, websites: readonly ProblemRow[], accounts: readonly ProblemRow[]): BodyBlock[] {
  const sep = phrase(template, 'problemItemSeparator');
  const block = (kind: TargetKind, rows: readonly ProblemRow[]): BodyBlock => {
    const lead = phrase(template, kind === 'website' ? 'websiteProblemsLead' : 'newmediaProblemsLead');
    if (rows.length === 0) return { kind: 'paragraph', lead, text: phrase(template, 'noProblemsText', { kindName: KIND_NAME[kind] }) };
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
    return {
      kind: 'paragraph',
      lead,
      text: phrase(template, kind === 'website' ? 'websiteProblemsText' : 'newmediaProblemsText', { count: rows.length, items }),
    };
  };
  return [block('website', websites), block('newmedia', accounts)];
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
    ...(template.annexNote && data.meta.periodStart ? { note: fill(template.annexNote, vars, template.file) } : {}),
  });
  const body: BodyBlock[] = [];
  for (const section of template.sections) {
    body.push({ kind: 'heading1', text: fill(section.heading, vars, template.file) });
    body.push(...paragraphs(section.paragraphs, vars, template.file));
    if (section.generated === 'problems') body.push(...problemBlocks(template, websites, accounts));
    if (section.after) body.push(...paragraphs(section.after, vars, template.file));
  }
  return circularSpec(template, vars, body, annexes, options);
}
