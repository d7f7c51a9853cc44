import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium } from '../../../electron/services/browse/chromium-path';

describe('finding the system browser', () => {
  const only = (file: string) => (f: string) => f === file;

  it('prefers KAOPING_CHROME, then CHROME_PATH, then the install locations', () => {
    const env = { KAOPING_CHROME: '/opt/kp/chrome', CHROME_PATH: '/opt/cp/chrome' };
    expect(chromiumCandidates({ env, platform: 'linux' }).slice(0, 3)).toEqual(['/opt/kp/chrome', '/opt/cp/chrome', '/usr/bin/chromium']);
    expect(findChromium({ env, platform: 'linux', exists: () => true })).toBe('/opt/kp/chrome');
    expect(findChromium({ env: {}, platform: 'linux', exists: only('/usr/bin/chromium-browser') })).toBe('/usr/bin/chromium-browser');
    expect(findChromium({ env: {}, platform: 'linux', exists: only('/usr/bin/microsoft-edge') })).toBe('/usr/bin/microsoft-edge');
  });

  it('knows Chrome and Edge under Program Files on Windows, and the macOS app bundles', () => {
    const env = { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    expect(
      findChromium({ env, platform: 'win32', exists: only('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe') }),
    ).toBe('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(chromiumCandidates({ env, platform: 'win32' })[0]).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(
      findChromium({ env: {}, platform: 'darwin', exists: only('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge') }),
    ).toMatch(/Microsoft Edge$/u);
  });

  it('says in Chinese what to install or set when there is none', () => {
    expect(() => findChromium({ env: {}, platform: 'linux', exists: () => false })).toThrow(
      /未找到 Chromium\/Chrome\/Edge 浏览器.*KAOPING_CHROME/u,
    );
  });

  it('finds this machine’s Chromium', () => {
    if (process.platform === 'linux') expect(findChromium({ env: {} })).toMatch(/chrom/u);
  });
});
