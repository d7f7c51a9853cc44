import { describe, expect, it } from 'vitest';
import { browserOpener } from '../../../electron/services/server/open-browser';

const url = 'http://127.0.0.1:4321/?token=abc';

describe('opening browser mode in the default browser', () => {
  it('uses open on macOS and the URL handler on Windows, without a shell', () => {
    expect(browserOpener(url, { platform: 'darwin', env: {}, onPath: () => false })).toEqual({ command: 'open', args: [url] });
    expect(browserOpener(url, { platform: 'win32', env: {}, onPath: () => false })).toEqual({
      command: 'rundll32',
      args: ['url.dll,FileProtocolHandler', url],
    });
  });

  it('uses xdg-open on a Linux desktop', () => {
    expect(browserOpener(url, { platform: 'linux', env: { DISPLAY: ':0' }, onPath: (c) => c === 'xdg-open' })).toEqual({
      command: 'xdg-open',
      args: [url],
    });
    expect(browserOpener(url, { platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, onPath: () => true })?.command).toBe('xdg-open');
  });

  it('has none on a Linux machine without a desktop or without xdg-open (the address is printed instead)', () => {
    expect(browserOpener(url, { platform: 'linux', env: {}, onPath: () => true })).toBeNull();
    expect(browserOpener(url, { platform: 'linux', env: { DISPLAY: ':0' }, onPath: () => false })).toBeNull();
  });
});
