/**
 * Idempotent writes: the UI sends one id per user action (a draft saved, a
 * suggestion confirmed), and a repeat of that id — a double click, a retried
 * request — gets the first action's result instead of writing again.
 */
import { KaopingError } from '../../../shared/errors';
import type { AssessmentStore } from '../store/types';

/** Actions still running in this process (captures take seconds), by assessment folder and action id. */
const running = new Map<string, Promise<unknown>>();

function recalled<T>(store: AssessmentStore, method: string, actionId: string): { value: T } | undefined {
  const done = store.recallAction(actionId);
  if (!done) return undefined;
  if (done.method !== method) throw new KaopingError('action-reused', `操作编号 ${actionId} 已用于另一种操作（${done.method}）`);
  return { value: done.result as T };
}

/**
 * Carries out a synchronous write once per `actionId`: the write and the record
 * of its result share one transaction, so the unique key on the action id is
 * what refuses a twin. Without an id, `work` simply runs.
 */
export function runOnce<T>(store: AssessmentStore, method: string, actionId: string | undefined, work: () => T): T {
  if (actionId === undefined) return work();
  return store.transaction(() => {
    const done = recalled<T>(store, method, actionId);
    if (done) return done.value;
    const value = work();
    store.recordAction(actionId, method, value);
    return value;
  });
}

/**
 * The same for a write that takes time (a capture, a download): recorded when
 * it ends; while it runs, a repeat in this process waits for it and gets its result.
 */
export async function runOnceAsync<T>(
  store: AssessmentStore,
  method: string,
  actionId: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  if (actionId === undefined) return work();
  const key = `${store.dir}\u0000${actionId}`;
  const pending = running.get(key);
  if (pending) return (await pending) as T;
  const done = recalled<T>(store, method, actionId);
  if (done) return done.value;
  const recorded = work().then((value) => {
    store.recordAction(actionId, method, value);
    return value;
  });
  running.set(key, recorded);
  try {
    return await recorded;
  } finally {
    running.delete(key);
  }
}
