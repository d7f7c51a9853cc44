/** Display helpers shared by the screens. */

/** Tag colour of a grade (优秀, 良好, 合格, 不合格). */
export const gradeColor = (grade: string): string => ({ 优秀: 'green', 良好: 'blue', 合格: 'default', 不合格: 'red' })[grade] ?? 'default';

/** A score as the circulars print it: two decimals, or a dash. */
export const points = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : n.toFixed(2).replace(/\.?0+$/u, '') || '0';

/** An ISO time in Beijing time, as reviewers read it. */
export function beijingTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}
