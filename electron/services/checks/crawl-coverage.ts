import type { CheckNote } from './types';

/** The bound that kept the crawl from the rest of the site. */
export type CrawlCut = 'pages' | 'depth' | 'budget' | 'cancelled' | 'links' | 'memory';

/** How much of the site one crawl covered, and what stopped it short. */
export interface CrawlCoverage {
  /** Distinct pages fetched (aliases of a page not counted). */
  pages: number;
  /** Same-site pages found but not fetched, by the bound that left them out. */
  left: { pages: number; depth: number };
  /** Pages kept without HTML because the memory budget was spent. */
  unkept: number;
  /** Pages whose body was cut at the byte limit or by a timeout mid-body. */
  truncated: number;
  disallowed: number;
  /** Bounds reached, in the order they matter to a reviewer; empty when the whole site was covered. */
  cutBy: CrawlCut[];
  maxPages: number;
  /** null: no depth limit. */
  maxDepth: number | null;
  budgetMs: number;
  elapsedMs: number;
}

/** The crawl's notes on what it left out: the bounds it reached and the pages robots.txt kept it from. */
export function coverageNotes(
  c: CrawlCoverage,
  o: { maxPages: number; maxDepth: number; maxFoundLinks: number; maxKeptBytes: number; budgetMs: number },
  disallowed: readonly string[],
  linksCut: boolean,
): CheckNote[] {
  const notes: CheckNote[] = [];
  const sample = (list: readonly string[]) => list.slice(0, 200).map((url) => ({ url, reason: 'robots.txt 不允许抓取' }));
  if (c.left.pages)
    notes.push({
      check: 'crawl',
      text: `已达页面上限 ${o.maxPages} 个，另有 ${c.left.pages} 个本站页面未抓取（可用 --max-pages 调高）`,
      ok: false,
    });
  if (c.left.depth)
    notes.push({
      check: 'crawl',
      text: `已达深度上限 ${o.maxDepth} 层，另有 ${c.left.depth} 个更深的本站页面未抓取（可用 --max-depth 调高）`,
      ok: false,
    });
  if (linksCut) notes.push({ check: 'crawl', text: `链接超过 ${o.maxFoundLinks} 个，其余未记录`, ok: false });
  if (c.unkept)
    notes.push({
      check: 'crawl',
      text: `保留的页面内容已达内存上限 ${formatBytes(o.maxKeptBytes)}：${c.unkept} 个页面只检查了链接，未做页脚、错敏字、个人信息等页面内容检查`,
      ok: false,
    });
  if (disallowed.length)
    notes.push({
      check: 'crawl',
      text: `robots.txt 不允许抓取 ${disallowed.length} 个页面，这些页面未检查（正式检查可选择忽略 robots.txt）`,
      ok: false,
      items: sample(disallowed),
    });
  if (c.cutBy.includes('budget'))
    notes.push({
      check: 'crawl',
      text: `抓取用完时限 ${Math.round(o.budgetMs / 1000)} 秒，已停止：已抓取 ${c.pages} 个页面，其余未抓取`,
      ok: false,
    });
  if (c.cutBy.includes('cancelled')) notes.push({ check: 'crawl', text: '抓取已取消', ok: false });
  return notes;
}

const CUT_LABEL: Record<CrawlCut, string> = {
  pages: '页面上限',
  depth: '深度上限',
  budget: '时间上限',
  cancelled: '取消',
  links: '链接数上限',
  memory: '内存上限',
};

/** "抓取 1,234 个页面，全站已覆盖" or "… 因页面上限、时间上限未抓完", for the CLI and the UI. */
export function describeCoverage(c: CrawlCoverage): string {
  const seconds = Math.round(c.elapsedMs / 1000);
  const head = `抓取 ${c.pages} 个页面，用时 ${seconds} 秒`;
  if (!c.cutBy.length) return `${head}，全站已覆盖${c.disallowed ? `（robots.txt 排除 ${c.disallowed} 个页面）` : ''}`;
  const left = c.left.pages + c.left.depth;
  return `${head}，因${c.cutBy.map((k) => CUT_LABEL[k]).join('、')}未抓完${left ? `（另有 ${left} 个页面未抓取）` : ''}`;
}

/** "1.5 MiB", "128 KiB". */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1048576) * 10) / 10} MiB` : `${Math.round(n / 1024)} KiB`;
}
