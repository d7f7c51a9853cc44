import type { Ruleset } from '../../../shared/ruleset/types';
import { applies, listIndicators, type IndicatorPlace } from '../../../shared/ruleset/walk';
import { detectId, type DetectId } from '../../../shared/checks/detects';
import type { CheckNoteView } from '../../../shared/checks/notes';
import type { Target } from '../../../shared/domain/types';
import { checkOf } from '../../../shared/checks/check-names';
import type { Suggestion } from './suggest';
import type { CheckNote, Observation } from './types';

/**
 * Where an observation belongs when no rule of the ruleset names it: indicator
 * names to look for, most specific first. Personal data on a page is a
 * security and disclosure matter (安全、泄密事故 / 内容安全).
 */
const NEAREST: Partial<Record<DetectId, RegExp[]>> = {
  'content.pii': [/泄密|隐私|个人信息/u, /内容安全/u, /安全/u],
  'content.words': [/内容安全|错敏/u, /内容/u],
  // A certificate fault makes the host's links fail for strict clients: availability, not content safety.
  https: [/HTTPS|证书|安全防护|网络安全/iu, /可用性/u],
  ipv6: [/IPV6/iu],
  'monitor.unreachable': [/无法访问|可用性/u],
  'links.home': [/可用性|链接/u],
  'links.other': [/可用性|链接/u],
  'sitemap.missing': [/站点地图|网站地图/u],
  'sitemap.links': [/站点地图|网站地图/u],
  'search.missing': [/搜索/u],
  'search.titles': [/搜索/u],
  'share.missing': [/分享|转载/u],
  'footer.identity': [/标识/u],
  'jiucuo.home': [/找错/u],
  'jiucuo.other': [/找错/u],
  'domain.naming': [/域名/u],
};

function appliesTo(ruleset: Ruleset, place: IndicatorPlace, target: Target): boolean {
  const cls = ruleset.classes.find((c) => c.id === target.classId);
  return [place.part.appliesTo, place.section.appliesTo, place.indicator.appliesTo].every((s) =>
    applies(s, target.kind, cls, target.attributes),
  );
}

/** The indicator (and its first rule) an observation most plausibly belongs to for this target, or null. */
export function nearestIndicator(
  ruleset: Ruleset,
  target: Target,
  detect: DetectId | undefined,
): { place: IndicatorPlace; rule: number } | null {
  if (!detect) return null;
  const places = listIndicators(ruleset, target.kind).filter((p) => appliesTo(ruleset, p, target) && p.indicator.rules.length > 0);
  for (const place of places) {
    const rule = place.indicator.rules.find((r) => r.detects?.some((d) => detectId(d) === detect));
    if (rule) return { place, rule: rule.n };
  }
  for (const hint of NEAREST[detect] ?? []) {
    // Vetoes come first in a ruleset; a note is nearest to the deduction that fits, the veto only when nothing else does.
    const ordered = [...places.filter((p) => p.part.kind !== 'veto'), ...places.filter((p) => p.part.kind === 'veto')];
    const place = ordered.find((p) => hint.test(p.path));
    if (place) return { place, rule: place.indicator.rules[0]!.n };
  }
  return null;
}

/**
 * The notes a run keeps for the reviewer about one target: every observation
 * no suggestion came from (no rule names it, or its count is below the rule's
 * threshold), and every check note that is not simply fine. Each names the
 * indicator it most plausibly belongs to.
 */
export function reviewNotes(
  ruleset: Ruleset,
  target: Target,
  observations: readonly Observation[],
  suggestions: readonly Suggestion[],
  notes: readonly CheckNote[],
  checkedAt: string,
): CheckNoteView[] {
  const scored = new Set(suggestions.map((s) => s.check));
  const out: CheckNoteView[] = [];
  const add = (check: string, detect: DetectId | undefined, text: string, items: CheckNote['items']) => {
    const near = nearestIndicator(ruleset, target, detect);
    out.push({
      targetId: target.id,
      target: target.name || target.unit,
      check,
      detect: detect ?? null,
      text,
      indicatorId: near?.place.indicator.id ?? null,
      indicator: near?.place.path ?? null,
      rule: near?.rule ?? null,
      items: (items ?? []).map(({ url, text: t, link, reason }) => ({
        url,
        ...(t ? { text: t } : {}),
        ...(link ? { link } : {}),
        ...(reason ? { reason } : {}),
      })),
      checkedAt,
    });
  };
  for (const o of observations) {
    if (!scored.has(o.detect))
      add(checkOf(o.detect), o.detect, `${o.summary}（本考评方案没有据此计分的评分细则或未达到计分条件，未计分）`, o.items);
  }
  for (const n of notes) if (!n.ok) add(n.check, n.detect, n.text, n.items);
  return out;
}
