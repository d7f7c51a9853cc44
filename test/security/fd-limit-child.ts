/**
 * Run by fd-limit.test.ts under `ulimit -n`: checks links to many host names
 * (all mapped to one loopback server) and prints how they came out as JSON.
 *   node fd-limit-child.mjs <port> <hosts> [--leave N]
 * `--leave N` first takes every file descriptor but N (as another part of a
 * busy process might), so the checker runs into EMFILE for real.
 */
import { openSync } from 'node:fs';
import { checkUrls, RESOURCE_REASON } from '../../electron/services/checks/link-check';
import { DEFAULT_LIMITS } from '../../electron/services/checks/fetch-bounded';
import { socketGate } from '../../electron/services/checks/socket-gate';
import { mapLookup } from '../helpers/lookup';

const [port, hosts] = process.argv.slice(2, 4).map(Number) as [number, number];
const leave = process.argv.includes('--leave') ? Number(process.argv[process.argv.indexOf('--leave') + 1]) : null;
const held: number[] = [];
if (leave !== null) {
  try {
    for (;;) held.push(openSync('/dev/null', 'r'));
  } catch {
    // Out of descriptors: give back just `leave` of them.
  }
  const { closeSync } = await import('node:fs');
  for (const fd of held.splice(held.length - leave)) closeSync(fd);
}
const urls = Array.from({ length: hosts }, (_, i) => `http://h${i}.test:${port}/page.html`);
const states = await checkUrls(urls, {
  concurrency: 6,
  limits: { ...DEFAULT_LIMITS, timeoutMs: 20_000, lookup: mapLookup({ '*.test': '127.0.0.1' }) },
  budgetMs: 120_000,
});
const all = [...states.values()];
const count = (f: (s: (typeof all)[number]) => boolean) => all.filter(f).length;
console.log(
  JSON.stringify({
    ok: count((s) => s.state === 'ok'),
    broken: count((s) => s.state === 'broken'),
    resource: count((s) => s.state === 'unverified' && s.reason.startsWith(RESOURCE_REASON)),
    other: count((s) => s.state !== 'ok' && s.state !== 'broken' && !(s.state === 'unverified' && s.reason.startsWith(RESOURCE_REASON))),
    brokenSample: all.filter((s) => s.state === 'broken').slice(0, 3),
    cap: socketGate.limit,
    held: held.length,
  }),
);
process.exit(0);
