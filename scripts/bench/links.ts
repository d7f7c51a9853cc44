/**
 * Link-check benchmark: our crawl + link check against linkinator on the same
 * generated loopback site (scripts/fixtures/link-site.ts), at the same
 * concurrency. The site is served from its own process; each checker runs in
 * a fresh child process under plain node, so its time and peak RSS are its own.
 *
 *   npx vite-node scripts/bench/links.ts
 *   npx vite-node scripts/bench/links.ts -- --pages 2000 --concurrency 16 --runs 2   (default: 2000 pages, concurrency 6)
 */
import { execFileSync, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { crawlSite } from '../../electron/services/checks/crawl';
import { checkLinks, countBroken } from '../../electron/services/checks/link-check';
import { generateLinkSite, serveLinkSite } from '../../scripts/fixtures/link-site';

interface Outcome {
  ms: number;
  rssMb: number;
  baseMb: number;
  pairs: string[];
  pages: number;
  /** What cut our crawl short (无: the whole site). */
  cut?: string;
}

const argv = process.argv;
const arg = (name: string, fallback: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const pages = arg('--pages', 2_000);
const concurrency = arg('--concurrency', 6);
const runs = arg('--runs', 1);
const role = argv.includes('--role') ? argv[argv.indexOf('--role') + 1] : undefined;

/** "page path → link path", as the truth writes broken links. */
const pair = (origin: string, page: string, link: string) => `${page.slice(origin.length) || '/'} → ${link.slice(origin.length)}`;

async function ours(url: string): Promise<Outcome> {
  const origin = new URL(url).origin;
  const baseMb = process.memoryUsage().rss / 1048576;
  const t0 = performance.now();
  // Default options (the whole site: 10,000 pages, any depth, 10 minutes), only the concurrency set alike for both.
  const crawl = await crawlSite(url, { concurrency });
  const report = await checkLinks(crawl, { concurrency });
  const ms = performance.now() - t0;
  const { home, other } = countBroken(report);
  const pairs = [...home.map((b) => pair(origin, report.home, b.url)), ...other.map((b) => pair(origin, b.page, b.url))];
  return {
    ms,
    rssMb: process.resourceUsage().maxRSS / 1024,
    baseMb,
    pairs,
    pages: report.pages.length,
    cut: crawl.coverage.cutBy.join('、') || '无',
  };
}

async function linkinator(url: string): Promise<Outcome> {
  const { LinkChecker } = await import('linkinator');
  const origin = new URL(url).origin;
  const baseMb = process.memoryUsage().rss / 1048576;
  const t0 = performance.now();
  const result = await new LinkChecker().check({ path: url, recurse: true, concurrency });
  const ms = performance.now() - t0;
  const pairs = result.links.filter((l) => l.state === 'BROKEN').map((l) => pair(origin, l.parent ?? '', l.url));
  // Pages it parsed: those that are some link's parent.
  const crawled = new Set(result.links.map((l) => l.parent).filter(Boolean)).size;
  return { ms, rssMb: process.resourceUsage().maxRSS / 1024, baseMb, pairs, pages: crawled };
}

function compare(found: string[], truth: string[]): string {
  const want = new Set(truth);
  const got = new Set(found);
  const extra = found.filter((p) => !want.has(p));
  const missed = truth.filter((p) => !got.has(p));
  return extra.length || missed.length || found.length !== truth.length
    ? `与真值不符（多 ${extra.length}，少 ${missed.length}${extra[0] ? `，例：${extra[0]}` : ''}${missed[0] ? `，缺：${missed[0]}` : ''}）`
    : '与真值完全一致';
}

if (role === 'server') {
  const served = await serveLinkSite(generateLinkSite(pages));
  console.log(served.url);
  // Serve until the parent closes stdin.
  process.stdin.resume();
  process.stdin.on('end', () => void served.close().then(() => process.exit(0)));
} else if (role === 'ours' || role === 'linkinator') {
  const url = argv[argv.indexOf('--url') + 1]!;
  console.log(JSON.stringify(await (role === 'ours' ? ours(url) : linkinator(url))));
  process.exit(0);
} else {
  // Children run from an esbuild bundle under plain node, so vite-node's own memory is not counted.
  const { build } = await import('esbuild');
  const bundle = path.join(process.cwd(), 'node_modules', '.cache', 'kaoping-bench', 'links-bench.mjs');
  await build({
    entryPoints: [new URL(import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: bundle,
    logLevel: 'warning',
  });
  const site = generateLinkSite(pages);
  const { truth } = site;
  console.log(
    `链接检查基准：${site.pageCount} 个页面，${truth.links} 个链接（去重后 ${truth.uniqueUrls} 个），已知坏链 ${truth.brokenPaths.length} 个、按页计 ${truth.brokenPairs.length} 处；并发 ${concurrency}；${os.cpus().length} 核，Node ${process.version}`,
  );
  const server = spawn(process.execPath, [bundle, '--role', 'server', '--pages', String(pages)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => createInterface({ input: server.stdout! }).once('line', resolve));
  const run = (who: 'ours' | 'linkinator'): Outcome =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [bundle, '--role', who, '--url', url, '--pages', String(pages), '--concurrency', String(concurrency)],
        { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
      )
        .trim()
        .split('\n')
        .pop()!,
    ) as Outcome;
  try {
    for (let i = 0; i < runs; i++) {
      // Linkinator first, so any warm-up of the server favours it, not us.
      const them = run('linkinator');
      const us = run('ours');
      console.log(`第 ${i + 1} 轮`);
      console.log(
        `  我们：     ${(us.ms / 1000).toFixed(2)} s，峰值 RSS ${us.rssMb.toFixed(0)} MB（启动时 ${us.baseMb.toFixed(0)} MB），${us.pages} 个页面（截断：${us.cut}），坏链 ${us.pairs.length} 处 — ${compare(us.pairs, truth.brokenPairs)}`,
      );
      console.log(
        `  linkinator：${(them.ms / 1000).toFixed(2)} s，峰值 RSS ${them.rssMb.toFixed(0)} MB（启动时 ${them.baseMb.toFixed(0)} MB），${them.pages} 个页面，坏链 ${them.pairs.length} 处 — ${compare(them.pairs, truth.brokenPairs)}`,
      );
      console.log(
        `  速度比：linkinator / 我们 = ${(them.ms / us.ms).toFixed(2)}×（目标 ≥ 2×）；我们的峰值内存${us.rssMb < 300 ? '低于' : '超过'} 300 MB`,
      );
    }
  } finally {
    server.stdin!.end();
  }
}
