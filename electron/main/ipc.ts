import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { contract } from '../../shared/api/contract';
import type { CallResult } from '../../shared/api/define';
import { dispatch, type Handlers } from '../services/api/dispatch';
import { isAppUrl } from '../services/security/app-url';

/**
 * Registers one IPC channel per contract call. A call is answered only when it
 * comes from the main frame of our own page; its input is validated by the same
 * dispatch the HTTP bridge uses.
 */
export function registerIpc(handlers: Handlers, appIndexUrl: string, log: (error: unknown) => void): void {
  for (const method of Object.keys(contract)) {
    ipcMain.handle(method, async (event: IpcMainInvokeEvent, input: unknown): Promise<CallResult> => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isAppUrl(frame.url, appIndexUrl)) {
        return { ok: false, error: { code: 'forbidden', message: '拒绝来自非本应用页面的调用', details: [] } };
      }
      return dispatch(handlers, method, input, log);
    });
  }
}
