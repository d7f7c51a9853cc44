import { describe, expect, it, vi } from 'vitest';
import { registerIpc } from '../../electron/main/ipc';
import type { Handlers } from '../../electron/services/api/dispatch';
import { APP_INDEX_URL } from '../../electron/services/security/app-url';
import { ipcMain } from './mock-electron';

vi.mock('electron', () => import('./mock-electron'));

const info = vi.fn(async () => ({ version: '1', mode: 'desktop' }));
registerIpc({ 'app/info': info } as unknown as Handlers, APP_INDEX_URL, () => undefined);
const call = (senderFrame: unknown, input: unknown = {}) =>
  (ipcMain.handlers.get('app/info') as (event: unknown, input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>)(
    { senderFrame },
    input,
  );

describe('IPC sender checks', () => {
  it('registers one channel per contract call', () => {
    expect(ipcMain.handlers.has('app/info')).toBe(true);
    expect(ipcMain.handlers.size).toBeGreaterThan(20);
  });

  it('answers the main frame of the app page, through the contract', async () => {
    await expect(call({ url: `${APP_INDEX_URL}#/review`, parent: null })).resolves.toMatchObject({ ok: true });
    expect(info).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['no frame (destroyed before the call arrived)', null],
    ['a subframe of the app page', { url: APP_INDEX_URL, parent: { url: APP_INDEX_URL } }],
    ['another host on the app scheme', { url: 'app://evil/index.html', parent: null }],
    ['another page of the app', { url: 'app://kaoping/other.html', parent: null }],
    ['the same path over file:', { url: 'file:///index.html', parent: null }],
    ['a reviewed site', { url: 'https://www.gov.cn/', parent: null }],
    ['an evidence file', { url: 'kaoping-file://files/a/evidence/x.png', parent: null }],
  ])('refuses %s without running the handler', async (_what, frame) => {
    info.mockClear();
    await expect(call(frame)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(info).not.toHaveBeenCalled();
  });

  it('refuses input the contract does not allow before any handler runs', async () => {
    info.mockClear();
    await expect(call({ url: APP_INDEX_URL, parent: null }, 'not an object')).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(info).not.toHaveBeenCalled();
  });
});
