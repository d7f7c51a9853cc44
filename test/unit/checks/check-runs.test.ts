import { describe, expect, it } from 'vitest';
import { CheckRuns } from '../../../electron/services/checks/check-runs';

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('check runs the UI follows', () => {
  it('reports progress lines and the fraction, then the number of suggestions', async () => {
    const runs = new CheckRuns();
    const id = runs.start(async (progress) => {
      progress('抓取第 1 层', 0.25);
      progress('检查链接', 0.5);
      return 3;
    });
    await until(() => !runs.status(id)!.running);
    expect(runs.status(id)).toMatchObject({
      running: false,
      cancelled: false,
      lines: ['抓取第 1 层', '检查链接'],
      fraction: 1,
      suggestions: 3,
      error: null,
    });
  });

  it('shows the live line while running and moves the fraction with it, never back', async () => {
    const runs = new CheckRuns();
    let release!: () => void;
    const id = runs.start(async (progress, _signal, status) => {
      status({ text: '正在检查 南岭县：已抓取 120/约 800 页', fraction: 0.05 });
      progress('检查 南岭县', 0.02);
      await new Promise<void>((r) => (release = r));
      return 0;
    });
    expect(runs.status(id)).toMatchObject({
      running: true,
      current: '正在检查 南岭县：已抓取 120/约 800 页',
      fraction: 0.05,
      lines: ['检查 南岭县'],
    });
    release();
    await until(() => !runs.status(id)!.running);
    expect(runs.status(id)).toMatchObject({ current: '', fraction: 1 });
  });

  it('cancels a run through its signal and keeps what it reported', async () => {
    const runs = new CheckRuns();
    const id = runs.start(
      (progress, signal) =>
        new Promise((resolve) => {
          progress('检查 南岭县', 0.3);
          signal.addEventListener('abort', () => resolve(1));
        }),
    );
    expect(runs.cancel(id)).toMatchObject({ cancelled: true });
    await until(() => !runs.status(id)!.running);
    expect(runs.status(id)).toMatchObject({ running: false, cancelled: true, suggestions: 1, fraction: 0.3, error: null });
    expect(runs.status(id)!.lines.at(-1)).toBe('已取消');
  });

  it('shows a failed run’s message', async () => {
    const runs = new CheckRuns();
    const id = runs.start(async () => {
      throw new Error('考评方案中没有此指标');
    });
    await until(() => !runs.status(id)!.running);
    expect(runs.status(id)!.error).toBe('考评方案中没有此指标');
    expect(runs.status('no-such-run')).toBeUndefined();
  });
});
