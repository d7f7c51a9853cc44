import { toHalfWidth } from '../../../shared/text/normalize';

/**
 * A score as units write it: "2", "２", "2分", "2.5 分", "-1". Blank is no claim
 * (null); anything else is not a score (undefined).
 */
export function parseScore(text: string): number | null | undefined {
  const t = toHalfWidth(text).replace(/\s+/gu, '').replace(/分$/u, '');
  if (t === '' || t === '-' || t === '—' || t === '/') return null;
  if (!/^-?\d+(\.\d+)?$/u.test(t)) return undefined;
  return Number(t);
}
