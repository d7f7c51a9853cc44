/** Number formatting for exports and previews: fixed decimals without float noise. */

/** Rounds half away from zero to `places` decimals (85.625 → 85.63), avoiding 1.005-style binary drift. */
export function roundTo(value: number, places = 2): number {
  const factor = 10 ** places;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor;
}

/** Percentage with one decimal, trailing ".0" dropped: 42/47 → "89.4%", 5/5 → "100%". */
export function formatPercent(part: number, whole: number, places = 1): string {
  if (whole <= 0) return '—';
  const text = roundTo((part / whole) * 100, places)
    .toFixed(places)
    .replace(/\.0+$/u, '');
  return `${text}%`;
}

/** A score for tables: integers stay bare (85), others keep up to 2 decimals (85.62, 7.5). */
export function formatScore(value: number): string {
  return String(roundTo(value, 2));
}

/** How documents print scores: 'trim' as seed 002 does (85.62, 78.1, 71), 'fixed2' always two decimals (78.10, 71.00). */
export type ScoreStyle = 'trim' | 'fixed2';

/** A score in the assessment's style. */
export function formatScoreAs(value: number, style: ScoreStyle = 'trim'): string {
  return style === 'fixed2' ? roundTo(value, 2).toFixed(2) : formatScore(value);
}
