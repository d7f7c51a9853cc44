/**
 * The export view of a stored assessment: targets, the engine's scores, findings
 * with their evidence, all joined once. The formats read only this.
 */
import { listIndicators } from '../../../shared/ruleset/walk';
import type { TargetKind as DomainKind } from '../../../shared/domain/types';
import { scoreOptionsOf, scoreStoredAssessment } from '../scoring/score-assessment';
import { rollUpUnits } from '../../../shared/scoring/units';
import type { Explanation, TargetScore } from '../../../shared/scoring/types';
import type { ExportScore } from './model';
import { isAssessmentDir, openAssessment } from '../store/open';
import type { AssessmentStore, OpenOptions } from '../store/types';
import type { ExportAssessmentData, ExportClass, ExportEvidence, ExportFinding, TargetKind } from './model';
import { formatSignedHead } from '../store/chain-seal';

/** The signed head to record in the export (an unsigned head proves nothing, so it is left out). */
function chainHeadOf(store: AssessmentStore): { chainHead?: string } {
  const head = store.chainHead();
  return head?.signature ? { chainHead: formatSignedHead(head) } : {};
}

const kindOf = (k: DomainKind): TargetKind => (k === 'website' ? 'website' : 'newmedia');

/** Builds the export view from an open store. */
export function exportDataFromStore(store: AssessmentStore): ExportAssessmentData {
  const ruleset = store.rulesetSnapshot();
  const info = store.info();
  const scores = scoreStoredAssessment(store);
  const places = new Map(listIndicators(ruleset).map((p) => [p.indicator.id, p]));

  const targets = store.listTargets();
  const unitOf = new Map(targets.map((t) => [t.id, t.unit]));
  const vetoOnly = ruleset.accountScoring === 'veto-only';
  const byUnit = ruleset.accountResults === 'unit';
  const classes: ExportClass[] = ruleset.classes.map((c) => ({
    id: c.id,
    name: c.title ?? c.name,
    kind: kindOf(c.kind),
    ...(c.kind === 'account' && vetoOnly ? { vetoOnly: true } : {}),
    ...(c.kind === 'account' && byUnit ? { byUnit: true } : {}),
    sections:
      c.kind === 'account' && ruleset.accountScoring === 'veto-only'
        ? []
        : ruleset.parts
            .filter((p) => p.kind === 'basic' && (!p.appliesTo?.kinds || p.appliesTo.kinds.includes(c.kind)))
            .flatMap((p) => p.sections.map((s) => ({ id: s.id, name: s.name, max: s.max }))),
  }));

  const evidenceById = new Map<number, ExportEvidence>(
    store.listEvidence().map((e) => [
      e.id,
      {
        id: String(e.id),
        path: e.file.replace(/^evidence\//u, ''),
        url: e.url ?? '',
        capturedAt: e.capturedAt,
        sha256: e.sha256,
        ...(e.title ? { title: e.title } : {}),
        kind: e.kind,
      },
    ]),
  );
  const points = findingPoints(scores);
  const findings: ExportFinding[] = store.listFindings().map((f) => {
    const place = places.get(f.indicatorId);
    const rule = place?.indicator.rules.find((r) => r.n === f.rule);
    return {
      id: String(f.id),
      targetId: String(f.targetId),
      indicatorId: f.indicatorId,
      indicatorName: place?.indicator.name ?? f.indicatorId,
      ...(place ? { sectionName: place.part.kind === 'veto' ? '单项否决' : place.section.name } : {}),
      ...(rule ? { ruleText: rule.text } : {}),
      ...(rule?.problem || place ? { problem: rule?.problem ?? place!.indicator.name } : {}),
      ...(f.note ? { note: f.note } : {}),
      occurrences: f.count,
      ...(points.has(f.id) ? { points: points.get(f.id)! } : {}),
      status: f.status,
      veto: place?.part.kind === 'veto',
      evidence: f.evidenceIds.map((id) => evidenceById.get(id)).filter((e): e is ExportEvidence => Boolean(e)),
    };
  });

  const settings = info.settings;
  const units = byUnit ? rollUpUnits(ruleset, scores, (id) => unitOf.get(id) ?? '', { ...scoreOptionsOf(store) }) : [];
  return {
    meta: {
      name: info.name,
      year: info.year,
      region: info.region,
      issuer: info.issuer || '（发文机关）',
      ...(settings.period ? { period: settings.period } : {}),
      ...(/^q[1-4]$/u.test(settings.period ?? '') ? { quarter: Number(settings.period!.slice(1)) } : {}),
      ...(settings.samplingFrom ? { periodStart: settings.samplingFrom } : {}),
      ...(settings.samplingTo ? { periodEnd: settings.samplingTo } : {}),
      settings,
    },
    classes,
    ...(units.length
      ? {
          units: units.map((u) => ({
            id: `unit:${u.classId}:${u.unit}`,
            classId: u.classId,
            unit: u.unit,
            accountIds: u.accountIds.map(String),
            score: exportScore({ ...u, explanation: [] }, `unit:${u.classId}:${u.unit}`),
          })),
        }
      : {}),
    targets: targets.map((t) => ({
      id: String(t.id),
      kind: kindOf(t.kind),
      classId: t.classId,
      name: t.name || t.unit,
      unit: t.unit,
      ...(t.url ? { url: t.url } : {}),
      ...(t.platform ? { platform: t.platform } : {}),
      ...(t.identifier ? { identifier: t.identifier } : {}),
    })),
    scores: scores.map((s) => exportScore(s, String(s.targetId))),
    findings,
    indicatorScores: scores.flatMap((s) =>
      s.indicators.map((i) => ({
        targetId: String(s.targetId),
        indicatorId: i.indicatorId,
        indicatorName: places.get(i.indicatorId)?.indicator.name ?? i.indicatorId,
        sectionName: places.get(i.indicatorId)?.section.name ?? '',
        score: i.score,
        max: i.weight,
        ...(i.applicable ? {} : { note: '不适用或权重已转移' }),
      })),
    ),
    evidenceRoot: `${store.dir}/evidence`,
    ...chainHeadOf(store),
  };
}

/** The `fromStore` hook of loadExportData: assessment folders are read from their store. */
export function exportDataFromDir(dir: string, opts: OpenOptions = {}): ExportAssessmentData | undefined {
  if (!isAssessmentDir(dir)) return undefined;
  const store = openAssessment(dir, opts);
  try {
    return exportDataFromStore(store);
  } finally {
    store.close();
  }
}

type ScoreLike = Pick<
  TargetScore,
  'veto' | 'vetoReasons' | 'sections' | 'basic' | 'bonus' | 'total' | 'grade' | 'rank' | 'complete' | 'progress'
> & { explanation: Explanation[] };

/** The engine's (or a unit's) result as the formats read it. */
function exportScore(s: ScoreLike, targetId: string): ExportScore {
  return {
    targetId,
    veto: s.veto,
    vetoReasons: s.vetoReasons,
    sections: Object.fromEntries(s.sections.filter((x) => x.part === 'basic').map((x) => [x.id, x.score])),
    basic: s.basic ?? 0,
    bonus: s.bonus,
    total: s.total ?? 0,
    grade: s.grade,
    rank: s.rank,
    complete: s.complete,
    progress: s.progress,
    explanation: s.explanation.map((e) => e.text),
  };
}

/** Points each finding moved (deductions as positive numbers), read from the engine's explanation lines. */
function findingPoints(scores: readonly TargetScore[]): Map<number, number> {
  const out = new Map<number, number>();
  const visit = (e: Explanation) => {
    if (e.children?.length) e.children.forEach(visit);
    else if (e.points !== undefined && e.findingIds?.length === 1) out.set(e.findingIds[0]!, Math.abs(e.points));
  };
  for (const s of scores) s.explanation.forEach(visit);
  return out;
}
