import type { DetectId } from './detects';

/** One thing the note points at: the page, and what on it (a link, masked text), and why. */
export interface NoteItem {
  url: string;
  text?: string;
  link?: string;
  reason?: string;
}

/**
 * What an automated check saw that no rule of the ruleset scores: an
 * unverified link, a TLS fault, a crawl cut-off, a robots.txt exclusion, a
 * truncated page, personal data under a ruleset without a rule for it. Kept
 * with the target so the reviewer sees it after the run, with the indicator
 * it most plausibly belongs to, and can record it as a finding in one action.
 */
export interface CheckNoteView {
  targetId: number;
  target: string;
  /** The check that made it (links, crawl, content …). */
  check: string;
  detect: DetectId | null;
  text: string;
  /** The indicator it most plausibly belongs to, and its first rule, when one fits. */
  indicatorId: string | null;
  indicator: string | null;
  rule: number | null;
  items: NoteItem[];
  checkedAt: string;
}
