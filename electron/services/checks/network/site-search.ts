import iconv from 'iconv-lite';
import { decodeEntities, parseAttrs } from '../detectors/html-doc';
import { searchEntry } from '../detectors/search-entry';
import { decodeHtml, fetchBounded, type FetchLimits } from '../fetch-bounded';
import { HostLimiter } from '../host-limiter';
import type { CheckNote, EvidenceItem } from '../types';
import type { NetworkCheckResult } from './https-check';
import { requestOnce, type ExchangeResult } from './ipv6-check';

/** A site search form as a browser would submit it. */
export interface SearchForm {
  /** Absolute http(s) URL. */
  action: string;
  method: 'get' | 'post';
  /** Every field a browser sends, in order; the query field's value is replaced per search. */
  fields: [string, string][];
  queryField: string;
  /** iconv label the query is encoded in (the form's accept-charset, else the page's). */
  charset: string;
}

/** A usable form, a search box only script can drive, or nothing. */
export type SearchFound = { form: SearchForm } | { script: true } | null;

/** Bounds of every request the search check makes, and the politeness limiter to share with other checks. */
export interface SiteSearchOptions {
  limits: FetchLimits;
  limiter?: HostLimiter;
  /** The home page's charset from its Content-Type header, when the caller knows it. */
  homeCharset?: string;
}

const TAG_ATTRS = '((?:[^>"\']|"[^"]*"|\'[^\']*\')*)';
// Contents stop at the next tag of the same name, so hostile pages full of unclosed tags still parse in linear time.
const until = (tag: string) => `((?:(?!</?${tag}\\b)[\\s\\S])*)`;
const FORM = new RegExp(`<form\\b${TAG_ATTRS}>${until('form')}(?:</form\\s*>)?`, 'giu');
const FIELD = new RegExp(`<input\\b${TAG_ATTRS}>|<select\\b${TAG_ATTRS}>${until('select')}`, 'giu');
const ANCHOR = new RegExp(`<a\\b${TAG_ATTRS}>${until('a')}</a\\s*>`, 'giu');
const HINT = /搜\s*索|检\s*索|关键[字词]|search|query|keyword|\bq\b|\bkw\b|\bwd\b/iu;
const QUERY_NAME = /key|word|query|^q$|search|^kw$|^sw$|^wd$|text|title/iu;
const SEARCH_LINK = /^(站内|全站|全文|高级)?(搜索|检索)$/u;
const isText = (a: Record<string, string>) => ['', 'text', 'search'].includes((a.type ?? '').toLowerCase());
const textOf = (html: string) => decodeEntities(html.replace(/<[^>]*>/gu, ''));

/** The iconv label for a page or form charset: GB2312 forms are sent as GBK, as browsers do. */
export function formCharset(html: string, declared?: string, fallback = 'utf-8'): string {
  const candidates = [...(declared ?? '').split(/[\s,;]+/u), /<meta[^>]+charset=["']?([\w-]+)/iu.exec(html.slice(0, 4096))?.[1] ?? ''];
  const label = candidates.map((c) => c.toLowerCase()).find((c) => c && iconv.encodingExists(c)) ?? fallback;
  return /^(gb2312|x-gbk|gbk|cp936)$/u.test(label) ? 'gbk' : label;
}

/** application/x-www-form-urlencoded in the given charset (what a GBK site's server expects). */
export function formEncode(pairs: readonly [string, string][], charset: string): string {
  const enc = (s: string) =>
    [...iconv.encode(s, charset)]
      .map((b) =>
        /[A-Za-z0-9*\-._]/u.test(String.fromCharCode(b))
          ? String.fromCharCode(b)
          : b === 0x20
            ? '+'
            : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
      )
      .join('');
  return pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}

/** A form's submission, or 'script' when only script can submit it, or null when it is no search form. */
function parseForm(attrsRaw: string, inner: string, pageUrl: string, pageCharset: string): SearchForm | 'script' | null {
  const attrs = parseAttrs(attrsRaw);
  const fields: [string, string][] = [];
  const texts: string[] = [];
  let submitted = false;
  for (const m of inner.matchAll(FIELD)) {
    const a = parseAttrs(m[1] ?? m[2] ?? '');
    const type = (a.type ?? '').toLowerCase();
    if (type === 'password') return null;
    if (!a.name || 'disabled' in a) continue;
    if (m[2] !== undefined) {
      const options = [...(m[3] ?? '').matchAll(/<option\b((?:[^>"']|"[^"]*"|'[^']*')*)>([^<]*)/giu)].map((o) => ({
        a: parseAttrs(o[1]!),
        text: o[2]!.trim(),
      }));
      const chosen = options.find((o) => 'selected' in o.a) ?? options[0];
      if (chosen) fields.push([a.name, chosen.a.value ?? decodeEntities(chosen.text)]);
    } else if (isText(a)) {
      texts.push(a.name);
      fields.push([a.name, a.value ?? '']);
    } else if (type === 'checkbox' || type === 'radio') {
      if ('checked' in a) fields.push([a.name, a.value ?? 'on']);
    } else if (type === 'submit') {
      if (!submitted) fields.push([a.name, a.value ?? '']);
      submitted = true;
    } else if (!['image', 'button', 'reset', 'file'].includes(type)) fields.push([a.name, a.value ?? '']);
  }
  const unnamedText = [...inner.matchAll(/<input\b((?:[^>"']|"[^"]*"|'[^']*')*)>/giu)].some((m) => isText(parseAttrs(m[1]!)));
  if (!HINT.test(attrsRaw + inner)) return null;
  if (!texts.length) return unnamedText ? 'script' : null;
  const action = (attrs.action ?? '').trim();
  if (/^javascript:/iu.test(action) || (/^#?$/u.test(action) && attrs.onsubmit) || /return\s+false/iu.test(attrs.onsubmit ?? ''))
    return 'script';
  const target = URL.canParse(action || pageUrl, pageUrl) ? new URL(action || pageUrl, pageUrl) : null;
  if (!target) return null;
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return 'script';
  target.hash = '';
  const method = (attrs.method ?? '').toLowerCase() === 'post' ? 'post' : 'get';
  return {
    action: target.toString(),
    method,
    fields,
    queryField: texts.find((n) => QUERY_NAME.test(n)) ?? texts[0]!,
    charset: formCharset('', attrs['accept-charset'], pageCharset),
  };
}

/** The site search on a page: a form first; a search box outside any form means script drives it. */
export function findSearch(html: string, pageUrl: string, pageCharset: string): SearchFound {
  let script = false;
  for (const m of html.matchAll(FORM)) {
    const form = parseForm(m[1]!, m[2]!, pageUrl, pageCharset);
    if (form === 'script') script = true;
    else if (form) return { form };
  }
  const outside = html.replace(FORM, '');
  for (const m of outside.matchAll(/<input\b((?:[^>"']|"[^"]*"|'[^']*')*)>/giu)) {
    if (
      isText(parseAttrs(m[1]!)) &&
      (HINT.test(m[1]!) || /搜\s*索|检\s*索/u.test(textOf(outside.slice(m.index! + m[0].length, m.index! + m[0].length + 400))))
    )
      script = true;
  }
  return script || searchEntry(outside, pageUrl).scripted ? { script: true } : null;
}

/** Links to a search page ("搜索", "站内搜索", "检索"), resolved, http(s) only. */
export function searchLinks(html: string, pageUrl: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(ANCHOR)) {
    const a = parseAttrs(m[1]!);
    if (!SEARCH_LINK.test(textOf(m[2]!).replace(/\s+/gu, '')) && !SEARCH_LINK.test((a.title ?? '').trim())) continue;
    try {
      const url = new URL((a.href ?? '').trim(), pageUrl);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !out.includes(url.toString())) out.push(url.toString());
    } catch {
      // not a URL
    }
  }
  // Icon-only entries (aria-label, title, an icon class or image) name no text to match.
  for (const url of searchEntry(html, pageUrl).links) if (!out.includes(url)) out.push(url);
  return out;
}

const norm = (s: string) => s.replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * Whether a result page lists the title: as the text or title attribute of a
 * link (results are links; the echoed query is not), compared without spaces
 * and punctuation, and allowing a long title cut short with "…".
 */
export function titleOnPage(title: string, html: string): boolean {
  const want = norm(title);
  if (!want) return false;
  for (const m of html.matchAll(ANCHOR)) {
    for (const text of [textOf(m[2]!), parseAttrs(m[1]!).title ?? '']) {
      const got = norm(text);
      if (got.includes(want)) return true;
      if (/(\.{2,}|…)\s*$/u.test(text) && got.length >= Math.max(8, Math.ceil(want.length / 2)) && want.startsWith(got)) return true;
    }
  }
  return false;
}

/** Submits one query as the browser would; a POST's redirect to the results is followed with GET. */
async function submit(
  form: SearchForm,
  title: string,
  options: SiteSearchOptions,
  limiter: HostLimiter,
): Promise<{ url: string; r: ExchangeResult }> {
  const body = formEncode(
    form.fields.map(([n, v]) => [n, n === form.queryField ? title : v]),
    form.charset,
  );
  const action = new URL(form.action);
  const run = <T>(url: string, work: () => Promise<T>) => limiter.run(new URL(url).host, work);
  if (form.method === 'get') {
    action.search = body;
    const url = action.toString();
    return { url, r: await run(url, () => fetchBounded(url, 'GET', options.limits)) };
  }
  const posted = await run(form.action, () =>
    requestOnce(
      action,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.from(body) },
      options.limits,
    ),
  );
  const location = posted.status >= 300 && posted.status < 400 ? posted.headers.location : undefined;
  const next = location ? new URL(location, action) : null;
  if (!next || (next.protocol !== 'http:' && next.protocol !== 'https:')) return { url: form.action, r: posted };
  return { url: form.action, r: await run(next.toString(), () => fetchBounded(next.toString(), 'GET', options.limits)) };
}

/** Locates the search form: on the home page, else on the page its "搜索" link opens. */
async function locate(
  homeUrl: string,
  homeHtml: string,
  options: SiteSearchOptions,
  limiter: HostLimiter,
): Promise<{ found: SearchFound; page: string; problem?: string; unverified?: string }> {
  const found = findSearch(homeHtml, homeUrl, formCharset(homeHtml, options.homeCharset));
  if (found) return { found, page: homeUrl };
  const link = searchLinks(homeHtml, homeUrl)[0];
  if (!link) return { found: null, page: homeUrl };
  const r = await limiter.run(new URL(link).host, () => fetchBounded(link, 'GET', options.limits));
  // No answer at all says nothing about the search (the network, or a search on another host this machine cannot reach).
  if (r.status === 0) return { found: null, page: link, unverified: `搜索页面 ${link} 没有响应（${r.failure?.message ?? '无法访问'}）` };
  if (r.failure || r.status >= 400)
    return { found: null, page: link, problem: `搜索页面打不开（${r.failure?.message ?? `HTTP ${r.status}`}）` };
  const type = String(r.headers['content-type'] ?? '');
  const html = decodeHtml(r.body, type);
  return { found: findSearch(html, r.finalUrl, formCharset(html, /charset=([\w-]+)/iu.exec(type)?.[1])) ?? { script: true }, page: link };
}

/**
 * Site search: finds the search on the home page (a form, or a "搜索" link to
 * a search page), submits each sampled title as a browser would (GET or POST,
 * in the page's charset) and looks for it on the first page of results.
 */
export async function checkSiteSearch(
  homeUrl: string,
  homeHtml: string,
  titles: readonly string[],
  options: SiteSearchOptions,
): Promise<NetworkCheckResult> {
  const limiter = options.limiter ?? new HostLimiter(2);
  const { found, page, problem, unverified } = await locate(homeUrl, homeHtml, options, limiter);
  const note = (text: string, ok: boolean, items?: EvidenceItem[]): CheckNote => ({
    check: 'search',
    text,
    ok,
    ...(items ? { detect: 'search.missing' as const, items } : {}),
  });
  if (unverified) return { observations: [], notes: [note(`站内搜索未核实：${unverified}`, false, [{ url: page, reason: unverified }])] };
  if (!found) {
    const reason = problem ?? '首页没有搜索框或“搜索”链接';
    return {
      observations: [{ detect: 'search.missing', count: 1, summary: `无站内搜索：${reason}`, items: [{ url: page, reason }] }],
      notes: [note(reason, false)],
    };
  }
  if ('script' in found) return { observations: [], notes: [note('站内搜索需脚本驱动，请人工检查', false)] };
  const { form } = found;
  const notes = [
    note(`站内搜索：${form.method.toUpperCase()} ${form.action}（检索字段 ${form.queryField}，${form.charset.toUpperCase()} 编码）`, true),
  ];
  if (!titles.length) return { observations: [], notes: [...notes, note('未提供抽查标题，未检索', false)] };
  const failed: EvidenceItem[] = [];
  const missing: EvidenceItem[] = [];
  const silent: EvidenceItem[] = [];
  for (const title of titles) {
    const { url, r } = await submit(form, title, options, limiter);
    const via = form.method === 'post' ? 'POST 检索，' : '';
    // Only an answer of the site counts against its search; no answer at all leaves the query unverified.
    if (r.status === 0) silent.push({ url, text: title, reason: `${via}检索没有响应，未核实：${r.failure?.message ?? '无法访问'}` });
    else if (r.failure || r.status >= 400)
      failed.push({ url, text: title, reason: `${via}检索失败：${r.failure?.message ?? `HTTP ${r.status}`}` });
    else if (!titleOnPage(title, decodeHtml(r.body, String(r.headers['content-type'] ?? ''))))
      missing.push({ url, text: title, reason: `${via}搜索结果第一页没有该标题` });
  }
  const answered = titles.length - silent.length;
  notes.push(
    note(
      `抽查 ${titles.length} 个标题：${answered - failed.length - missing.length} 个在搜索结果第一页找到，${missing.length} 个找不到，${failed.length} 次检索失败${silent.length ? `，${silent.length} 次没有响应（未核实）` : ''}`,
      !failed.length && !missing.length && !silent.length,
    ),
  );
  if (silent.length)
    notes.push(note(`站内搜索 ${silent.length} 次检索没有响应（${new URL(form.action).host}），这些标题未核实`, false, silent));
  if (!answered) return { observations: [], notes };
  if (failed.length === answered)
    return {
      observations: [
        {
          detect: 'search.missing',
          count: 1,
          summary: `站内搜索不可用：${failed.length} 次检索全部失败（${failed[0]!.reason}）`,
          items: failed,
        },
      ],
      notes,
    };
  const notFound = [...failed, ...missing];
  if (!notFound.length) return { observations: [], notes };
  return {
    observations: [
      {
        detect: 'search.titles',
        count: notFound.length,
        summary: `抽查 ${titles.length} 个标题，${notFound.length} 个在搜索结果第一页找不到`,
        items: notFound,
      },
    ],
    notes,
  };
}
