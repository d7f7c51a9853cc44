/** A piece of markup: a start tag, an end tag, or markup that shows nothing (comment, doctype). */
export type HtmlToken =
  | { type: 'open'; name: string; attrs: string; start: number; end: number }
  | { type: 'close'; name: string; start: number; end: number }
  | { type: 'other'; start: number; end: number };

const NAME = /[a-zA-Z][^\s/>]*/y;
// A start tag longer than this is taken to end at the next '>' whatever its quotes say.
const MAX_TAG = 4096;

/**
 * Finds the tags of a page in one pass. Broken markup (an unclosed quote, a
 * '<' that starts no tag, a tag never closed) costs at most MAX_TAG steps per
 * '<', so a hostile or mangled page cannot make a check quadratic. A '<' that
 * starts no tag is left in the text, as browsers show it.
 */
export class HtmlLexer {
  /** Where the next search starts; the caller may move it forward (past a script's content). */
  pos = 0;
  private gt = -2;

  constructor(private readonly html: string) {}

  /** The next '>' at or after `from`, remembered so that repeated searches stay linear. */
  private nextGt(from: number): number {
    if (this.gt === -1 || this.gt >= from) return this.gt;
    return (this.gt = this.html.indexOf('>', from));
  }

  private name(at: number): string | null {
    NAME.lastIndex = at;
    return NAME.exec(this.html)?.[0] ?? null;
  }

  /** Where a start tag's '>' is, skipping quoted attribute values; -1 when not found within MAX_TAG. */
  private tagEnd(from: number): number {
    const html = this.html;
    const limit = Math.min(html.length, from + MAX_TAG);
    for (let i = from; i < limit; i++) {
      const ch = html[i];
      if (ch === '>') return i;
      if (ch !== '=') continue;
      let k = i + 1;
      while (k < limit && (html[k] === ' ' || html[k] === '\t' || html[k] === '\n' || html[k] === '\r')) k++;
      const q = html[k];
      if (q !== '"' && q !== "'") continue;
      for (k++; k < limit && html[k] !== q; k++);
      if (k >= limit) return -1;
      i = k;
    }
    return -1;
  }

  next(): HtmlToken | null {
    const html = this.html;
    for (let lt = html.indexOf('<', this.pos); lt >= 0; lt = html.indexOf('<', lt + 1)) {
      const token = this.read(lt);
      if (token) {
        this.pos = token.end;
        return token;
      }
    }
    this.pos = html.length;
    return null;
  }

  private read(lt: number): HtmlToken | null {
    const html = this.html;
    const c = html[lt + 1];
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      return { type: 'other', start: lt, end: close < 0 ? html.length : close + 3 };
    }
    if (c === '!' || c === '?' || (c === '/' && !this.name(lt + 2))) {
      const gt = this.nextGt(lt);
      return gt < 0 ? null : { type: 'other', start: lt, end: gt + 1 };
    }
    if (c === '/') {
      const gt = this.nextGt(lt);
      return gt < 0 ? null : { type: 'close', name: this.name(lt + 2)!.toLowerCase(), start: lt, end: gt + 1 };
    }
    const name = this.name(lt + 1);
    if (!name) return null;
    const from = lt + 1 + name.length;
    let gt = this.tagEnd(from);
    if (gt < 0) gt = this.nextGt(from);
    return gt < 0 ? null : { type: 'open', name: name.toLowerCase(), attrs: html.slice(from, gt), start: lt, end: gt + 1 };
  }
}

const ATTR = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/gu;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  middot: '·',
  copy: '©',
  reg: '®',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  hellip: '…',
};

/** Decodes character references (named ones common on Chinese pages, and all numeric ones). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/giu, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Attributes of a start tag's attribute string. */
export function parseAttrs(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!(name in out)) out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}
