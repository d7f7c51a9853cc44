import type { CrawledPage } from '../types';
import { decodeEntities, HtmlLexer, parseAttrs } from './html-lexer';

// Kept here too: callers outside the detectors read pages through this module.
export { decodeEntities, parseAttrs };

/** An element of a parsed page, with where it lies in the HTML and in the visible text. */
export interface HtmlElement {
  tag: string;
  /** Attribute names lower-cased, values entity-decoded; the first of a repeated name wins. */
  attrs: Record<string, string>;
  parent: HtmlElement | null;
  /** 1-based position among its parent's children of the same tag (CSS `:nth-of-type`). */
  nth: number;
  htmlStart: number;
  htmlEnd: number;
  textStart: number;
  textEnd: number;
}

/** A page reduced to what a reader sees (its text) and the elements that hold it. */
export interface HtmlDoc {
  html: string;
  /** Visible text: no head, scripts, styles or comments; whitespace collapsed; blocks on their own lines. */
  text: string;
  /** Every element, in document order. */
  elements: HtmlElement[];
  /** Text chunks in order: where each starts in `text` and in `html`, and the element holding it. */
  chunks: { textStart: number; htmlStart: number; htmlEnd: number; element: HtmlElement | null }[];
}

// Elements whose content is raw text, each with the end tag that closes it.
const RAW_END: Record<string, RegExp> = {
  script: /<\/script\s*>/giu,
  style: /<\/style\s*>/giu,
  textarea: /<\/textarea\s*>/giu,
  title: /<\/title\s*>/giu,
};
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
// Their content is never shown as page text (a title shows in the tab, and repeats the page's heading).
const HIDDEN = new Set(['script', 'style', 'title', 'noscript', 'template', 'head']);
// Anything else opening inside <head> means the page's body began without saying so.
const HEAD_CONTENT = new Set(['meta', 'link', 'title', 'script', 'style', 'base', 'noscript', 'template', 'object']);
const BLOCK = new Set(
  'address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead tfoot tr ul option body'.split(
    ' ',
  ),
);
// Opening the key closes these if they are the innermost open element, as browsers do.
const IMPLIED_CLOSE: Record<string, string[]> = {
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  tr: ['tr', 'td', 'th'],
  td: ['td', 'th'],
  th: ['td', 'th'],
  option: ['option'],
};

/**
 * Reads a page the way the detectors need it: visible text with the element
 * behind each piece of it. Tolerates the tag soup of old CMS pages (unclosed
 * `<li>`/`<p>`/`<head>`, stray end tags) without building a full DOM, in time
 * linear in the page's length.
 */
export function parseHtml(html: string): HtmlDoc {
  const root: HtmlElement = {
    tag: '#document',
    attrs: {},
    parent: null,
    nth: 1,
    htmlStart: 0,
    htmlEnd: html.length,
    textStart: 0,
    textEnd: 0,
  };
  const stack: { el: HtmlElement; counts: Map<string, number> }[] = [{ el: root, counts: new Map() }];
  const elements: HtmlElement[] = [];
  const chunks: HtmlDoc['chunks'] = [];
  // The text so far, as pieces (never empty): rebuilding one growing string would be quadratic.
  const pieces: string[] = [];
  let length = 0;
  let hidden = 0;
  const lastChar = () => pieces[pieces.length - 1]?.slice(-1) ?? '';
  const breakLine = () => {
    if (!length || lastChar() === '\n') return;
    if (lastChar() === ' ') {
      const last = pieces.pop()!;
      if (last.length > 1) pieces.push(last.slice(0, -1));
      length--;
    }
    pieces.push('\n');
    length++;
  };
  const close = (depth: number, at: number) => {
    while (stack.length > depth) {
      const { el } = stack.pop()!;
      el.htmlEnd = at;
      el.textEnd = length;
      if (HIDDEN.has(el.tag)) hidden--;
      if (BLOCK.has(el.tag)) breakLine();
    }
  };
  const addText = (start: number, end: number) => {
    if (hidden || end <= start) return;
    let piece = decodeEntities(html.slice(start, end)).replace(/\s+/gu, ' ');
    if (piece.startsWith(' ') && (!length || lastChar() === ' ' || lastChar() === '\n')) piece = piece.slice(1);
    if (!piece) return;
    chunks.push({ textStart: length, htmlStart: start, htmlEnd: end, element: stack[stack.length - 1]!.el });
    pieces.push(piece);
    length += piece.length;
  };
  const open = (tag: string, attrs: string, start: number, end: number): HtmlElement => {
    const top = () => stack[stack.length - 1]!.el.tag;
    const head = stack.findIndex((f) => f.el.tag === 'head');
    if (head > 0 && !HEAD_CONTENT.has(tag)) close(head, start);
    while ((IMPLIED_CLOSE[tag]?.includes(top()) ?? false) || (top() === 'p' && BLOCK.has(tag) && tag !== 'br'))
      close(stack.length - 1, start);
    const frame = stack[stack.length - 1]!;
    const nth = (frame.counts.get(tag) ?? 0) + 1;
    frame.counts.set(tag, nth);
    const el: HtmlElement = {
      tag,
      attrs: parseAttrs(attrs),
      parent: frame.el === root ? null : frame.el,
      nth,
      htmlStart: start,
      htmlEnd: end,
      textStart: length,
      textEnd: length,
    };
    elements.push(el);
    if (BLOCK.has(tag)) breakLine();
    return el;
  };
  const lexer = new HtmlLexer(html);
  let textFrom = 0;
  for (let token = lexer.next(); token; token = lexer.next()) {
    addText(textFrom, token.start);
    textFrom = token.end;
    if (token.type === 'close') {
      const depth = stack.findLastIndex((f) => f.el.tag === token.name);
      if (depth > 0) close(depth, token.end);
      else if (token.name === 'br' || token.name === 'p') breakLine();
    } else if (token.type === 'open') {
      const el = open(token.name, token.attrs, token.start, token.end);
      const rawEnd = RAW_END[el.tag];
      if (rawEnd) {
        // Raw text: not markup, so jump to the end tag; only a textarea's shows.
        rawEnd.lastIndex = token.end;
        const found = rawEnd.exec(html);
        const stop = found ? found.index : html.length;
        if (el.tag === 'textarea') {
          stack.push({ el, counts: new Map() });
          addText(token.end, stop);
          stack.pop();
        }
        el.htmlEnd = found ? found.index + found[0].length : html.length;
        el.textEnd = length;
        lexer.pos = textFrom = el.htmlEnd;
      } else if (!VOID.has(el.tag) && !/\/\s*$/u.test(token.attrs)) {
        stack.push({ el, counts: new Map() });
        if (HIDDEN.has(el.tag)) hidden++;
      }
    }
  }
  addText(textFrom, html.length);
  close(1, html.length);
  return { html, text: pieces.join('').trimEnd(), elements, chunks };
}

const cache = new WeakMap<CrawledPage, HtmlDoc>();

/** The parsed page, parsed once per page object however many detectors read it. */
export function docOf(page: CrawledPage & { html: string }): HtmlDoc {
  let doc = cache.get(page);
  if (!doc || doc.html !== page.html) cache.set(page, (doc = parseHtml(page.html)));
  return doc;
}

/** The chunk holding a text offset (the last chunk starting at or before it). */
function chunkAt(doc: HtmlDoc, offset: number): HtmlDoc['chunks'][number] | undefined {
  let lo = 0;
  let hi = doc.chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.chunks[mid]!.textStart <= offset) lo = mid;
    else hi = mid - 1;
  }
  return doc.chunks[lo];
}

/** The element whose own text holds a visible-text offset. */
export function elementAt(doc: HtmlDoc, offset: number): HtmlElement | null {
  return chunkAt(doc, offset)?.element ?? null;
}

/** Roughly where in the HTML a visible-text offset comes from (exact at chunk starts). */
export function htmlOffsetAt(doc: HtmlDoc, offset: number): number {
  const chunk = chunkAt(doc, offset);
  if (!chunk) return doc.html.length;
  return Math.min(chunk.htmlEnd, chunk.htmlStart + Math.max(0, offset - chunk.textStart));
}

/** The visible text of an element. */
export function textOf(doc: HtmlDoc, el: HtmlElement): string {
  return doc.text.slice(el.textStart, el.textEnd).trim();
}
