import type { Finding, Target } from '../../../shared/domain/types';
import type { Indicator, Ruleset } from '../../../shared/ruleset/types';
import { applies } from '../../../shared/ruleset/walk';
import type { TargetScore } from '../../../shared/scoring/types';
import type { ChecklistNode } from '../../../shared/api/review';

interface Inputs {
  ruleset: Ruleset;
  target: Target;
  score: TargetScore;
  findings: readonly Finding[];
  reviewed: ReadonlySet<string>;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The ruleset as a checklist for one target: veto items first, then each part's
 * sections and indicators, every node carrying its live score from the engine
 * and the counts of findings on it. Indicators that do not apply to the target
 * (by kind, class, attributes or a weight transfer) are kept but marked.
 */
export function buildChecklist({ ruleset, target, score, findings, reviewed }: Inputs): ChecklistNode[] {
  const cls = ruleset.classes.find((c) => c.id === target.classId);
  const results = new Map(score.indicators.map((r) => [r.indicatorId, r]));
  const sections = new Map(score.sections.map((s) => [s.id, s]));
  const counts = new Map<string, { confirmed: number; suggested: number }>();
  for (const f of findings) {
    const c = counts.get(f.indicatorId) ?? { confirmed: 0, suggested: 0 };
    if (f.status === 'confirmed') c.confirmed++;
    if (f.status === 'suggested') c.suggested++;
    counts.set(f.indicatorId, c);
  }
  const vetoed = new Set(findings.filter((f) => f.status === 'confirmed').map((f) => f.indicatorId));

  const parts = [...ruleset.parts].sort((a, b) => Number(b.kind === 'veto') - Number(a.kind === 'veto'));
  const out: ChecklistNode[] = [];
  for (const part of parts) {
    if (part.appliesTo?.kinds && !part.appliesTo.kinds.includes(target.kind)) continue;
    const isVeto = part.kind === 'veto';
    const partApplies = applies(part.appliesTo, target.kind, cls, target.attributes);
    const sectionNodes: ChecklistNode[] = [];
    for (const section of part.sections) {
      if (section.appliesTo?.kinds && !section.appliesTo.kinds.includes(target.kind)) continue;
      const sectionApplies = partApplies && applies(section.appliesTo, target.kind, cls, target.attributes);
      const head = isVeto ? '单项否决' : section.name;
      const leaf = (indicator: Indicator, prefix: string, inherited: boolean): ChecklistNode => {
        const path = `${head}${prefix}/${indicator.name}`;
        if (indicator.children?.length) {
          const children = indicator.children.map((c) => leaf(c, `${prefix}/${indicator.name}`, inherited));
          return {
            ...node(indicator.id, 'indicator', indicator.name, path, isVeto),
            applicable: children.some((c) => c.applicable),
            weight: sumOf(children, 'weight'),
            score: sumOf(children, 'score'),
            change: sumOf(children, 'change') ?? 0,
            reviewed: children.every((c) => !c.applicable || c.reviewed),
            confirmed: children.reduce((n, c) => n + c.confirmed, 0),
            suggested: children.reduce((n, c) => n + c.suggested, 0),
            note: indicator.note ?? '',
            children,
          };
        }
        const result = results.get(indicator.id);
        const kindOk = !indicator.appliesTo?.kinds || indicator.appliesTo.kinds.includes(target.kind);
        const applicable = isVeto
          ? inherited && kindOk && applies(indicator.appliesTo, target.kind, cls, target.attributes)
          : (result?.applicable ?? false);
        const c = counts.get(indicator.id) ?? { confirmed: 0, suggested: 0 };
        return {
          ...node(indicator.id, 'indicator', indicator.name, path, isVeto),
          applicable,
          weight: isVeto ? null : (result?.weight ?? 0),
          score: isVeto ? null : (result?.score ?? null),
          change: result?.change ?? 0,
          reviewed: reviewed.has(indicator.id),
          confirmed: c.confirmed,
          suggested: c.suggested,
          rules: indicator.rules.map((r) => ({ n: r.n, text: r.text, kind: r.kind })),
          note: [indicator.note, isVeto && vetoed.has(indicator.id) ? '已认定单项否决' : ''].filter(Boolean).join('；'),
          explanation: result?.explanation ?? null,
        };
      };
      const children = section.indicators.map((i) => leaf(i, '', sectionApplies));
      const s = sections.get(section.id);
      sectionNodes.push({
        ...node(section.id, 'section', section.name, head, isVeto),
        applicable: children.some((c) => c.applicable),
        weight: isVeto ? null : (s?.max ?? null),
        score: isVeto ? null : (s?.score ?? null),
        change: s ? round2(s.score - s.max) : 0,
        reviewed: children.every((c) => !c.applicable || c.reviewed),
        confirmed: children.reduce((n, c) => n + c.confirmed, 0),
        suggested: children.reduce((n, c) => n + c.suggested, 0),
        children,
      });
    }
    if (sectionNodes.length === 0) continue;
    out.push({
      ...node(part.id, 'part', part.name, part.name, isVeto),
      applicable: sectionNodes.some((c) => c.applicable),
      weight: isVeto ? null : part.max,
      score: isVeto ? null : partScore(part.kind, score),
      change: 0,
      reviewed: sectionNodes.every((c) => !c.applicable || c.reviewed),
      confirmed: sectionNodes.reduce((n, c) => n + c.confirmed, 0),
      suggested: sectionNodes.reduce((n, c) => n + c.suggested, 0),
      children: sectionNodes,
    });
  }
  return out;
}

function node(id: string, level: ChecklistNode['level'], name: string, path: string, veto: boolean): ChecklistNode {
  return {
    id,
    level,
    name,
    path,
    veto,
    applicable: true,
    weight: null,
    score: null,
    change: 0,
    reviewed: false,
    confirmed: 0,
    suggested: 0,
    rules: [],
    note: '',
    explanation: null,
    children: [],
  };
}

function sumOf(nodes: ChecklistNode[], key: 'weight' | 'score' | 'change'): number | null {
  const values = nodes.map((n) => n[key]).filter((v): v is number => v !== null);
  return values.length ? round2(values.reduce((a, b) => a + b, 0)) : null;
}

function partScore(kind: string, score: TargetScore): number | null {
  if (kind === 'basic') return score.basic;
  if (kind === 'bonus') return score.bonus;
  if (kind === 'negative') return score.negative;
  return null;
}
