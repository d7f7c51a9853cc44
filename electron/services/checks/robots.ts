import { fetchBounded, type FetchLimits } from './fetch-bounded';

/** Our product token in robots.txt groups. */
export const ROBOTS_AGENT = 'Kaoping';

interface Rule {
  allow: boolean;
  /** Pattern length, for "longest match wins". */
  length: number;
  test: RegExp;
}

/** What robots.txt lets us fetch on one origin. */
export interface RobotsRules {
  /** Whether a path (with its query) may be fetched. */
  allows(pathAndQuery: string): boolean;
  /** Crawl-delay of the chosen group, in milliseconds (0 when none). */
  crawlDelayMs: number;
  /** Sitemap: lines, absolute URLs. */
  sitemaps: string[];
  /** How the file was read, for the check report; absent when it was read normally. */
  note?: string;
}

/** Percent-encodes what a URL path would, so patterns with Chinese characters match encoded paths. */
function encodePattern(p: string): string {
  return p.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

function compile(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/gu, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`, 'u');
}

/**
 * Parses robots.txt as RFC 9309 does: groups start at User-agent lines; the
 * groups naming our agent are merged, else those for '*'; the longest matching
 * Allow/Disallow pattern wins, Allow on a tie; '*' and a final '$' are
 * wildcards. Unknown lines are ignored.
 */
export function parseRobots(text: string, agent = ROBOTS_AGENT): RobotsRules {
  const token = agent.toLowerCase();
  type Group = { agents: string[]; rules: Rule[]; delay: number };
  const groups: Group[] = [];
  const sitemaps: string[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/u)) {
    const line = rawLine.replace(/#.*$/u, '').trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], delay: 0 };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase().split('/')[0]!.trim());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (key === 'sitemap') {
      if (/^https?:\/\//iu.test(value)) sitemaps.push(value);
      continue;
    }
    if (!current) continue;
    if ((key === 'allow' || key === 'disallow') && value) {
      const pattern = encodePattern(value.startsWith('/') || value.startsWith('*') ? value : `/${value}`);
      current.rules.push({ allow: key === 'allow', length: pattern.length, test: compile(pattern) });
    } else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds > 0) current.delay = seconds * 1000;
    }
  }
  const ours = groups.filter((g) => g.agents.includes(token));
  const chosen = ours.length ? ours : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  return {
    crawlDelayMs: Math.max(0, ...chosen.map((g) => g.delay)),
    sitemaps,
    allows(pathAndQuery) {
      if (pathAndQuery === '/robots.txt') return true;
      let best: Rule | undefined;
      for (const rule of rules) {
        if (best && (rule.length < best.length || (rule.length === best.length && best.allow))) continue;
        if (rule.test.test(pathAndQuery)) best = rule;
      }
      return best?.allow ?? true;
    },
  };
}

const ALLOW_ALL = (note?: string): RobotsRules => ({ crawlDelayMs: 0, sitemaps: [], allows: () => true, ...(note ? { note } : {}) });

/**
 * The robots.txt rules of an origin ("https://www.x.gov.cn"), fetched within
 * bounds (at most 512 KiB are read). A missing file (4xx) allows everything; a
 * server error or no answer allows everything too, but says so in `note` so
 * the report shows the crawl went ahead without knowing the site's wishes.
 */
export async function fetchRobots(origin: string, limits: FetchLimits, signal?: AbortSignal): Promise<RobotsRules> {
  const r = await fetchBounded(`${origin}/robots.txt`, 'GET', { ...limits, maxBytes: Math.min(limits.maxBytes, 512 * 1024) }, { signal });
  if (r.failure && r.status === 0)
    return ALLOW_ALL(r.failure.kind === 'aborted' ? undefined : `robots.txt 无法读取（${r.failure.message}），按允许抓取处理`);
  if (r.status >= 500) return ALLOW_ALL(`robots.txt 返回 HTTP ${r.status}，按允许抓取处理`);
  if (r.status >= 400 || r.status < 200) return ALLOW_ALL();
  return parseRobots(r.body.toString('utf8'));
}
