/**
 * The Chaozhou annual-results circular (seed 002): figures and grade lists computed
 * from the scores, fixed text from resources/templates/circular-chaozhou.json, the
 * two result tables as annexes.
 */
import { chineseNumeral } from '../../../../shared/format/date';
import type { BodyBlock, OfficialDocSpec } from '../docx/document';
import type { ExportAssessmentData } from '../model';
import { loadTemplate, fill, phrase, type CircularTemplate, type Vars } from '../templates';
import { GRADE_ORDER, gradeCounts, isComplete, listName, resultsByClass, type ClassResults } from '../compute/results';
import { chaozhouAnnexes } from './annex-chaozhou';
import { circularSpec, commonVars, nameList, paragraphs, type CircularOptions } from './circular-common';

/** Units with a section score under 60% of its maximum, per section — "在…方面" sentences. */
function sectionWeaknesses(template: CircularTemplate, classes: readonly ClassResults[]): string {
  const sentences: string[] = [];
  const seen = new Set<string>();
  for (const { cls, rows } of classes) {
    for (const section of cls.sections) {
      if (seen.has(section.name) || section.max <= 0) continue;
      // Vetoed and provisional scores say nothing about a section's weakness.
      const weak = rows
        .filter((r) => isComplete(r.score) && !r.score.veto && (r.score.sections[section.id] ?? 0) < section.max * 0.6)
        .map((r) => r.target.unit || r.target.name);
      if (weak.length === 0) continue;
      seen.add(section.name);
      sentences.push(phrase(template, 'sectionWeakness', { section: section.name, targets: nameList(weak, '、', 3) }));
    }
  }
  return sentences.length ? `${sentences.join(phrase(template, 'sectionWeaknessSeparator'))}。` : phrase(template, 'sectionWeaknessNone');
}

function gradeListBlocks(template: CircularTemplate, classes: readonly ClassResults[]): BodyBlock[] {
  const out: BodyBlock[] = [];
  classes.forEach(({ cls, rows }, i) => {
    out.push({
      kind: 'heading2',
      text: phrase(template, 'classHeading', { ordinal: chineseNumeral(i + 1), className: cls.name, count: rows.length }),
    });
    for (const grade of GRADE_ORDER) {
      const names = rows
        .filter((r) => isComplete(r.score) && (r.score.veto ? '不合格' : r.score.grade) === grade)
        .map((r) => listName(r.target));
      if (names.length === 0) continue;
      out.push({
        kind: 'paragraph',
        text: phrase(template, 'gradeLine', { grade, names: nameList(names, phrase(template, 'nameSeparator')) }),
      });
    }
    const open = rows.filter((r) => !isComplete(r.score));
    if (open.length)
      out.push({
        kind: 'paragraph',
        text: `尚未评审完毕（暂未评定等次）：${nameList(
          open.map((r) => listName(r.target)),
          phrase(template, 'nameSeparator'),
        )}。`,
      });
  });
  return out;
}

/** Computes the template variables of the Chaozhou circular. */
export function chaozhouVars(
  template: CircularTemplate,
  data: ExportAssessmentData,
  classes: readonly ClassResults[],
  annexCount: number,
): Vars {
  const classCounts = classes
    .map(({ cls, rows }) => {
      if (!cls.byUnit) return phrase(template, 'classCountItem', { className: cls.name, count: rows.length });
      // Seed 002: "全市政务新媒体 43 个（26 个市、县部门）".
      const accounts = data.targets.filter((t) => t.classId === cls.id).length;
      return `${phrase(template, 'classCountItem', { className: cls.name, count: accounts })}（${rows.length}个单位）`;
    })
    .join(phrase(template, 'classCountSeparator'));
  const gradeSentences = classes
    .map(({ cls, rows }) => {
      const counts = gradeCounts(rows).map((g) => phrase(template, 'gradeCountItem', { grade: g.grade, count: g.count }));
      return counts.length
        ? phrase(template, 'classGradeSentence', {
            count: rows.length,
            className: cls.name,
            gradeCounts: phrase(template, 'gradeCountPrefix') + counts.join('，'),
          })
        : '';
    })
    .join('');
  const anyFail = classes.some(({ rows }) => rows.some((r) => r.score.veto || r.score.grade === '不合格'));
  const anyOpen = classes.some(({ rows }) => rows.some((r) => !isComplete(r.score)));
  const base: Vars = { ...commonVars(data), issuer: data.meta.issuer, year: data.meta.year, region: data.meta.region, classCounts };
  return {
    ...base,
    targetSummary: phrase(template, 'targetSummary', base),
    classSummary: classCounts,
    sectionWeaknesses: sectionWeaknesses(template, classes),
    gradeNames: GRADE_ORDER.join('、'),
    gradeCount: chineseNumeral(GRADE_ORDER.length),
    gradeCountSentences: gradeSentences,
    // "全市无不合格…" only when every result is final.
    noFailSentence: anyFail || anyOpen ? '' : phrase(template, 'noFailSentence'),
    annexRange: Array.from({ length: annexCount }, (_, i) => i + 1).join('、'),
  };
}

/** Builds the circular's document spec. */
export function chaozhouCircular(data: ExportAssessmentData, options: CircularOptions = {}): OfficialDocSpec {
  const template = loadTemplate('circular-chaozhou', options.templateFile);
  const classes = resultsByClass(data).filter((c) => c.rows.length > 0);
  const titles = Object.fromEntries(template.annexes.map((a) => [a.kind, a.title]));
  const annexes = chaozhouAnnexes(data, titles);
  const vars = { ...chaozhouVars(template, data, classes, annexes.length), ...options.vars };
  const body: BodyBlock[] = [];
  for (const section of template.sections) {
    body.push({ kind: 'heading1', text: fill(section.heading, vars, template.file) });
    body.push(...paragraphs(section.paragraphs, vars, template.file));
    if (section.generated === 'gradeLists') body.push(...gradeListBlocks(template, classes));
    if (section.after) body.push(...paragraphs(section.after, vars, template.file));
  }
  return circularSpec(template, vars, body, annexes, options, data);
}
