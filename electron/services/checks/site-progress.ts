/**
 * How far the checks of one site are, from counts rather than phases: pages
 * the crawl fetched out of those it knows of, links checked out of those
 * found, the other checks done, screenshots taken. A site's run then moves
 * with its pages instead of jumping from phase to phase (a one-site run sat
 * at 100 % for most of its time while screenshots were taken).
 */

/** The parts of one site's checks, in the order they run. */
export type SiteSegment = 'crawl' | 'links' | 'checks' | 'shots';

const ORDER: readonly SiteSegment[] = ['crawl', 'links', 'checks', 'shots'];

/**
 * Shares of a site's bar, measured on real sites: a crawl of 800 pages and a
 * check of 1,200 links take about as long as the screenshots of a handful of
 * suggestions; the other checks (HTTPS, IPv6, search, site map…) are quicker.
 * Only the parts a run includes count (a links-only run without screenshots
 * gives the crawl and the links the whole bar).
 */
const WEIGHT: Record<SiteSegment, number> = { crawl: 0.35, links: 0.25, checks: 0.15, shots: 0.25 };

/** Which parts a site's run includes; `checks` is the number of checks other than links. */
export interface SitePlan {
  crawl: boolean;
  links: boolean;
  checks: number;
  shots: boolean;
}

export interface SiteProgressOptions {
  /** Least time between two reports (a count may change thousands of times a second). */
  everyMs: number;
  clock: () => number;
}

/** At most five reports a second. */
export const DEFAULT_SITE_PROGRESS: SiteProgressOptions = { everyMs: 200, clock: Date.now };

/**
 * Follows one site's checks and reports, at most every `everyMs`, its fraction
 * (0..1, never going back) and a line of counts ("已抓取 120/约 800 页，已检查链接
 * 340/1200"). The crawl's total is not known while it runs: each fetched page
 * takes its share of what is left of the crawl's part among the pages known
 * so far, so newly found pages slow the bar down instead of pushing it back.
 * A part with a time budget moves at least as fast as its time runs out.
 */
export class SiteProgress {
  private readonly o: SiteProgressOptions;
  private readonly total: number;
  private segment: SiteSegment | null = null;
  private startedAt = 0;
  private budgetMs = 0;
  private crawlShare = 0;
  private pagesDone = 0;
  private pagesKnown = 0;
  private crawlEnded = false;
  private linksDone = 0;
  private linksTotal = 0;
  /** Links already settled when the link check began (the crawl fetched them): counted, but no part of the bar's movement. */
  private linksBase: number | null = null;
  private checksDone = 0;
  /** The check under way (站内搜索, 站点地图…): the slow ones wait on the network. */
  private checkLabel = '';
  private shotsDone = 0;
  private shotsTotal = 0;
  private last = 0;
  private lastReport = -Infinity;
  private finished = false;

  constructor(
    private readonly plan: SitePlan,
    private readonly report: (fraction: number, counts: string) => void = () => undefined,
    options: Partial<SiteProgressOptions> = {},
  ) {
    this.o = { ...DEFAULT_SITE_PROGRESS, ...options };
    this.total = ORDER.reduce((sum, s) => sum + this.weight(s), 0);
  }

  /** A part starts (the earlier ones count as done); `budgetMs` is the time it may take at most. */
  begin(segment: SiteSegment, budgetMs = 0): void {
    if (segment !== 'crawl' && this.segment !== null) this.crawlEnded = true;
    this.segment = segment;
    this.startedAt = this.o.clock();
    this.budgetMs = budgetMs;
    this.emit(true);
  }

  /** The crawl went through `done` of the `known` pages it has found so far. */
  pages(done: number, known: number): void {
    if (done > this.pagesDone) {
      const step = done - this.pagesDone;
      this.crawlShare += ((1 - this.crawlShare) * step) / Math.max(step, known - this.pagesDone);
      this.pagesDone = done;
    }
    this.pagesKnown = Math.max(known, this.pagesDone);
    this.emit();
  }

  /** `done` of `total` links checked. */
  links(done: number, total: number): void {
    this.linksBase ??= done;
    this.linksDone = done;
    this.linksTotal = total;
    this.emit();
  }

  /** One of the other checks starts. */
  checking(label: string): void {
    this.checkLabel = label;
    this.emit(true);
  }

  /** One more of the other checks is done. */
  checkDone(): void {
    this.checksDone++;
    this.checkLabel = '';
    this.emit(true);
  }

  /** `done` of `total` suggestions have their screenshots. */
  shots(done: number, total: number): void {
    this.shotsDone = done;
    this.shotsTotal = total;
    this.emit(true);
  }

  /** Everything for the site is done. */
  finish(): void {
    this.finished = true;
    this.emit(true);
  }

  /** 0..1 of the site, never less than reported before. */
  fraction(): number {
    if (this.finished) return (this.last = 1);
    if (!this.segment || this.total === 0) return this.last;
    let value = 0;
    for (const s of ORDER) {
      if (s === this.segment) {
        value += this.weight(s) * this.within(s);
        break;
      }
      value += this.weight(s);
    }
    this.last = Math.max(this.last, Math.min(1, value / this.total));
    return this.last;
  }

  /** The counts so far, in Chinese. */
  counts(): string {
    const parts: string[] = [];
    if (this.plan.crawl && this.segment) {
      if (this.crawlEnded) parts.push(`已抓取 ${this.pagesDone} 页`);
      else parts.push(this.pagesKnown ? `已抓取 ${this.pagesDone}/约 ${this.pagesKnown} 页` : '开始抓取');
    }
    if (this.plan.links && this.reached('links'))
      parts.push(this.segment === 'links' && this.linksTotal === 0 ? '开始检查链接' : `已检查链接 ${this.linksDone}/${this.linksTotal}`);
    if (this.plan.checks && this.reached('checks')) {
      const under = this.segment === 'checks' && this.checkLabel ? `（正在检查${this.checkLabel}）` : '';
      parts.push(`其他检查 ${Math.min(this.checksDone, this.plan.checks)}/${this.plan.checks} 项${under}`);
    }
    if (this.plan.shots && this.reached('shots'))
      parts.push(this.shotsTotal ? `截图 ${this.shotsDone}/${this.shotsTotal} 条建议` : '准备截图');
    return parts.join('，') || '准备中';
  }

  private weight(s: SiteSegment): number {
    if (s === 'crawl') return this.plan.crawl ? WEIGHT.crawl : 0;
    if (s === 'links') return this.plan.links ? WEIGHT.links : 0;
    if (s === 'checks') return this.plan.checks > 0 ? WEIGHT.checks : 0;
    return this.plan.shots ? WEIGHT.shots : 0;
  }

  private reached(s: SiteSegment): boolean {
    return !!this.segment && ORDER.indexOf(this.segment) >= ORDER.indexOf(s);
  }

  private within(s: SiteSegment): number {
    const time = this.budgetMs > 0 ? (this.o.clock() - this.startedAt) / this.budgetMs : 0;
    const counted =
      s === 'crawl'
        ? this.crawlShare
        : s === 'links'
          ? this.linkShare()
          : s === 'checks'
            ? this.checksDone / Math.max(1, this.plan.checks)
            : this.shotsTotal
              ? this.shotsDone / this.shotsTotal
              : 0;
    return Math.min(1, Math.max(counted, time));
  }

  private linkShare(): number {
    const base = this.linksBase ?? 0;
    return this.linksTotal > base ? (this.linksDone - base) / (this.linksTotal - base) : 0;
  }

  private emit(force = false): void {
    const now = this.o.clock();
    if (!force && now - this.lastReport < this.o.everyMs) return;
    this.lastReport = now;
    this.report(this.fraction(), this.counts());
  }
}
