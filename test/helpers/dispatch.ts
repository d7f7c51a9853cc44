import { createHandlers } from '../../electron/services/api/handlers';
import { dispatch } from '../../electron/services/api/dispatch';

/**
 * The handler table behind both transports, called as the renderer calls it:
 * through dispatch, with the contract's validation. A refused call throws with
 * the host's Chinese message and details; an internal error is rethrown as is.
 */
export function callThroughDispatch(workspaceDir: string) {
  const handlers = createHandlers({ workspaceDir, mode: 'browser', version: 'test' });
  return async <T>(method: string, input: unknown): Promise<T> => {
    const r = await dispatch(handlers, method, input, (e) => {
      throw e;
    });
    if (!r.ok) throw new Error(`${r.error.message} ${r.error.details.join('；')}`);
    return r.value as T;
  };
}
