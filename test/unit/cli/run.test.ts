import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';

function io() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), cwd: process.cwd() } };
}

describe('kaoping CLI dispatcher', () => {
  it('prints usage in Chinese with no arguments', async () => {
    const { out, io: sink } = io();
    expect(await runCli([], sink)).toBe(0);
    expect(out.stdout).toContain('用法');
    expect(out.stdout).toContain('serve');
  });

  it('exits 2 for an unknown command and names it', async () => {
    const { out, io: sink } = io();
    expect(await runCli(['frobnicate'], sink)).toBe(2);
    expect(out.stderr).toContain('未知命令：frobnicate');
  });

  it('exits 2 for an unknown option', async () => {
    const { out, io: sink } = io();
    expect(await runCli(['serve', '--bogus'], sink)).toBe(2);
    expect(out.stderr).toContain('参数有误');
  });
});
