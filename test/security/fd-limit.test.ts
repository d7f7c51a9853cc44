import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSocketCap } from '../../electron/services/checks/socket-gate';

interface ChildReport {
  ok: number;
  broken: number;
  resource: number;
  other: number;
  brokenSample: unknown[];
  cap: number;
  held: number;
}

// Links to 2,000 hosts under a file-descriptor limit: the checker must stay
// within it (a global socket cap), and where the machine still runs out
// (EMFILE) say it is its own fault, never call a link broken.
describe('link checking under a file-descriptor limit (ulimit -n)', () => {
  let server: Server;
  let port = 0;
  let bundle = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      // A short delay keeps many requests in flight at once, as real sites do.
      setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(req.method === 'HEAD' ? undefined : 'ok'), 20);
    });
    server.maxConnections = 10_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    const { build } = await import('esbuild');
    bundle = path.join(process.cwd(), 'node_modules', '.cache', 'kaoping-test', 'fd-limit-child.mjs');
    await build({
      entryPoints: [path.join(__dirname, 'fd-limit-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: bundle,
      logLevel: 'warning',
    });
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  // Asynchronously: the server answering the child runs in this process.
  const run = async (limit: number, ...args: string[]): Promise<ChildReport> => {
    const { stdout } = await promisify(execFile)(
      'bash',
      ['-c', `ulimit -n ${limit} && exec "$0" "$@"`, process.execPath, bundle, String(port), '2000', ...args],
      { encoding: 'utf8', timeout: 180_000 },
    );
    return JSON.parse(stdout.trim().split('\n').pop()!) as ChildReport;
  };

  it('sizes the socket cap from the limit (macOS: 256 files)', () => {
    expect(defaultSocketCap(1024)).toBe(256);
    expect(defaultSocketCap(256)).toBe(96);
    expect(defaultSocketCap(80)).toBe(8);
  });

  it('checks 2,000 hosts under ulimit -n 1024 with every link opening', async () => {
    const r = await run(1024);
    expect(r.brokenSample).toEqual([]);
    expect(r).toMatchObject({ ok: 2000, broken: 0, resource: 0, other: 0, cap: 256 });
  });

  it('with only 12 descriptors left to it, retries or says 检查程序资源不足, never 打不开', async () => {
    const r = await run(256, '--leave', '12');
    expect(r.held).toBeGreaterThan(200);
    expect(r.brokenSample).toEqual([]);
    expect(r.broken).toBe(0);
    expect(r.other).toBe(0);
    expect(r.ok + r.resource).toBe(2000);
    // It ran into the limit and shrank its cap rather than failing every link.
    expect(r.cap).toBeLessThan(96);
    expect(r.ok).toBeGreaterThan(0);
  });
});
