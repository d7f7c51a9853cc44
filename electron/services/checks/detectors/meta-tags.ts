import type { CheckNote, CrawledPage, Observation } from '../types';
import { capItems, htmlPages, pageUrl, sampleEvenly, type DetectorResult, type HtmlPage } from './common';
import { parseAttrs } from './html-lexer';

const META = /<meta\b((?:[^>"']|"[^"]*"|'[^']*')*)>/giu;

/**
 * The named meta tags of a page, read leniently (`content` before `name`,
 * single, double or no quotes, any case, stray spaces; commented-out tags do
 * not count). Keys are the lower-cased names (`articletitle`), values trimmed
 * and entity-decoded; where a name repeats, the first non-empty value wins.
 */
export function readMetaTags(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.replace(/<!--[\s\S]*?-->/gu, '').matchAll(META)) {
    const attrs = parseAttrs(m[1]!);
    const name = attrs.name?.trim().toLowerCase();
    if (!name) continue;
    const content = (attrs.content ?? '').trim();
    if (!(name in out) || (out[name] === '' && content !== '')) out[name] = content;
  }
  return out;
}

/** Tags the rules require (site tags on every page, column tags on column pages, content tags on articles). */
export const SITE_TAGS = ['SiteName', 'SiteDomain', 'SiteIDCode'] as const;
export const COLUMN_TAGS = ['ColumnName', 'ColumnDescription', 'ColumnKeywords', 'ColumnType'] as const;
export const ARTICLE_TAGS = ['ArticleTitle', 'PubDate', 'ContentSource'] as const;

export interface MetaSampleOptions {
  /** Article pages to sample (default 5). */
  articleSample?: number;
  /** Column pages to sample (default 5). */
  columnSample?: number;
}

interface KindSpec {
  kind: 'article' | 'column';
  detect: 'meta.article' | 'meta.column';
  label: string;
  group: string;
  required: readonly string[];
}

const KINDS: KindSpec[] = [
  { kind: 'article', detect: 'meta.article', label: '内容页', group: '站点或内容标签', required: [...SITE_TAGS, ...ARTICLE_TAGS] },
  { kind: 'column', detect: 'meta.column', label: '栏目页', group: '站点或栏目标签', required: [...SITE_TAGS, ...COLUMN_TAGS] },
];

/** Required tags a page lacks, and those present with empty content. */
function lacking(page: HtmlPage, required: readonly string[]): { absent: string[]; empty: string[] } {
  const tags = readMetaTags(page.html);
  return { absent: required.filter((t) => !(t.toLowerCase() in tags)), empty: required.filter((t) => tags[t.toLowerCase()] === '') };
}

function checkKind(pages: HtmlPage[], spec: KindSpec, n: number): { observation?: Observation; note?: CheckNote } {
  const sample = sampleEvenly(
    pages.filter((p) => p.kind === spec.kind),
    n,
  );
  if (!sample.length) return { note: { check: 'meta', text: `未抓取到${spec.label}，未检查${spec.label}${spec.group}`, ok: false } };
  const bad = sample.map((page) => ({ page, ...lacking(page, spec.required) })).filter((r) => r.absent.length + r.empty.length > 0);
  if (!bad.length) return { note: { check: 'meta', text: `抽查 ${sample.length} 个${spec.label}，${spec.group}齐全`, ok: true } };
  const perTag = spec.required
    .map((t) => [t, bad.filter((r) => r.absent.includes(t) || r.empty.includes(t)).length] as const)
    .filter(([, c]) => c > 0)
    .map(([t, c]) => `${t} ${c} 个`)
    .join('、');
  const items = bad.map((r) => ({
    url: pageUrl(r.page),
    text: [...r.absent, ...r.empty].join('、'),
    reason: [r.absent.length ? `缺少 ${r.absent.join('、')}` : '', r.empty.length ? `${r.empty.join('、')} 内容为空` : '']
      .filter(Boolean)
      .join('；'),
  }));
  return {
    observation: {
      detect: spec.detect,
      count: bad.length,
      summary: `抽查 ${sample.length} 个${spec.label}，${bad.length} 个缺少${spec.group}（${perTag}）`,
      items: capItems(items),
    },
  };
}

/**
 * Meta tags on a deterministic sample of article and column pages (sorted by
 * URL, evenly spaced): `meta.article` and `meta.column` each count the sampled
 * pages missing any required tag (or carrying it empty).
 */
export function detectMetaTags(pages: readonly CrawledPage[], options: MetaSampleOptions = {}): DetectorResult {
  const html = htmlPages(pages);
  const result: DetectorResult = { observations: [], notes: [] };
  for (const spec of KINDS) {
    const { observation, note } = checkKind(
      html,
      spec,
      spec.kind === 'article' ? (options.articleSample ?? 5) : (options.columnSample ?? 5),
    );
    if (observation) result.observations.push(observation);
    if (note) result.notes.push(note);
  }
  return result;
}
