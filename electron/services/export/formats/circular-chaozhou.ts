/**
 * The Chaozhou annual-results circular (seed 002): figures and grade lists computed
 * from the scores, fixed text from resources/templates/circular-chaozhou.json, the
 * two result tables as annexes.
 */
import { chineseNumeral } from '../../../../shared/format/date';
import type { BodyBlock, OfficialDocSpec } from '../docx/document';
import type { ExportAssessmentData } from '../model';
import { loadTemplate, fill, phrase, type CircularTemplate, type Vars } from '../templates';
import { GRADE_ORDER, gradeCounts, resultsByClass, type ClassResults } from '../compute/results';
import { chaozhouAnnexes } from './annex-chaozhou';
import { circularSpec, nameList, paragraphs, type CircularOptions } from './circular-common';

/** Units with a section score under 60% of its maximum, per section — "在…方面" sentences. */
function sectionWeaknesses(template: CircularTemplate, classes: readonly ClassResults[]): string {
  const sentences: string[] = [];
  const seen = new Set<string>();
  for (const { cls, rows } of classes) {
    for (const section of cls.sections) {
      if (seen.has(section.name) || section.max <= 0) continue;
      const weak = rows.filter((r) => (r.score.sections[section.id] ?? 0) < section.max * 0.6).map((r) => r.target.unit || r.target.name);
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
      const names = rows.filter((r) => (r.score.veto ? '不合格' : r.score.grade) === grade).map((r) => r.target.unit || r.target.name);
      if (names.length === 0) continue;
      out.push({
        kind: 'paragraph',
        text: phrase(template, 'gradeLine', { grade, names: nameList(names, phrase(template, 'nameSeparator')) }),
      });
    }
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
    .map(({ cls, rows }) => phrase(template, 'classCountItem', { className: cls.name, count: rows.length }))
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
  const base: Vars = { issuer: data.meta.issuer, year: data.meta.year, region: data.meta.region, classCounts };
  return {
    ...base,
    targetSummary: phrase(template, 'targetSummary', base),
    classSummary: classCounts,
    sectionWeaknesses: sectionWeaknesses(template, classes),
    gradeNames: GRADE_ORDER.join('、'),
    gradeCount: chineseNumeral(GRADE_ORDER.length),
    gradeCountSentences: gradeSentences,
    noFailSentence: anyFail ? '' : phrase(template, 'noFailSentence'),
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
  return circularSpec(template, vars, body, annexes, options);
}
