import type { DetectId } from '../../../shared/checks/detects';

/** What a page seems to be, as the rules sample pages (首页, 栏目页, 内容页). */
export type PageKind = 'home' | 'column' | 'article' | 'other';

/** One page fetched by the crawler, decoded. Only HTML pages carry `html`. */
export interface CrawledPage {
  url: string;
  /** After redirects. */
  finalUrl: string;
  status: number;
  contentType: string;
  /** Decoded text of an HTML page (UTF-8, GBK, GB18030 …); absent for other types and failures. */
  html?: string;
  depth: number;
  kind: PageKind;
  /** The link text that led here first (a column's name on the navigation). */
  linkText?: string;
}

/**
 * One thing the evidence of a suggestion points at: the page, and what on it
 * (the matched text, an HTML fragment, the broken URL), with a CSS selector to
 * highlight in the screenshot where there is an element to show.
 */
export interface EvidenceItem {
  /** The page where it was seen. */
  url: string;
  /** Matched text as shown to the reviewer (personal data already masked). */
  text?: string;
  /** A short HTML fragment (≤ 500 characters). */
  html?: string;
  /** The URL the page points to (a broken link, a sitemap entry). */
  link?: string;
  /** Why it counts (HTTP 404, 超时, 缺少 SiteIDCode …). */
  reason?: string;
  /** Element to outline in the screenshot. */
  selector?: string;
}

/**
 * What a check saw, before any ruleset is consulted. Suggestions are made from
 * observations by the rules whose `detects` name them (suggest.ts).
 */
export interface Observation {
  detect: DetectId;
  /** Occurrences as the rule counts them (≥ 1). */
  count: number;
  /** One line in Chinese for the reviewer. */
  summary: string;
  items: EvidenceItem[];
}

/**
 * A check's facts that no rule scores: shown in the check report (e.g. "HTTPS
 * 证书有效期至 …"), and, when not ok, kept for the reviewer with the target
 * (unverified links, TLS faults, crawl cut-offs, personal data a ruleset does
 * not score). `detect` names the observation it is nearest to, so the runner
 * can name the indicator it most plausibly belongs to.
 */
export interface CheckNote {
  check: string;
  text: string;
  ok: boolean;
  detect?: DetectId;
  items?: EvidenceItem[];
}

/** Reports progress of a long run, one line per phase; `fraction` is 0..1 when known. */
export type Progress = (line: string, fraction?: number) => void;

/**
 * Where a run is now: one live line ("正在检查 某某网站：已抓取 120/约 800 页…")
 * and how far the whole run is (0..1). Each replaces the previous one; it is
 * not a log line.
 */
export interface RunStatus {
  text: string;
  fraction: number;
}

export type StatusListener = (status: RunStatus) => void;
