import type { FindingDraft } from '../components/review/indicator-panel';

/** Where a draft is kept: one per target and indicator. */
export const draftKey = (targetId: number, indicatorId: string) => `${targetId}|${indicatorId}`;

/** Drafts also outlive a reload of the window (for this browser tab only). */
const DRAFTS_KEY = 'kaoping.review.drafts';

export function loadDrafts(assessment: string): Record<string, FindingDraft> {
  try {
    return (JSON.parse(sessionStorage.getItem(`${DRAFTS_KEY}.${assessment}`) ?? '{}') as Record<string, FindingDraft> | null) ?? {};
  } catch {
    return {};
  }
}

export function saveDrafts(assessment: string, drafts: Record<string, FindingDraft>): void {
  sessionStorage.setItem(`${DRAFTS_KEY}.${assessment}`, JSON.stringify(drafts));
}
