import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { defaultWorkspace, desktopUnavailable } from '../../../scripts/start.mjs';

const missing = () => {
  throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');
};

describe('npm start: the desktop window, or browser mode and why', () => {
  it('opens the desktop window where Electron and a display are there', () => {
    expect(
      desktopUnavailable({ electronPath: () => '/e/electron', exists: () => true, env: { DISPLAY: ':0' }, platform: 'linux' }),
    ).toBeNull();
    expect(desktopUnavailable({ electronPath: () => 'C:\\e\\electron.exe', exists: () => true, env: {}, platform: 'win32' })).toBeNull();
  });

  it('says in Chinese that Electron was not installed when its package or binary is missing', () => {
    expect(desktopUnavailable({ electronPath: missing, exists: () => true, env: { DISPLAY: ':0' }, platform: 'linux' })).toMatch(
      /没有找到 Electron/u,
    );
    expect(
      desktopUnavailable({ electronPath: () => '/e/electron', exists: () => false, env: { DISPLAY: ':0' }, platform: 'linux' }),
    ).toMatch(/没有找到 Electron/u);
  });

  it('says so when a Linux machine has no desktop to show a window on', () => {
    expect(desktopUnavailable({ electronPath: () => '/e/electron', exists: () => true, env: {}, platform: 'linux' })).toMatch(
      /没有图形桌面/u,
    );
  });

  it('opens the same workspace folder as the desktop app', () => {
    expect(defaultWorkspace('/home/a', () => true)).toBe('/home/a/Documents/考评工作台');
    expect(defaultWorkspace('/home/a', () => false)).toBe('/home/a/考评工作台');
  });
});
