import { htmlOffsetAt, type HtmlDoc, type HtmlElement } from './html-doc';
import { selectorOf } from './selector';

/** The bottom of a page, where the identity items and the 找错 entry belong. */
export interface FooterRegion {
  text: string;
  html: string;
  /** The footer element(s) to outline; absent when the footer was guessed from the text. */
  selector?: string;
}

// Also the short class names templates use ("ft", "banquan" = 版权, "dibu" = 底部).
const FOOTERISH = /foot|bottom|copyright|banquan|dibu|(?:^|[\s_-])ft(?:$|[\s_-])/iu;
// Elements that carry ids or classes but hold no page content.
const NOT_CONTENT = new Set(['script', 'style', 'link', 'meta', 'template', 'head', 'title', 'html', 'body']);

function isFooterish(el: HtmlElement): boolean {
  if (NOT_CONTENT.has(el.tag)) return false;
  return el.tag === 'footer' || FOOTERISH.test(el.attrs.id ?? '') || FOOTERISH.test(el.attrs.class ?? '');
}

function inFooterish(el: HtmlElement): boolean {
  for (let p = el.parent; p; p = p.parent) if (isFooterish(p)) return true;
  return false;
}

/**
 * The page's footer: every outermost element that calls itself a footer
 * (`<footer>`, an id or class with foot/bottom/copyright) together with
 * whatever follows the last of them (sites append the 党政机关 badge or the
 * 找错 entry after the footer block). Without such an element, the last
 * quarter of the body's text stands in for it.
 */
export function footerRegion(doc: HtmlDoc): FooterRegion {
  let region = cache.get(doc);
  if (!region) cache.set(doc, (region = findFooter(doc)));
  return region;
}

const cache = new WeakMap<HtmlDoc, FooterRegion>();

function findFooter(doc: HtmlDoc): FooterRegion {
  const feet = doc.elements.filter((el) => isFooterish(el) && !inFooterish(el));
  if (feet.length) {
    const tail = feet[feet.length - 1]!;
    const parts = [
      ...feet.map((el) => [el.htmlStart, el.htmlEnd, el.textStart, el.textEnd] as const),
      [tail.htmlEnd, doc.html.length, tail.textEnd, doc.text.length] as const,
    ];
    return {
      html: parts.map(([a, b]) => doc.html.slice(a, b)).join('\n'),
      text: parts.map(([, , a, b]) => doc.text.slice(a, b)).join('\n'),
      selector: feet.map((el) => selectorOf(doc, el)).join(', '),
    };
  }
  const body = doc.elements.find((el) => el.tag === 'body');
  const textStart = body?.textStart ?? 0;
  const textEnd = body && body.textEnd > body.textStart ? body.textEnd : doc.text.length;
  const cut = Math.floor(textEnd - (textEnd - textStart) / 4);
  return { text: doc.text.slice(cut, textEnd), html: doc.html.slice(htmlOffsetAt(doc, cut), body?.htmlEnd ?? doc.html.length) };
}
