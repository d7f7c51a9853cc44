import type { CrawledPage } from '../types';
import { pageUrl, type DetectorResult } from './common';
import { checkDomainNaming, type SiteKind } from './domain-naming';
import { detectFooterIdentity, type FooterOptions } from './footer-identity';
import { detectJiucuo } from './jiucuo';
import { detectMetaTags } from './meta-tags';
import { detectPersonalData } from './personal-data';
import { detectShare } from './share';
import { detectWords, type WordList } from './words';

export type { DetectorResult } from './common';
export type { SiteKind } from './domain-naming';
export type { WordList } from './words';

/** How the page detectors run over one crawl. */
export interface PageDetectorOptions {
  /** 错敏字 to look for (bundled list plus the assessment's words.txt); without one, words are not checked. */
  wordList?: WordList;
  /** Article pages sampled for meta tags and for the share function (default 5). */
  articleSample?: number;
  /** Column pages sampled for meta tags (default 5). */
  columnSample?: number;
  /** What the site is, for the domain naming rules (default 'unknown': suffix only). */
  siteKind?: SiteKind;
  /** The clock, for judging whether an ID number's birth date is plausible. */
  now?: Date;
  /** The ruleset's reading of the footer items (whether a 联系我们 link counts as 联系方式). */
  footer?: FooterOptions;
}

/**
 * Every detector that needs only the crawled pages: footer identity, the
 * 找错 entry, meta tags, personal data, 错敏字, the share function, and the
 * domain of the home page. Observations come in that order.
 */
export function runPageDetectors(pages: readonly CrawledPage[], options: PageDetectorOptions = {}): DetectorResult {
  const parts: DetectorResult[] = [
    { observations: detectFooterIdentity(pages, options.footer), notes: [] },
    detectJiucuo(pages),
    detectMetaTags(pages, { articleSample: options.articleSample, columnSample: options.columnSample }),
    { observations: detectPersonalData(pages, options.now), notes: [] },
    options.wordList
      ? { observations: detectWords(pages, options.wordList), notes: [] }
      : { observations: [], notes: [{ check: 'content', text: '未提供错敏字词表，未检查错敏字', ok: false }] },
    detectShare(pages, options.articleSample),
  ];
  const home = pages.find((p) => p.kind === 'home');
  parts.push(
    home
      ? checkDomainNaming(pageUrl(home), options.siteKind ?? 'unknown')
      : { observations: [], notes: [{ check: 'domain', text: '未抓取到首页，未检查域名', ok: false }] },
  );
  return { observations: parts.flatMap((p) => p.observations), notes: parts.flatMap((p) => p.notes) };
}
