import { KaopingError } from '../errors';
import type { GradeBand, GradeLines, TargetKind } from '../domain/types';
import type { Ruleset } from '../ruleset/types';
import { resolveClass } from '../ruleset/walk';

const KIND_WORDS: Record<string, TargetKind> = {
  网站: 'website',
  政府网站: 'website',
  website: 'website',
  新媒体: 'account',
  政务新媒体: 'account',
  account: 'account',
  newmedia: 'account',
};

/** "优秀:90,良好:80,合格:60" → bands, highest first. */
export function parseGrades(text: string): GradeBand[] {
  const bands = text.split(/[,，]/u).map((part) => {
    const m = /^\s*([^:：=]+)[:：]\s*(\d+(?:\.\d+)?)\s*$/u.exec(part);
    if (!m) throw new KaopingError('bad-grades', `等次设置“${part}”格式有误，应为“优秀:90,良好:80,合格:60”`);
    return { name: m[1]!.trim(), min: Number(m[2]) };
  });
  return bands.sort((a, b) => b.min - a.min);
}

/**
 * Grade lines, general or per kind and class:
 * "优秀:90,良好:80,合格:60" (all targets), or groups separated by ";" such as
 * "网站=优秀:80,良好:70,合格:60;新媒体=优秀:95,良好:90,合格:85;第一类=优秀:85,良好:75,合格:60".
 * A group's key is 网站 / 新媒体 or a class (id, 第一类 label or full name).
 */
export function parseGradeLines(text: string, ruleset: Ruleset): GradeLines {
  const out: GradeLines = {};
  for (const group of text
    .split(/[;；]/u)
    .map((g) => g.trim())
    .filter(Boolean)) {
    const eq = /^([^=]+)=(.+)$/u.exec(group);
    if (!eq) {
      out.all = parseGrades(group);
      continue;
    }
    const key = eq[1]!.trim();
    const bands = parseGrades(eq[2]!);
    const kind = KIND_WORDS[key];
    if (kind) out.byKind = { ...out.byKind, [kind]: bands };
    else out.byClass = { ...out.byClass, [resolveClass(ruleset, key).id]: bands };
  }
  return out;
}

/** Grade lines as the CLI writes them (the inverse of parseGradeLines). */
export function formatGradeLines(lines: GradeLines, ruleset: Ruleset): string {
  const bands = (b: GradeBand[]) => b.map((x) => `${x.name}:${x.min}`).join(',');
  const groups: string[] = [];
  if (lines.all) groups.push(bands(lines.all));
  for (const [kind, b] of Object.entries(lines.byKind ?? {})) if (b) groups.push(`${kind === 'website' ? '网站' : '新媒体'}=${bands(b)}`);
  for (const [id, b] of Object.entries(lines.byClass ?? {}))
    groups.push(`${ruleset.classes.find((c) => c.id === id)?.label ?? id}=${bands(b)}`);
  return groups.join(';');
}
