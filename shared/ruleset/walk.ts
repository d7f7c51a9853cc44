import { KaopingError } from '../errors';
import type { TargetKind } from '../domain/types';
import type { Applicability, Indicator, Part, Ruleset, Section, TargetClass } from './types';

/** One indicator with where it sits, as the scoring engine and resolvers walk it. */
export interface IndicatorPlace {
  part: Part;
  section: Section;
  indicator: Indicator;
  /** "<一级指标>/<二级指标>", or "单项否决/<指标>" for vetoes. */
  path: string;
}

/** Every scorable indicator (leaves: 三级 where present, else 二级) in ruleset order. */
export function listIndicators(ruleset: Ruleset, kind?: TargetKind): IndicatorPlace[] {
  const out: IndicatorPlace[] = [];
  for (const part of ruleset.parts) {
    for (const section of part.sections) {
      if (kind && !kindAllowed(kind, part.appliesTo, section.appliesTo)) continue;
      const visit = (indicator: Indicator, prefix: string) => {
        if (indicator.children?.length) {
          for (const child of indicator.children) visit(child, `${prefix}/${indicator.name}`);
          return;
        }
        if (kind && !kindAllowed(kind, indicator.appliesTo)) return;
        const head = part.kind === 'veto' ? '单项否决' : section.name;
        out.push({ part, section, indicator, path: `${head}${prefix}/${indicator.name}` });
      };
      for (const indicator of section.indicators) visit(indicator, '');
    }
  }
  return out;
}

function kindAllowed(kind: TargetKind, ...scopes: (Applicability | undefined)[]): boolean {
  return scopes.every((s) => !s?.kinds || s.kinds.includes(kind));
}

/**
 * Finds an indicator by "<一级指标>/<二级指标>" (or the full three-level path, or its
 * unique tail), by the 二级 name alone where it is unique, or by id. Veto items are "单项否决/<指标>" resolved for the target kind.
 */
export function resolveIndicator(ruleset: Ruleset, ref: string, kind?: TargetKind): IndicatorPlace {
  const wanted = ref.replace(/\s+/gu, '').replace(/／/gu, '/');
  const all = listIndicators(ruleset, kind);
  const byId = all.find((p) => p.indicator.id === ref);
  if (byId) return byId;
  const exact = all.filter((p) => p.path.replace(/\s+/gu, '') === wanted);
  if (exact.length === 1) return exact[0]!;
  if (wanted.includes('/')) {
    // Three-level rulesets: "<二级>/<三级>" without the 一级 prefix, where unique.
    const tail = all.filter((p) => p.path.replace(/\s+/gu, '').endsWith(`/${wanted}`));
    if (tail.length === 1) return tail[0]!;
  } else {
    const byName = all.filter((p) => p.indicator.name.replace(/\s+/gu, '') === wanted);
    if (byName.length === 1) return byName[0]!;
    if (byName.length > 1) {
      throw new KaopingError(
        'ambiguous-indicator',
        `指标“${ref}”不唯一，请写成“一级指标/二级指标”：${byName.map((p) => p.path).join('、')}`,
      );
    }
  }
  throw new KaopingError(
    'unknown-indicator',
    `考评方案“${ruleset.name}”中没有指标“${ref}”${kind ? `（${kind === 'website' ? '网站' : '新媒体'}）` : ''}`,
  );
}

/** The class of a target by id, label (第一类) or full name. */
export function resolveClass(ruleset: Ruleset, ref: string, kind?: TargetKind): TargetClass {
  const wanted = ref.trim();
  const found = ruleset.classes.find((c) => (c.id === wanted || c.label === wanted || c.name === wanted) && (!kind || c.kind === kind));
  if (!found) {
    const names = ruleset.classes.filter((c) => !kind || c.kind === kind).map((c) => `${c.label}（${c.name}）`);
    throw new KaopingError('unknown-class', `考评方案“${ruleset.name}”中没有类别“${ref}”。可选：${names.join('、')}`);
  }
  return found;
}

/** Whether `scope` holds for a target of this kind, class and attributes. */
export function applies(
  scope: Applicability | undefined,
  kind: TargetKind,
  cls: TargetClass | undefined,
  attributes: Record<string, boolean>,
): boolean {
  if (!scope) return true;
  if (scope.kinds && !scope.kinds.includes(kind)) return false;
  if (scope.classes && (!cls || !scope.classes.includes(cls.id))) return false;
  for (const [key, value] of Object.entries(scope.attributes ?? {})) {
    const actual = attributes[key] ?? cls?.defaults?.[key] ?? true;
    if (actual !== value) return false;
  }
  return true;
}

/** The label a class is known by (第一类), or the id when the ruleset has no such class. */
export function classLabel(ruleset: Ruleset, classId: string): string {
  return ruleset.classes.find((c) => c.id === classId)?.label ?? classId;
}
