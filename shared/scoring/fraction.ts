/**
 * Exact non-float arithmetic for scores: every rule value in the seeds is a
 * decimal with at most 4 places, and normalisation multiplies by ratios such as
 * 100/85, so scores are kept as reduced fractions of safe integers and rounded
 * only for presentation (no 0.1 + 0.2 drift).
 */
export interface Fraction {
  readonly n: number;
  readonly d: number;
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a || 1;
}

/** n/d reduced (d may be any non-zero integer). */
export function ratio(n: number, d: number): Fraction {
  if (d < 0) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
}

export const ZERO: Fraction = { n: 0, d: 1 };

/** A decimal such as 0.25 or 1.5, taken exactly (up to 4 decimal places). */
export function frac(value: number): Fraction {
  const scaled = Math.round(value * 10_000);
  if (Math.abs(scaled - value * 10_000) > 1e-6) throw new RangeError(`分值 ${value} 超过 4 位小数`);
  return ratio(scaled, 10_000);
}

export const add = (a: Fraction, b: Fraction): Fraction => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Fraction, b: Fraction): Fraction => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Fraction, b: Fraction): Fraction => ratio(a.n * b.n, a.d * b.d);
export const div = (a: Fraction, b: Fraction): Fraction => ratio(a.n * b.d, a.d * b.n);
export const times = (a: Fraction, k: number): Fraction => ratio(a.n * k, a.d);
export const cmp = (a: Fraction, b: Fraction): number => a.n * b.d - b.n * a.d;
export const min = (a: Fraction, b: Fraction): Fraction => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Fraction, b: Fraction): Fraction => (cmp(a, b) >= 0 ? a : b);
export const sum = (xs: Fraction[]): Fraction => xs.reduce(add, ZERO);

/** Rounded to 2 decimals, half up (away from zero), as a number for display. */
export function round2(a: Fraction): number {
  return round2Of(a.n, a.d);
}

/**
 * round2 of n/d for positive d, reduced or not: the quotient below is the same
 * rational either way, and IEEE division rounds that rational, so it gives the
 * same number while n and d stay safe integers.
 */
export function round2Of(num: number, d: number): number {
  const sign = num < 0 ? -1 : 1;
  const n = Math.abs(num);
  const hundredths = Math.floor((2 * n * 100 + d) / (2 * d));
  return (sign * hundredths) / 100;
}

/** "0.6", "1", "85.88": rounded to 2 decimals with trailing zeros dropped. */
export function show(a: Fraction): string {
  return String(round2(a));
}
