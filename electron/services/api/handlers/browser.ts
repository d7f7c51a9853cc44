import { KaopingError } from '../../../../shared/errors';
import { resolveIndicator } from '../../../../shared/ruleset/walk';
import type { BrowserHost } from '../../browse/types';
import { annotateEvidence, captureEvidence, importEvidenceImage } from '../../evidence/capture';
import { toEvidenceView } from '../../review/target-review';
import { runOnceAsync } from '../../review/user-action';
import { openInWorkspace } from '../../workspace/workspace';
import type { HandlerDeps } from '../handlers';
import { handlersFor } from '../dispatch';
import { storeRunner } from './common';

/** Which assessment and target each browser session belongs to (the host knows only session numbers). */
interface Session {
  assessmentId: string;
  targetId: number;
  home: string;
}

/** Turns a typed address into a URL: "www.x.gov.cn" means http://www.x.gov.cn/. */
function normaliseAddress(text: string): string {
  const t = text.trim();
  return /^https?:\/\//iu.test(t) ? t : `http://${t}`;
}

/**
 * The embedded browser and evidence capture. The host is created on first use
 * (a Chromium launch or the desktop view); visits it reports are written to the
 * target's history of pages.
 */
export function browserHandlers(deps: HandlerDeps) {
  const withStore = storeRunner(deps);
  const sessions = new Map<number, Session>();
  const sessionOf = new Map<string, number>();
  let current: number | undefined;
  let host: BrowserHost | undefined;

  const recordVisit = (session: number, url: string, title: string) => {
    const s = sessions.get(session);
    if (!s) return;
    const store = openInWorkspace(deps.workspaceDir, s.assessmentId, { nativeBinding: deps.nativeBinding, now: deps.now });
    try {
      store.addVisit(s.targetId, url, title);
    } finally {
      store.close();
    }
  };
  const browser = (): BrowserHost => {
    if (!deps.browser) throw new KaopingError('no-browser', '当前运行方式没有内置浏览器');
    host ??= deps.browser(recordVisit);
    return host;
  };
  const active = (assessmentId: string, targetId: number): BrowserHost => {
    const s = current === undefined ? undefined : sessions.get(current);
    if (!s || s.assessmentId !== assessmentId || s.targetId !== targetId)
      throw new KaopingError('not-open', '请先在内置浏览器中打开该考评对象，再截图取证');
    return browser();
  };

  return handlersFor({
    'browser/open': (input) =>
      withStore(input.id, async (store) => {
        const target = store.getTarget(input.targetId);
        // A target opened again returns to the last page the reviewer saw.
        const last = store.listVisits(input.targetId, 1)[0]?.url;
        if (!target.url && !last) throw new KaopingError('no-url', `“${target.name}”没有网址，无法在浏览器中打开`);
        const key = `${input.id}\u0000${input.targetId}`;
        let session = sessionOf.get(key);
        const home = target.url ?? last!;
        if (session === undefined) {
          session = sessions.size + 1;
          sessionOf.set(key, session);
          sessions.set(session, { assessmentId: input.id, targetId: input.targetId, home });
        }
        current = session;
        const state = await browser().open(session, last ?? home);
        return { ...state, targetId: input.targetId };
      }),
    'browser/navigate': async (input) => withTarget(await browser().navigate(normaliseAddress(input.url))),
    'browser/go': async (input) => {
      if (input.action !== 'home') return withTarget(await browser().go(input.action));
      const s = current === undefined ? undefined : sessions.get(current);
      if (!s) throw new KaopingError('not-open', '还没有打开任何考评对象');
      return withTarget(await browser().navigate(s.home));
    },
    'browser/device': async (input) => withTarget(await browser().setDevice(input.preset, input.zoom)),
    'browser/state': async () => withTarget(browser().state()),
    'browser/frame': async () => {
      const frame = await browser().frame();
      return frame && { jpegBase64: frame.jpeg.toString('base64'), width: frame.width, height: frame.height };
    },
    'browser/input': async (input) => withTarget(await browser().input(input.event)),
    'browser/bounds': async (input) => {
      browser().setBounds(input.rect, input.fit);
      return { ok: true as const };
    },
    'evidence/capture': (input) =>
      withStore(input.id, (store) =>
        runOnceAsync(store, 'evidence/capture', input.actionId, async () => {
          const target = store.getTarget(input.targetId);
          const place = resolveIndicator(store.rulesetSnapshot(), input.indicatorId, target.kind);
          if (input.mode === 'region' && !input.region) throw new KaopingError('no-region', '区域截图需要先框选区域');
          const evidence = await captureEvidence({
            host: active(input.id, input.targetId),
            store,
            targetId: target.id,
            targetName: target.name || target.unit,
            indicatorId: place.indicator.id,
            indicatorPath: place.path,
            findingId: input.findingId,
            mode: input.mode,
            region: input.region,
            now: deps.now,
          });
          return toEvidenceView(evidence, input.id);
        }),
      ),
    'evidence/annotate': (input) =>
      withStore(input.id, async (store) =>
        toEvidenceView(await annotateEvidence({ store, evidenceId: input.evidenceId, shapes: input.shapes }), input.id),
      ),
    'evidence/import': (input) =>
      withStore(input.id, (store) =>
        runOnceAsync(store, 'evidence/import', input.actionId, async () => {
          const target = store.getTarget(input.targetId);
          const indicatorId = input.indicatorId
            ? resolveIndicator(store.rulesetSnapshot(), input.indicatorId, target.kind).indicator.id
            : undefined;
          const evidence = await importEvidenceImage({
            store,
            bytes: Buffer.from(input.contentBase64, 'base64'),
            fileName: input.fileName,
            targetId: target.id,
            indicatorId,
            findingId: input.findingId,
          });
          return toEvidenceView(evidence, input.id);
        }),
      ),
  });

  /** The host speaks in session numbers; the UI in target ids. */
  function withTarget<T extends { targetId: number | null }>(state: T): T {
    const s = state.targetId === null ? undefined : sessions.get(state.targetId);
    return { ...state, targetId: s?.targetId ?? null };
  }
}
