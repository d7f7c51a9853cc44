import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_NAMES } from '../../../shared/checks/check-names';
import { DEFAULT_WEBSITE_CHECK } from '../../../electron/services/checks/check-website';
import { DEFAULT_LIMITS } from '../../../electron/services/checks/fetch-bounded';
import { runChecks } from '../../../electron/services/checks/run-checks';
import { freshAssessment } from '../../helpers/assessment';
import { closedPort } from '../../helpers/closed-port';
import { mapLookup } from '../../helpers/lookup';
import { cli } from '../../helpers/run-cli';
import { serveCountyPortal, type CountyPortal } from '../../fixtures/sites/county-portal';

// An offline world: every name lookup fails, and the one literal IP address
// linked from the home page refuses connections. Nothing outside the portal
// can be verified, so nothing outside it may be called broken.
const offline = { ...DEFAULT_LIMITS, timeoutMs: 3_000, lookup: mapLookup({}) };
const options = (only = CHECK_NAMES) => ({ ...DEFAULT_WEBSITE_CHECK, only, limits: offline, now: new Date() });

describe('the robot reviewer on a county portal, offline', () => {
  let portal: CountyPortal;
  let deadIp = '';
  beforeAll(async () => {
    deadIp = `http://127.0.0.1:${await closedPort()}/zwfw/`;
    portal = await serveCountyPortal({ literalIpLink: deadIp });
  });
  afterAll(() => portal.close());

  const website = (store: ReturnType<typeof freshAssessment>['store'], url = portal.url) =>
    store.addTarget({
      kind: 'website',
      unit: '南岭县人民政府',
      name: '南岭县人民政府门户网站',
      url,
      classId: 'county',
      attributes: {},
      identifier: null,
      platform: null,
    });

  it('counts the home page once (/ and /index.html are one page), finds no broken link outside the site, and keeps every unscored observation as a note', async () => {
    const { store } = freshAssessment();
    const target = website(store);
    try {
      const result = await runChecks({ store, targets: [target], options: options(), progress: () => undefined });
      const path = (u: string) => u.replace(portal.url.slice(0, -1), '');
      const links = Object.fromEntries(result.suggestions.filter((s) => s.check.startsWith('links.')).map((s) => [s.check, s]));
      // 5 on the home page and 3 elsewhere: not 5 more for /index.html, nor for /?from=timeline.
      expect(links['links.home']!.count).toBe(5);
      expect(links['links.home']!.evidence.map((e) => path(e.link!)).sort()).toEqual([...portal.truth.home].sort());
      expect(links['links.other']!.count).toBe(3);
      expect(links['links.other']!.evidence.map((e) => `${path(e.url)} → ${path(e.link!)}`).sort()).toEqual([...portal.truth.other].sort());
      // Nothing outside the site is a defect: not the links, not the off-site search, not the off-site site map.
      expect(result.suggestions.flatMap((s) => s.evidence).some((e) => e.link && !e.link.startsWith(portal.url))).toBe(false);
      expect(result.suggestions.map((s) => s.check)).not.toContain('search.missing');
      expect(result.suggestions.map((s) => s.check).filter((c) => c.startsWith('sitemap.'))).toEqual([]);
      // What was not verified is a note with its reason and the indicator it belongs to.
      const offlineNote = result.notes.find((n) => n.text.includes('本机连不上'))!;
      expect(offlineNote).toMatchObject({ check: 'links', indicator: '健康情况/可用性' });
      expect(offlineNote.items.map((i) => i.link)).toContain(deadIp);
      expect(offlineNote.items.map((i) => i.link)).toContain('http://www.gov.cn/');
      expect(result.notes.find((n) => n.check === 'sitemap')).toMatchObject({
        detect: 'sitemap.missing',
        indicator: '功能设计/站点地图',
        text: expect.stringContaining('未核实'),
      });
      // The ID number on the notice page: zhanjiang-2021 has no rule for it, and the reviewer still sees it, masked.
      const pii = result.notes.find((n) => n.detect === 'content.pii')!;
      expect(pii.indicator).toContain('泄密');
      expect(pii.items[0]!.url).toBe(`${portal.url}tzgg/202401/t20240103_2.html`);
      expect(JSON.stringify(pii)).not.toContain('11010519491231002X');
      // Kept with the target, for the review workspace after the run.
      expect(store.listCheckNotes(target.id)).toEqual(result.notes);
      // The whole site, and said so.
      expect(result.coverage[0]!.coverage).toMatchObject({ cutBy: [], left: { pages: 0, depth: 0 } });
      // 10 pages of the site and the 4 broken ones it links to (fetched, answered 404).
      expect(result.coverage[0]!.coverage.pages).toBe(14);
    } finally {
      store.close();
    }
  });

  it('an unreachable site gets an availability note and no defect made of missing data', async () => {
    const { store } = freshAssessment();
    const target = website(store, `http://127.0.0.1:${await closedPort()}/`);
    try {
      const result = await runChecks({ store, targets: [target], options: options(), progress: () => undefined });
      expect(result.suggestions).toEqual([]);
      const down = result.notes.find((n) => n.detect === 'monitor.unreachable')!;
      expect(down).toMatchObject({ indicator: '单项否决/站点无法访问', text: expect.stringContaining('首页无法访问') });
      expect(down.text).toContain('IPv6');
    } finally {
      store.close();
    }
  });

  it('a cancelled run stores nothing for the target it did not finish', async () => {
    const { store } = freshAssessment();
    const target = website(store);
    const controller = new AbortController();
    try {
      const result = await runChecks({
        store,
        targets: [target],
        options: options(),
        signal: controller.signal,
        progress: (line) => line.includes('抓取第 2 层') && controller.abort(),
      });
      expect(result).toMatchObject({ cancelled: true, checked: 0, suggestions: [], notes: [] });
      expect(store.listFindings()).toEqual([]);
      expect(store.listCheckNotes()).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('takes no new screenshots for suggestions the reviewer already confirmed or dismissed', async () => {
    const { store } = freshAssessment();
    const target = website(store);
    const shots: string[] = [];
    const shoot = async (_t: unknown, s: { check: string }) => (shots.push(s.check), []);
    try {
      await runChecks({ store, targets: [target], options: options(['links']), progress: () => undefined, shoot });
      expect(shots.sort()).toEqual(['links.home', 'links.other']);
      const [home, other] = ['links.home', 'links.other'].map((c) => store.listFindings().find((f) => f.source === c)!);
      store.updateFinding(home!.id, { status: 'confirmed' }, '确认');
      store.updateFinding(other!.id, { status: 'dismissed' }, '驳回');
      shots.length = 0;
      await runChecks({ store, targets: [target], options: options(['links']), progress: () => undefined, shoot });
      expect(shots).toEqual([]);
      expect(
        store
          .listFindings()
          .map((f) => f.status)
          .sort(),
      ).toEqual(['confirmed', 'dismissed']);
    } finally {
      store.close();
    }
  });

  it('check --json reports notes and coverage; --max-depth and --budget bound the crawl', async () => {
    const { dir, store } = freshAssessment();
    website(store);
    store.close();
    const full = await cli(dir, 'check', dir, '--json', '--no-screenshots', '--same-site-only', '--only', 'links,content');
    expect(full.code).toBe(0);
    const report = JSON.parse(full.stdout) as {
      findings: { check: string; count: number }[];
      notes: { detect: string | null; indicator: string | null }[];
      coverage: { pages: number; cutBy: string[] }[];
    };
    expect(report.findings.find((f) => f.check === 'links.home')!.count).toBe(5);
    expect(report.notes.find((n) => n.detect === 'content.pii')!.indicator).toContain('泄密');
    expect(report.coverage).toEqual([expect.objectContaining({ pages: 14, cutBy: [] })]);
    const shallow = await cli(
      dir,
      'check',
      dir,
      '--no-screenshots',
      '--same-site-only',
      '--only',
      'links',
      '--max-depth',
      '1',
      '--budget',
      '10m',
    );
    expect(shallow.stdout).toMatch(/覆盖\t抓取 \d+ 个页面，用时 \d+ 秒，因深度上限未抓完（另有 \d+ 个页面未抓取）/u);
    const bad = await cli(dir, 'check', dir, '--budget', 'soon');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--budget 应为每个网站的总时限');
  });
});
