import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { sampleSites } from '../../../electron/services/demo/sample-sites';
import { serveSampleSite, type RunningSite } from '../../../electron/services/demo/site-server';

const today = new Date('2025-06-30T04:00:00Z');

/** Same-site link targets of a page (href/src values starting with "/" or relative). */
function internalTargets(pagePath: string, html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
    const value = m[1]!;
    if (/^(https?:|mailto:|javascript:|#|\/\/)/.test(value)) continue;
    out.push(new URL(value, `http://site${pagePath}`).pathname);
  }
  return out;
}

describe('bundled sample sites', () => {
  const sites = sampleSites(today);
  let running: RunningSite[] = [];
  beforeAll(async () => {
    running = await Promise.all(sites.map(serveSampleSite));
  });
  afterAll(async () => {
    await Promise.all(running.map((r) => r.close()));
  });

  it('links only to pages it serves or to the paths it declares broken', () => {
    for (const site of sites) {
      const served = new Set(site.pages.map((p) => p.path));
      const linked = new Set(site.pages.flatMap((p) => internalTargets(p.path, p.html)));
      for (const target of linked) expect(served.has(target) || site.missing.includes(target), `${site.key} ${target}`).toBe(true);
      for (const missing of site.missing) expect(linked.has(missing), `${site.key} declares ${missing} but never links it`).toBe(true);
    }
  });

  it('serves GBK pages as GBK bytes, some without a charset header', async () => {
    const dept = running.find((r) => r.site.key === 'department')!;
    const res = await fetch(new URL('/zwdt/', dept.url));
    expect(res.headers.get('content-type')).toBe('text/html');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.toString('utf8')).not.toContain('政务动态');
    expect(iconv.decode(bytes, 'gbk')).toContain('政务动态');
  });

  it('answers 404 for the declared broken paths', async () => {
    const county = running.find((r) => r.site.key === 'county')!;
    for (const missing of county.site.missing) expect((await fetch(new URL(missing, county.url))).status).toBe(404);
  });

  it('dates its items relative to today', () => {
    const county = sites.find((s) => s.key === 'county')!;
    expect(county.pages.find((p) => p.path === '/')!.html).toContain('2025-06-28');
  });
});
