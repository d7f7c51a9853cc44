import type { HtmlDoc, HtmlElement } from './html-doc';

const IDENT = /^[A-Za-z_][\w-]*$/u;
const counts = new WeakMap<HtmlDoc, Map<string, number>>();

/** How many elements carry each `#id` and each `tag.class`, for telling unique selectors apart. */
function usage(doc: HtmlDoc): Map<string, number> {
  let map = counts.get(doc);
  if (map) return map;
  map = new Map();
  for (const el of doc.elements) {
    const keys = el.attrs.id ? [`#${el.attrs.id}`] : [];
    for (const c of new Set((el.attrs.class ?? '').split(/\s+/u).filter(Boolean))) keys.push(`${el.tag}.${c}`);
    for (const k of keys) map.set(k, (map.get(k) ?? 0) + 1);
  }
  counts.set(doc, map);
  return map;
}

/**
 * A CSS selector that finds this element in the browser's copy of the page:
 * `#id` or `div.footer` when unique on the page, else a child path from the
 * nearest such ancestor (`div.main p:nth-of-type(2)`).
 */
export function selectorOf(doc: HtmlDoc, el: HtmlElement): string {
  if (el.tag === 'html' || el.tag === 'body' || el.tag === 'head') return el.tag;
  const used = usage(doc);
  const id = el.attrs.id;
  if (id && IDENT.test(id) && used.get(`#${id}`) === 1) return `#${id}`;
  for (const c of (el.attrs.class ?? '').split(/\s+/u)) {
    if (c && IDENT.test(c) && used.get(`${el.tag}.${c}`) === 1) return `${el.tag}.${c}`;
  }
  // A descendant step, not `>`: browsers insert elements the source lacks (tbody), which a child path would miss.
  const step = `${el.tag}:nth-of-type(${el.nth})`;
  return el.parent ? `${selectorOf(doc, el.parent)} ${step}` : step;
}
