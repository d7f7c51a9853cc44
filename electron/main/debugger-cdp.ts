import type { WebContents } from 'electron';
import { KaopingError } from '../../shared/errors';
import type { CdpSend } from '../services/browse/cdp';

const queues = new WeakMap<WebContents, Promise<unknown>>();

/**
 * Runs `work` with the view's DevTools Protocol (webContents.debugger) as the
 * capture pipeline's CdpSend: attached for this work only and detached in
 * `finally` whatever happens. Work on the same view runs one at a time, since
 * a debugger attaches once.
 */
export function withDebugger<T>(contents: WebContents, work: (cdp: CdpSend) => Promise<T>): Promise<T> {
  const run = async (): Promise<T> => {
    const dbg = contents.debugger;
    try {
      dbg.attach('1.3');
      return await work({ send: (method, params) => dbg.sendCommand(method, params) });
    } catch (error) {
      if (error instanceof KaopingError) throw error;
      throw new KaopingError('capture-failed', `截图或快照未完成：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (dbg.isAttached()) dbg.detach();
    }
  };
  const previous = queues.get(contents) ?? Promise.resolve();
  const next = previous.then(run, run);
  queues.set(
    contents,
    next.catch(() => undefined),
  );
  return next;
}
