import type { GradeBand, TargetKind } from '../domain/types';
import type { AccountResults, Indicator, Part, PartKind, Rule, Ruleset, Section, TargetClass, TieRule } from './types';

/**
 * The editor's operations on a ruleset draft: each returns a new ruleset and leaves
 * the old one untouched (the UI keeps them for undo and live validation). Ids are
 * made from the parent's id and stay unique.
 */

const clone = (r: Ruleset): Ruleset => structuredClone(r);

/** A new scheme with one class and empty basic and bonus parts. */
export function blankRuleset(id: string, name: string): Ruleset {
  return {
    id,
    name,
    version: String(new Date().getFullYear()),
    source: '在考评方案库中新建',
    classes: [{ id: 'class-1', label: '第一类', name: '政府门户网站', kind: 'website' }],
    parts: [
      { id: 'veto', kind: 'veto', name: '单项否决指标', max: 0, sections: [] },
      { id: 'basic', kind: 'basic', name: '基础指标', max: 100, sections: [] },
    ],
    transfers: [],
    normaliseBasic: false,
    thresholds: {},
    grades: {
      bands: [
        { name: '优秀', min: 90 },
        { name: '良好', min: 80 },
        { name: '合格', min: 60 },
      ],
      failName: '不合格',
      configurable: true,
    },
  };
}

function allIds(r: Ruleset): Set<string> {
  const ids = new Set<string>();
  const visit = (i: Indicator) => {
    ids.add(i.id);
    i.children?.forEach(visit);
  };
  for (const p of r.parts) {
    ids.add(p.id);
    for (const s of p.sections) {
      ids.add(s.id);
      s.indicators.forEach(visit);
    }
  }
  return ids;
}

function freshId(r: Ruleset, prefix: string): string {
  const ids = allIds(r);
  let n = 1;
  while (ids.has(`${prefix}.${n}`)) n++;
  return `${prefix}.${n}`;
}

export function findSection(r: Ruleset, id: string): { part: Part; section: Section } | undefined {
  for (const part of r.parts) for (const section of part.sections) if (section.id === id) return { part, section };
  return undefined;
}

export function findIndicator(
  r: Ruleset,
  id: string,
): { part: Part; section: Section; indicator: Indicator; siblings: Indicator[] } | undefined {
  for (const part of r.parts) {
    for (const section of part.sections) {
      const search = (list: Indicator[]): ReturnType<typeof findIndicator> => {
        for (const indicator of list) {
          if (indicator.id === id) return { part, section, indicator, siblings: list };
          const inner = indicator.children ? search(indicator.children) : undefined;
          if (inner) return inner;
        }
        return undefined;
      };
      const hit = search(section.indicators);
      if (hit) return hit;
    }
  }
  return undefined;
}

export function addPart(r: Ruleset, kind: PartKind, name: string, max: number): Ruleset {
  const out = clone(r);
  let id: string = kind;
  for (let n = 2; out.parts.some((p) => p.id === id); n++) id = `${kind}${n}`;
  out.parts.push({ id, kind, name, max, sections: [] });
  return out;
}

export function addSection(r: Ruleset, partId: string, name: string, max: number): Ruleset {
  const out = clone(r);
  const part = out.parts.find((p) => p.id === partId);
  if (!part) return r;
  part.sections.push({ id: freshId(out, part.id), name, max, indicators: [] });
  return out;
}

/** Adds an indicator to a section, or a 三级 child to an indicator. */
export function addIndicator(r: Ruleset, parentId: string, name: string, weight: number): Ruleset {
  const out = clone(r);
  const section = findSection(out, parentId)?.section;
  const indicator: Indicator = { id: freshId(out, parentId), name, weight, rules: [] };
  if (section) section.indicators.push(indicator);
  else {
    const parent = findIndicator(out, parentId)?.indicator;
    if (!parent) return r;
    (parent.children ??= []).push(indicator);
  }
  return out;
}

export function addRule(r: Ruleset, indicatorId: string, rule: Omit<Rule, 'n'>): Ruleset {
  const out = clone(r);
  const hit = findIndicator(out, indicatorId);
  if (!hit) return r;
  hit.indicator.rules.push({ ...rule, n: Math.max(0, ...hit.indicator.rules.map((x) => x.n)) + 1 });
  return out;
}

export function updateRule(r: Ruleset, indicatorId: string, n: number, patch: Partial<Rule>): Ruleset {
  const out = clone(r);
  const rule = findIndicator(out, indicatorId)?.indicator.rules.find((x) => x.n === n);
  if (!rule) return r;
  Object.assign(rule, patch);
  for (const key of Object.keys(rule) as (keyof Rule)[]) if (rule[key] === undefined) delete rule[key];
  return out;
}

export function removeRule(r: Ruleset, indicatorId: string, n: number): Ruleset {
  const out = clone(r);
  const ind = findIndicator(out, indicatorId)?.indicator;
  if (!ind) return r;
  ind.rules = ind.rules.filter((x) => x.n !== n).map((x, i) => ({ ...x, n: i + 1 }));
  return out;
}

/** Changes a part, section or indicator (name, max/weight, applicability, note). */
export function updateNode(
  r: Ruleset,
  id: string,
  patch: Partial<Pick<Indicator, 'name' | 'weight' | 'appliesTo' | 'note'>> & { max?: number },
): Ruleset {
  const out = clone(r);
  const part = out.parts.find((p) => p.id === id);
  const node: Record<string, unknown> | undefined =
    (part as unknown as Record<string, unknown>) ??
    (findSection(out, id)?.section as unknown as Record<string, unknown>) ??
    (findIndicator(out, id)?.indicator as unknown as Record<string, unknown>);
  if (!node) return r;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete node[key];
    else node[key] = value;
  }
  return out;
}

export function removeNode(r: Ruleset, id: string): Ruleset {
  const out = clone(r);
  out.parts = out.parts.filter((p) => p.id !== id);
  for (const p of out.parts) {
    p.sections = p.sections.filter((s) => s.id !== id);
    for (const s of p.sections) {
      const prune = (list: Indicator[]): Indicator[] =>
        list.filter((i) => i.id !== id).map((i) => (i.children ? { ...i, children: prune(i.children) } : i));
      s.indicators = prune(s.indicators);
    }
  }
  return out;
}

export function setClasses(r: Ruleset, classes: TargetClass[]): Ruleset {
  return { ...clone(r), classes: structuredClone(classes) };
}

/** Marks an open question of the import as decided (the person made the change it asked for). */
export function resolveDecision(r: Ruleset, decisionId: string): Ruleset {
  const out = clone(r);
  out.pending = (out.pending ?? []).filter((d) => d.id !== decisionId);
  if (out.pending.length === 0) delete out.pending;
  return out;
}

/** Adds the transfer an import proposed (or any), with its condition. */
export function addTransfer(r: Ruleset, transfer: Ruleset['transfers'][number]): Ruleset {
  const out = clone(r);
  out.transfers.push(structuredClone(transfer));
  return out;
}

export function removeTransfer(r: Ruleset, index: number): Ruleset {
  const out = clone(r);
  out.transfers.splice(index, 1);
  return out;
}

/**
 * Sets the grade lines of one group: 'all' (the general lines), 'kind:website',
 * 'kind:account' or 'class:<id>'. Empty bands remove a kind's or class's group
 * (the general lines then apply); the general lines are never removed.
 */
export function setGradeLines(r: Ruleset, group: string, bands: GradeBand[]): Ruleset {
  const out = clone(r);
  const g = out.grades;
  const list = structuredClone(bands);
  if (group === 'all') g.bands = list;
  else if (group.startsWith('kind:')) {
    const kind = group.slice(5) as TargetKind;
    const byKind = { ...g.byKind };
    if (list.length) byKind[kind] = list;
    else delete byKind[kind];
    if (Object.keys(byKind).length) g.byKind = byKind;
    else delete g.byKind;
  } else if (group.startsWith('class:')) {
    const byClass = { ...g.byClass };
    if (list.length) byClass[group.slice(6)] = list;
    else delete byClass[group.slice(6)];
    if (Object.keys(byClass).length) g.byClass = byClass;
    else delete g.byClass;
  }
  return out;
}

/** Sets (or, with undefined, clears back to the default) the tie rule, account scoring and account results. */
export function setResultsRule(
  r: Ruleset,
  patch: { ties?: TieRule | null; accountResults?: AccountResults | null; accountScoring?: Ruleset['accountScoring'] | null },
): Ruleset {
  const out = clone(r);
  if (patch.ties !== undefined) {
    if (patch.ties === null) delete out.ranking;
    else out.ranking = { ...out.ranking, ties: patch.ties };
  }
  if (patch.accountResults !== undefined) {
    if (patch.accountResults === null) delete out.accountResults;
    else out.accountResults = patch.accountResults;
  }
  if (patch.accountScoring !== undefined) {
    if (patch.accountScoring === null) delete out.accountScoring;
    else out.accountScoring = patch.accountScoring;
  }
  return out;
}
