import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { Target } from '../../../shared/domain/types';
import type { AssessmentStore } from '../store/types';
import { launchChromium, type LaunchOptions } from '../browse/chromium-launch';
import { startGuardProxy, type GuardProxy } from '../browse/guard-proxy';
import { createNetworkGuard, type NetworkGuardOptions } from '../browse/private-network';
import { batchHighlights } from '../evidence/highlight-shot';
import { burnCaption } from '../evidence/caption';
import type { Suggestion } from './suggest';
import type { Progress } from './types';

export interface EvidenceShooterOptions {
  /** Screenshots per suggestion: the first few places are evidence enough, and each costs seconds. */
  maxShots: number;
  timeoutMs: number;
  /**
   * Starts the browser (default: the system Chromium on a throwaway profile).
   * It must pass `args` on: they route every connection through the guard proxy.
   */
  launch?: (options: LaunchOptions & { args: readonly string[] }) => Promise<Browser>;
  /** The address policy's resolver and cache (tests only). */
  network?: NetworkGuardOptions;
}

/**
 * Screenshots for suggestions: each evidence item's page with the element
 * outlined, the caption strip burned in, stored as evidence of the target and
 * indicator. Chromium starts on the first shot; when there is none, the
 * suggestion keeps its evidence list and the run says why there are no pictures.
 */
export function createEvidenceShooter(store: AssessmentStore, options: Partial<EvidenceShooterOptions> = {}) {
  const o: EvidenceShooterOptions = { maxShots: 3, timeoutMs: 20_000, ...options };
  const profile = mkdtempSync(path.join(os.tmpdir(), 'kaoping-shots-'));
  // The pages shot are the targets' own, as hostile as in the review browser: the same guard keeps them off this machine and the LAN.
  const guard = createNetworkGuard(o.network);
  let running: Promise<{ browser: Browser; proxy: GuardProxy }> | undefined;
  let unavailable: string | undefined;
  const start = async () => {
    const proxy = await startGuardProxy({ guard });
    try {
      return { browser: await (o.launch ?? launchChromium)({ userDataDir: profile, args: proxy.chromiumArgs }), proxy };
    } catch (error) {
      await proxy.close();
      throw error;
    }
  };

  const shoot = async (target: Target, s: Suggestion, progress: Progress): Promise<number[]> => {
    if (unavailable || s.evidence.length === 0) return [];
    try {
      if (target.url) guard.permit(target.url);
      running ??= start();
      const { browser, proxy } = await running;
      const shots = await batchHighlights(s.evidence, {
        browser,
        maxShots: o.maxShots,
        timeoutMs: o.timeoutMs,
        credentials: proxy.credentials,
      });
      const ids: number[] = [];
      for (const { item, shot } of shots) {
        if (!shot.png) {
          progress(`  ！ 无法截图 ${item.url}：${shot.reason}`);
          continue;
        }
        const capturedAt = new Date();
        const png = await burnCaption(shot.png, {
          url: item.url,
          capturedAt,
          target: target.name || target.unit,
          indicator: s.indicator,
          note: item.reason ?? item.text,
        });
        ids.push(
          store.addEvidence(png, {
            kind: 'screenshot',
            ext: 'png',
            url: item.url,
            title: `${s.summary}（自动检查截图）`,
            capturedAt: capturedAt.toISOString(),
            targetId: s.targetId,
            indicatorId: s.indicatorId,
          }).id,
        );
      }
      return ids;
    } catch (error) {
      unavailable = (error as Error).message;
      progress(`  ！ 未能启动浏览器截图（${unavailable}），建议只附检查清单`);
      return [];
    }
  };

  const close = async () => {
    const r = await running?.catch(() => undefined);
    await r?.browser.close().catch(() => undefined);
    await r?.proxy.close();
    rmSync(profile, { recursive: true, force: true });
  };

  return { shoot, close };
}
