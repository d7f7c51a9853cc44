import { KaopingError } from '../../../../shared/errors';
import type { GradeBand } from '../../../../shared/domain/types';
import type { TargetClass } from '../../../../shared/ruleset/types';

/** A class as the document (or --classes) names it, with the count it declares. */
export interface FoundClass extends TargetClass {
  declared?: number;
}

const CN_NUM = '一二三四五六七八九十';
const MAJOR_HEADING = new RegExp(`^[${CN_NUM}]+[、.．]`, 'u');
const CLASS_LINE = new RegExp(String.raw`第([${CN_NUM}\d]+)类[：:]\s*(.+?)\s*(?:[（(]\s*共\s*(\d+)\s*个\s*[）)])?\s*[。.；;]?$`, 'u');
const ACCOUNT_LINE = /^(?:[(（][一二三四五六七八九十\d]+[)）]\s*)?(.*政务新媒体.*?)\s*[（(]\s*共\s*(\d+)\s*个\s*[）)]/u;

/**
 * The classes of targets in the scheme's 考评对象 section: "第一类：各县（市、区）政府…
 * （共 11 个）" for websites, "全市政务新媒体（共 233 个）" for accounts.
 */
export function classesFromParagraphs(paras: string[]): FoundClass[] {
  const start = paras.findIndex((p) => MAJOR_HEADING.test(p) && p.includes('考评对象'));
  if (start < 0) return [];
  const out: FoundClass[] = [];
  for (const raw of paras.slice(start + 1)) {
    const p = raw.trim();
    if (MAJOR_HEADING.test(p)) break;
    const cls = CLASS_LINE.exec(p);
    if (cls) {
      out.push({
        id: `class-${out.filter((c) => c.kind === 'website').length + 1}`,
        label: `第${cls[1]}类`,
        name: cls[2]!.replace(/[。；;]$/u, ''),
        kind: 'website',
        declared: cls[3] ? Number(cls[3]) : undefined,
      });
      continue;
    }
    const account = ACCOUNT_LINE.exec(p);
    if (account && !out.some((c) => c.kind === 'account'))
      out.push({ id: 'account', label: '政务新媒体', name: account[1]!.trim(), kind: 'account', declared: Number(account[2]) });
  }
  return out;
}

/** `--classes "第一类=各县（区）政府门户网站;政务新媒体=全市政务新媒体"` for a file with only the table. */
export function classesFromOption(text: string): FoundClass[] {
  const out: FoundClass[] = [];
  for (const part of text
    .split(/[;；]/u)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([^=＝]+)[=＝](.+)$/u.exec(part);
    if (!m)
      throw new KaopingError('bad-classes', `--classes 中“${part}”格式有误，应为“第一类=各县（区）政府门户网站;政务新媒体=全市政务新媒体”`);
    const label = m[1]!.trim();
    const name = m[2]!.trim();
    // "区直各单位（政府门户网站栏目及政务新媒体）" is a website class; "全市政务新媒体" is accounts.
    const account = /新媒体/u.test(label) || (/新媒体/u.test(name) && !/网站/u.test(name));
    out.push({
      id: account ? 'account' : `class-${out.filter((c) => c.kind === 'website').length + 1}`,
      label,
      name,
      kind: account ? 'account' : 'website',
    });
  }
  if (out.filter((c) => c.kind === 'account').length > 1) throw new KaopingError('bad-classes', '--classes 中只能有一个政务新媒体类别');
  return out;
}

/** "分为优秀、良好、合格、不合格4个等次": the grade names, best first; empty when not stated. */
export function gradeNames(paras: string[]): string[] {
  for (const p of paras) {
    const m = /分为\s*([^。；，,]+?)\s*(?:\d+|[一二三四五六七八九十])\s*个等次/u.exec(p);
    if (m)
      return m[1]!
        .split(/[、，,]/u)
        .map((s) => s.trim())
        .filter(Boolean);
  }
  return [];
}

/** Default cut-offs for grade names the scheme gives without lines (90/80/60), marked configurable. */
export function defaultBands(names: string[]): { bands: GradeBand[]; failName: string } {
  const list = names.length >= 2 ? names : ['优秀', '良好', '合格', '不合格'];
  const failName = list.at(-1)!;
  const mins = [90, 80, 60, 50, 40];
  return { bands: list.slice(0, -1).map((name, i) => ({ name, min: mins[i] ?? 0 })), failName };
}

/** Sentences stating a basis other than 100 ("均以 85 分为满分，结果乘以 100/85"). */
export function basisSentences(paras: string[]): string[] {
  return paras
    .flatMap((p) => p.split(/(?<=。)/u))
    .filter((s) => /以\s*\d+(?:\.\d+)?\s*分为满分/u.test(s))
    .map((s) => s.trim());
}

/** The title of the indicator table ("…考评指标及评分细则"), or the scheme's title. */
export function schemeTitle(paras: string[]): string | undefined {
  const clean = (s: string) => s.replace(/\s+/gu, '');
  return (
    paras.map(clean).findLast((p) => /(指标及评分细则|评估指标|考评指标)$/u.test(p) && p.length <= 60 && !/^\d+[.．]/u.test(p)) ??
    paras.map(clean).find((p) => /考评方案$/u.test(p) && p.length <= 60)
  );
}
