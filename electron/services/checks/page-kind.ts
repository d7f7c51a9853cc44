import { hasRowDate, withoutFooter } from './pub-dates';
import type { PageKind } from './types';

/** A date as Chinese government pages write it: 2025-06-28, 2025/6/28, 2025.06.28, 2025年6月28日. */
const DATE = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/gu;
/** A label that introduces the publication date of an article ("发布时间：2025-06-28"); group 1 is set for the unambiguous ones. */
const PUB_LABEL = /(发布|发文|成文|印发)?(?:时间|日期)\s*[:：]?\s*(?:<[^<>]{0,300}>\s*)*(?:19|20)\d{2}\s*[-/.年]/gu;
/** The pager of a list with nothing in it (TRS writes createPageHTML even for an empty column). */
const EMPTY_LIST = /createPageHTML\s*\(|共\s*0\s*(?:条|页)|<totalrecord>\s*0\s*</iu;
/** Rows of a list: list items, table rows, definition entries. */
const ROW = /<(li|tr|dd)\b[^<>]*>([\s\S]{0,4000}?)(?=<\/\1\s*>|<\1\b)/giu;
const META = (name: string) => new RegExp(`<meta\\s[^<>]*name\\s*=\\s*["']?${name}["'\\s>]`, 'iu');
const ARTICLE_META = [META('ArticleTitle'), META('PubDate')];
const COLUMN_META = META('ColumnName');
/** Article addresses of the common government CMSs (TRS, Hanweb, Dayang …). */
const ARTICLE_URL =
  /\/t\d{8}_\d+\.s?html?$|\/art_\d+_\d+\.html$|\/content_\d+\.s?html?$|\/\d{6,8}\/[\w-]+\.s?html?$|\/art\/\d{4}\/\d{1,2}\/\d{1,2}\//iu;

/** A source line under an article's title ("来源：市应急管理局", "信息来源："). */
const SOURCE_LABEL = /(?:信息|文章|稿件)?来\s*源\s*[:：]/gu;
/** Pagination of a list: TRS's createPageHTML, Hanweb's data store, "共N页", "下一页", "尾页", a pager element. */
const PAGINATION =
  /createPageHTML\s*\(|\bcountPage\b|<totalrecord>|\btotalRecord\b|共\s*\d+\s*(?:页|条)|第\s*\d+\s*页|下一页|尾\s*页|末\s*页|\b(?:class|id)\s*=\s*["']?[^"'<>]*(?:pagination|page_?nav|pager|fenye|pageList|default_pgContainer)/iu;

interface Row {
  start: number;
  end: number;
}

/** List rows that hold a link, and those of them with a date (2024-03-05 … or a bare [03-05]): the items of a column page. */
function listRows(html: string): { dated: Row[]; linked: number } {
  const dated: Row[] = [];
  let linked = 0;
  for (const m of html.matchAll(ROW)) {
    const inner = m[2]!;
    if (!/<a\s[^<>]*href/iu.test(inner)) continue;
    linked++;
    if (hasRowDate(inner.replace(/<[^<>]*>/gu, ' '))) dated.push({ start: m.index, end: m.index + m[0].length });
  }
  return { dated, linked };
}

/** Visible text length of the page body, scripts and styles left out. */
function textLength(html: string): number {
  const body = html.replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<!--[\s\S]*?(?:-->|$)/giu, ' ').replace(/<[^<>]*>/gu, '');
  return body.replace(/\s+|&nbsp;/gu, '').length;
}

/**
 * Where the article's own heading ends: an <h1>–<h3>, or any element, whose
 * text repeats the <title> (before its "_站点名"); else the last <h1>.
 * `titled` tells whether it was found by the title.
 */
function headingOf(html: string): { end: number; titled: boolean } {
  const title = /<title[^<>]*>([^<]*)/iu.exec(html)?.[1]?.replace(/\s+/gu, '') ?? '';
  const head = title.split(/[_|｜—-]/u)[0] ?? '';
  let lastH1 = -1;
  for (const m of html.matchAll(/<(h[1-3])\b[^<>]*>((?:[^<]|<(?!h[1-3]\b))*?)<\/\1\s*>/giu)) {
    const text = m[2]!.replace(/<[^<>]*>|\s+/gu, '');
    const end = m.index + m[0].length;
    if (head.length >= 4 && text.length >= 4 && (head.includes(text) || text.includes(head))) return { end, titled: true };
    if (m[1]!.toLowerCase() === 'h1') lastH1 = end;
  }
  const body = html.search(/<body\b/iu);
  const inBody = head.length >= 6 && body >= 0 ? html.indexOf(head, body) : -1;
  if (inBody >= 0) return { end: inBody + head.length, titled: true };
  return { end: lastH1, titled: false };
}

/** Whether `index` lies inside one of the rows (sorted, not overlapping): a binary search, as lists can be long. */
function inRow(rows: readonly Row[], index: number): boolean {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (index < rows[mid]!.start) hi = mid - 1;
    else if (index >= rows[mid]!.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The dates of the page that are not in a list row. */
function loneDates(html: string, rows: readonly Row[]): number[] {
  const out: number[] = [];
  for (const m of html.matchAll(DATE)) if (!inRow(rows, m.index)) out.push(m.index);
  return out;
}

/** The kind is decided by the top of a page; a huge page is read no further. */
const MAX_READ = 512 * 1024;
/** Publication labels looked at, at most (a page made of labels costs no more). */
const MAX_LABELS = 20;

/** A list template with its pager and no item at all (TRS writes createPageHTML even for an empty column). */
export function isEmptyList(html: string): boolean {
  const main = withoutFooter(html.slice(0, MAX_READ));
  return (
    EMPTY_LIST.test(main) &&
    listRows(main).dated.length === 0 &&
    !/<(li|tr|dd)\b[^<>]*>\s*(?:<[^<>]*>\s*)*<a\b[^<>]*href[^<>]*>[^<]{8,}/iu.test(main.slice(main.search(EMPTY_LIST) - 3000))
  );
}

/** What the site says of a page beyond its HTML. */
export interface PageHints {
  /** The site's navigation links to it (a column's name on the menu). */
  inNavigation?: boolean;
}

/**
 * What a page is, as the rules sample pages: the home page; a column (list)
 * page; an article (内容页); or something else. The standard meta tags
 * (ArticleTitle/PubDate, ColumnName) decide when present; otherwise an article
 * has one title, a 发布时间 or 来源 line under it and body text; a column has
 * a list of at least three dated item links, or a list with pagination, or a
 * list of links while the site's navigation names it. Titles never decide: "关于…的
 * 通知" is an article, "新闻动态" a column only by its structure. Deterministic:
 * the same HTML always gets the same kind.
 */
export function classifyPage(url: string, html: string, isHome: boolean, hints: PageHints = {}): PageKind {
  if (isHome) return 'home';
  const head = html.slice(0, 16_384);
  if (ARTICLE_META.some((m) => m.test(head))) return 'article';
  if (COLUMN_META.test(head)) return 'column';
  const main = withoutFooter(html.slice(0, MAX_READ));
  const { dated: rows, linked } = listRows(main);
  const heading = headingOf(main);
  let labels = 0;
  for (const label of main.matchAll(PUB_LABEL)) {
    if (++labels > MAX_LABELS) break;
    // "发布时间" names a publication date anywhere; a bare "日期" only right under the article's title.
    const strong = label[1] !== undefined || (heading.titled && label.index >= heading.end && label.index - heading.end < 800);
    if (!strong || inRow(rows, label.index)) continue;
    // Body text must follow, before any list (related articles come after the text; a list's own header has none).
    const next = rows.find((r) => r.start > label.index);
    if (rows.length >= 3 && !next) continue;
    if (textLength(main.slice(label.index, rows.length >= 3 ? next!.start : main.length)) >= 50) return 'article';
  }
  if (heading.titled && heading.end >= 0) {
    // "来源：…" right under the title, with body text after it.
    SOURCE_LABEL.lastIndex = heading.end;
    const source = SOURCE_LABEL.exec(main);
    if (source && source.index - heading.end < 400 && !inRow(rows, source.index)) {
      const next = rows.find((r) => r.start > source.index);
      if (textLength(main.slice(source.index, next ? next.start : main.length)) >= 80) return 'article';
    }
  }
  if (rows.length >= 3) return 'column';
  const paginated = PAGINATION.test(main);
  if (paginated && (rows.length >= 1 || linked >= 3)) return 'column';
  // A list template's pager over no items at all: a blank column.
  if (linked === 0 && EMPTY_LIST.test(main)) return 'column';
  if (hints.inNavigation && linked >= 3 && rows.length >= 1) return 'column';
  const lone = loneDates(main, rows);
  if (heading.end >= 0) {
    const near = lone.filter((at) => at >= heading.end && at - heading.end < 800);
    if (near.length === 1 && textLength(main.slice(heading.end)) >= 80) return 'article';
  }
  if (ARTICLE_URL.test(url) && lone.length > 0) return 'article';
  return 'other';
}
