import { crawlSite, type CrawlOptions, type CrawlResult } from './crawl';
import { decodeHtml, DEFAULT_LIMITS, fetchBounded } from './fetch-bounded';
import { anchorText, extractLinks, originOf, pathOf, siteKey } from './extract-links';
import { checkUrls, offlineState, reachedNoOtherSite, type LinkCheckOptions, type LinkState } from './link-check';
import type { CheckNote, Observation } from './types';

/** Link-check options for the site map's links, plus what is already known. */
export interface SitemapOptions extends Partial<LinkCheckOptions> {
  /** States already known (from the link check of the same crawl): not asked again. */
  known?: ReadonlyMap<string, LinkState>;
  /** Links of the site map checked at most (XML site maps can list tens of thousands). */
  maxSitemapLinks?: number;
  /** Bounds of the crawl made when given a home page URL (the home page only). */
  crawl?: Partial<CrawlOptions>;
}

/** The site map found (or not) and the state of each link it lists. */
export interface SitemapReport {
  home: string;
  /** The site map found, or null. */
  sitemapUrl: string | null;
  foundBy: 'link' | 'probe' | null;
  /** Why none was found, or what limited the check (for the reviewer). */
  note?: string;
  /** Set when the site map could not be looked at (no answer from its host): nothing is observed then. */
  unverified?: string;
  links: { url: string; result: LinkState }[];
}

/** Link text that names a site map on a home page. */
const SITEMAP_TEXT = /网站地图|站点地图|site\s*map/iu;
/** Where site maps usually are when the home page does not link one. */
const PROBES = ['/sitemap.html', '/sitemap.xml', '/wzdt/'];
const SOFT_404 = /<title[^<>]*>[^<]*(?:404|页面不存在|找不到|出错|错误)[^<]*<\/title>/iu;

interface Fetched {
  url: string;
  ok: boolean;
  /** 0 when no answer came. */
  status: number;
  failure?: string;
  body: string;
  xml: boolean;
  finalUrl: string;
}

async function open(url: string, crawl: CrawlResult, o: SitemapOptions): Promise<Fetched> {
  const page = crawl.pages.find((p) => p.url === url || p.finalUrl === url);
  if (page?.html !== undefined)
    return { url, ok: page.status < 400, status: page.status, body: page.html, xml: false, finalUrl: page.finalUrl };
  const r = await fetchBounded(url, 'GET', o.limits ?? DEFAULT_LIMITS, { signal: o.signal });
  const type = String(r.headers['content-type'] ?? '');
  const body = r.status >= 200 && r.status < 400 && r.body.length ? decodeHtml(r.body, type) : '';
  return {
    url,
    ok: body.length > 0 && !(r.failure && r.status === 0),
    status: r.status,
    ...(r.failure ? { failure: r.failure.message } : {}),
    body,
    xml: /xml/iu.test(type) || /^\s*<\?xml|<urlset|<sitemapindex/iu.test(body.slice(0, 512)),
    finalUrl: r.finalUrl,
  };
}

/** The links a site map lists: <loc> entries of an XML map, the anchors of an HTML one. */
function listed(map: Fetched): string[] {
  if (map.xml) {
    const out: string[] = [];
    for (const m of map.body.matchAll(/<loc>\s*(?:<!\[CDATA\[)?\s*([^<\]]+?)\s*(?:\]\]>)?\s*<\/loc>/giu)) {
      try {
        out.push(new URL(m[1]!.replace(/&amp;/gu, '&'), map.finalUrl).href);
      } catch {
        // not a URL: a broken entry the reviewer sees in the raw map anyway
      }
    }
    return out;
  }
  return extractLinks(map.body, map.finalUrl)
    .filter((l) => l.tag === 'a' || l.tag === 'area')
    .map((l) => l.url);
}

/**
 * Finds the site map — the home page's 网站地图/站点地图 link, else the usual
 * addresses (and robots.txt Sitemap: lines) — and checks the links it lists
 * with `checkUrls`, reusing states already known. Given a home page URL,
 * reads the home page first.
 */
export async function checkSitemap(source: CrawlResult | string, options: SitemapOptions = {}): Promise<SitemapReport> {
  const crawl =
    typeof source === 'string'
      ? await crawlSite(source, { maxPages: 1, maxDepth: 0, ...(options.signal ? { signal: options.signal } : {}), ...options.crawl })
      : source;
  const home = crawl.pages[0];
  const homeFinal = home?.finalUrl ?? crawl.home;
  const homeHtml = home?.html ?? (await open(crawl.home, crawl, options)).body;
  const linked = extractLinks(homeHtml, homeFinal).find((l) => {
    if (l.tag !== 'a' && l.tag !== 'area') return false;
    const text = anchorText(homeHtml, l.at);
    return SITEMAP_TEXT.test(text) || (!text && /sitemap|wzdt/iu.test(pathOf(l.url)));
  });
  let map: Fetched | undefined;
  let foundBy: SitemapReport['foundBy'] = null;
  if (linked) {
    const fetched = await open(linked.url, crawl, options);
    // No answer (the network, or a site map on another host this machine cannot reach) is not a site map that does not open.
    if (fetched.status === 0)
      return {
        home: crawl.home,
        sitemapUrl: null,
        foundBy: null,
        unverified: `首页“网站地图”链接 ${linked.url} 没有响应（${fetched.failure ?? '无法访问'}），站点地图未核实`,
        links: [],
      };
    if (!fetched.ok || SOFT_404.test(fetched.body.slice(0, 4096)))
      return { home: crawl.home, sitemapUrl: null, foundBy: null, note: `首页“网站地图”链接打不开（${linked.url}）`, links: [] };
    map = fetched;
    foundBy = 'link';
  } else {
    const origin = originOf(homeFinal);
    const fromRobots = crawl.robots.get(origin)?.sitemaps.filter((u) => siteKey(u) === siteKey(homeFinal)) ?? [];
    let answered = false;
    for (const url of [...PROBES.map((p) => origin + p), ...fromRobots]) {
      const fetched = await open(url, crawl, options);
      if (fetched.status !== 0) answered = true;
      if (!fetched.ok || fetched.finalUrl === homeFinal || SOFT_404.test(fetched.body.slice(0, 4096)) || listed(fetched).length === 0)
        continue;
      map = fetched;
      foundBy = 'probe';
      break;
    }
    if (!map && !answered)
      return {
        home: crawl.home,
        sitemapUrl: null,
        foundBy: null,
        unverified: `首页没有“网站地图”链接，${PROBES.join('、')} 都没有响应，站点地图未核实`,
        links: [],
      };
  }
  if (!map)
    return {
      home: crawl.home,
      sitemapUrl: null,
      foundBy: null,
      note: `首页没有“网站地图”链接，${PROBES.join('、')} 也都没有站点地图`,
      links: [],
    };

  const limit = options.maxSitemapLinks ?? 2_000;
  const site = siteKey(homeFinal);
  const all = [...new Set(listed(map))].filter((u) => options.external !== false || siteKey(u) === site);
  const urls = all.slice(0, limit);
  const states = await checkUrls(
    urls.filter((u) => !options.known?.has(u)),
    options,
  );
  const external = [...states].filter(([u]) => siteKey(u) !== site).map(([, state]) => state);
  const offline = reachedNoOtherSite(external);
  const links = urls.map((url) => {
    const result = options.known?.get(url) ?? states.get(url)!;
    return { url, result: offline && siteKey(url) !== site ? offlineState(result) : result };
  });
  return {
    home: crawl.home,
    sitemapUrl: map.url,
    foundBy,
    links,
    ...(all.length > limit ? { note: `站点地图共 ${all.length} 个链接，只检查了前 ${limit} 个` } : {}),
  };
}

/** What the site-map check leaves for the reviewer: why it could not look, and its links it could not settle. */
export function sitemapNotes(report: SitemapReport): CheckNote[] {
  const notes: CheckNote[] = [];
  if (report.unverified)
    notes.push({
      check: 'sitemap',
      detect: 'sitemap.missing',
      text: report.unverified,
      ok: false,
      items: [{ url: report.home, reason: report.unverified }],
    });
  if (report.sitemapUrl && report.note) notes.push({ check: 'sitemap', text: report.note, ok: false });
  const unsettled = report.links.flatMap((l) =>
    l.result.state === 'unverified' || l.result.state === 'tls' ? [{ url: report.sitemapUrl!, link: l.url, reason: l.result.reason }] : [],
  );
  if (unsettled.length)
    notes.push({
      check: 'sitemap',
      detect: 'sitemap.links',
      text: `站点地图中有 ${unsettled.length} 个链接未核实，未计为打不开`,
      ok: false,
      items: unsettled.slice(0, 200),
    });
  return notes;
}

/** The site map as observations: none found; and its links that do not open (count = such links). */
export function sitemapObservations(report: SitemapReport): Observation[] {
  if (report.unverified) return [];
  if (!report.sitemapUrl)
    return [
      {
        detect: 'sitemap.missing',
        count: 1,
        summary: report.note ?? '未找到站点地图',
        items: [{ url: report.home, reason: report.note ?? '未找到站点地图' }],
      },
    ];
  const broken = report.links.filter((l) => l.result.state === 'broken');
  if (!broken.length) return [];
  return [
    {
      detect: 'sitemap.links',
      count: broken.length,
      summary: `站点地图中有 ${broken.length} 个链接打不开`,
      items: broken.map((l) => ({ url: report.sitemapUrl!, link: l.url, reason: l.result.state === 'broken' ? l.result.reason : '' })),
    },
  ];
}
