/**
 * Strings the site under review controls (its title, its URLs) on their way
 * into the app: checked to be strings, stripped of control and bidirectional
 * formatting characters — a right-to-left override in a title could make a
 * caption read differently from what was captured — and bounded in length.
 */

// C0/C1 controls, zero-width and bidi embedding/override/isolate marks, BOM.
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/** A plain, bounded string from a page-controlled value; anything that is not a string becomes ''. */
export function untrustedText(value: unknown, max = 500): string {
  if (typeof value !== 'string') return '';
  const plain = value.replace(HIDDEN, ' ').replace(/\s+/gu, ' ').trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

/** A page-controlled URL: kept only when it is a well-formed http(s) URL of sane length. */
export function untrustedUrl(value: unknown, max = 8000): string | null {
  if (typeof value !== 'string' || value.length > max) return null;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
