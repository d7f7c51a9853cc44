import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchBounded } from '../../electron/services/checks/fetch-bounded';
import { cliPath } from '../helpers/cli-process';
import { cli } from '../helpers/run-cli';

describe('small items', () => {
  it('reports a redirect to file: as such, not as too many redirects', async () => {
    const server = createServer((_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const r = await fetchBounded(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, 'GET', {
        timeoutMs: 2000,
        maxBytes: 1024,
        maxRedirects: 5,
      });
      expect(r.failure).toEqual({ kind: 'other', message: '重定向到不支持的地址（file:），未跟随：file:///etc/passwd' });
    } finally {
      server.close();
    }
  });

  it('refuses /dev/zero as an evidence file instead of reading it forever', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'kaoping-devzero-'));
    await cli(cwd, 'new', 'a', '--ruleset', 'zhanjiang-2021');
    await cli(cwd, 'targets', 'add', 'a', '--name', '网站', '--url', 'http://www.a.gov.cn');
    const run = await cli(cwd, 'findings', 'add', 'a', '--target', '1', '--indicator', '单项否决/站点无法访问', '--evidence', '/dev/zero');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('zero 不是普通文件（可能是设备、管道或失效的链接），已拒绝读取');
  });

  it('`kaoping targets list | head -1` ends quietly when head stops reading (EPIPE)', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'kaoping-epipe-'));
    await cli(cwd, 'new', 'a', '--ruleset', 'zhanjiang-2021');
    const rows = Array.from({ length: 5000 }, (_, i) => `${i + 1},单位${i},http://s${i}.nanling.gov.cn/`).join('\n');
    writeFileSync(path.join(cwd, 'list.csv'), `一、各县（市、区）政府门户网站（共 5000 个）\n序号,主管单位,网址\n${rows}\n`);
    expect((await cli(cwd, 'targets', 'import', 'a', 'list.csv')).code).toBe(0);
    const run = spawnSync('bash', ['-c', `node "${cliPath}" targets list a | head -1; echo "exit=\${PIPESTATUS[0]}" >&2`], {
      cwd,
      encoding: 'utf8',
    });
    expect(run.stdout).toMatch(/^1\t.*\thttp:\/\/s0\.nanling\.gov\.cn\/\n$/u);
    expect(run.stderr).toBe('exit=0\n');
  });
});
