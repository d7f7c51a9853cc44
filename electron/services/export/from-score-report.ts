/**
 * Adapter from the scoring CLI's report (`kaoping score <dir> --json`, issue 3):
 * {"targets":[{"id","name","class","veto","vetoReasons","sections":[{"name","score","max"}],
 * "basic","bonus","total","grade","rank"}]} — so annexes and circulars can be exported from
 * the engine's output before the in-process store/engine types are wired in.
 * The report carries no units, URLs or findings: the name doubles as the unit, and
 * problem texts come from the veto reasons.
 */
import { z } from 'zod';
import { KaopingError } from '../../../shared/errors';
import type { ExportAssessmentData, ExportClass, ExportMeta, TargetKind } from './model';

const reportSchema = z.object({
  targets: z.array(
    z.object({
      id: z.union([z.string(), z.number()]).transform(String),
      name: z.string(),
      class: z.string(),
      kind: z.enum(['website', 'newmedia']).optional(),
      unit: z.string().optional(),
      url: z.string().optional(),
      platform: z.string().optional(),
      veto: z.boolean(),
      vetoReasons: z.array(z.string()).default([]),
      sections: z
        .array(
          z.object({
            id: z.string().optional(),
            part: z.enum(['basic', 'bonus', 'negative']).optional(),
            name: z.string(),
            score: z.number().nullable(),
            max: z.number(),
          }),
        )
        .default([]),
      basic: z.number().nullable().default(0),
      bonus: z.number().nullable().default(0),
      total: z.number().nullable(),
      grade: z.string().nullable().default(null),
      rank: z.number().int().nullable().default(null),
      complete: z.boolean().optional(),
      progress: z.object({ reviewed: z.number(), total: z.number() }).optional(),
    }),
  ),
});

/** New-media classes are recognised by name when the report does not say the kind. */
function guessKind(className: string): TargetKind {
  return /新媒体|账号|公众号|微博|客户端/u.test(className) ? 'newmedia' : 'website';
}

/** Converts a score report; `source` names the file in errors. */
export function fromScoreReport(raw: unknown, meta: ExportMeta, source = '评分结果'): ExportAssessmentData {
  const parsed = reportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new KaopingError('score-report-invalid', `${source} 不是有效的评分结果：字段 ${issue.path.join('.')} ${issue.message}`);
  }
  const classes = new Map<string, ExportClass>();
  const data: ExportAssessmentData = { meta, classes: [], targets: [], scores: [], findings: [] };
  for (const t of parsed.data.targets) {
    let cls = classes.get(t.class);
    if (!cls) {
      cls = { id: `class-${classes.size + 1}`, name: t.class, kind: t.kind ?? guessKind(t.class), sections: [] };
      classes.set(t.class, cls);
    }
    const sections: Record<string, number> = {};
    for (const s of t.sections) {
      // Annex columns are the basic part's sections; bonus sections are in `bonus` already.
      // Reports with ids are matched by id, so 运维保障 (basic) and 运维保障 (bonus) stay apart.
      if (s.part && s.part !== 'basic') continue;
      let section = s.id ? cls.sections.find((x) => x.id === s.id) : cls.sections.find((x) => x.name === s.name);
      if (!section) {
        section = { id: s.id ?? `s${cls.sections.length + 1}`, name: s.name, max: s.max };
        cls.sections.push(section);
      }
      sections[section.id] = s.score ?? 0;
    }
    data.targets.push({
      id: t.id,
      kind: cls.kind,
      classId: cls.id,
      name: t.name,
      unit: t.unit ?? t.name,
      ...(t.url ? { url: t.url } : {}),
      ...(t.platform ? { platform: t.platform } : {}),
    });
    data.scores.push({
      targetId: t.id,
      veto: t.veto,
      vetoReasons: t.vetoReasons,
      sections,
      basic: t.basic ?? 0,
      bonus: t.bonus ?? 0,
      // A vetoed target has total null in the report; the annexes print 0 for it.
      total: t.total ?? 0,
      grade: t.veto ? '不合格' : t.grade,
      rank: t.rank,
      ...(t.complete !== undefined ? { complete: t.complete } : {}),
      ...(t.progress ? { progress: t.progress } : {}),
    });
  }
  data.classes = [...classes.values()];
  return data;
}
