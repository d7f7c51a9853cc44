import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium, resolveChromium } from '../../../electron/services/browse/chromium-path';

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

  it('finds a browser on this machine: an installed one, else the packaged one', async () => {
    const chromium = await resolveChromium();
    expect(existsSync(chromium.executablePath)).toBe(true);
    expect(chromium.executablePath).toMatch(/chrom/iu);
  });
});

describe('falling back to the packaged Chromium', () => {
  const packaged = () => ({ archive: '/pkg/bin/chromium.br', version: '153.0.0' });
  const unpack = async () => '/cache/kaoping/chromium-153.0.0/chromium';

  it('prefers an installed browser', async () => {
    const found = await resolveChromium({
      env: {},
      platform: 'linux',
      exists: (f) => f === '/usr/bin/chromium',
      bundled: packaged,
      unpack,
    });
    expect(found).toEqual({ executablePath: '/usr/bin/chromium', bundled: false });
  });

  it('unpacks the packaged one when none is installed', async () => {
    const found = await resolveChromium({ env: {}, platform: 'linux', exists: () => false, bundled: packaged, unpack });
    expect(found).toEqual({ executablePath: '/cache/kaoping/chromium-153.0.0/chromium', bundled: true });
  });

  it('uses the packaged one when KAOPING_CHROME=bundled, even beside an installed browser', async () => {
    const env = { KAOPING_CHROME: 'bundled' };
    expect(chromiumCandidates({ env, platform: 'linux' })[0]).toBe('/usr/bin/chromium');
    const found = await resolveChromium({ env, platform: 'linux', exists: () => true, bundled: packaged, unpack });
    expect(found.bundled).toBe(true);
  });

  it('keeps the installed-browser advice when neither is there, and says so for KAOPING_CHROME=bundled', async () => {
    await expect(resolveChromium({ env: {}, platform: 'linux', exists: () => false, bundled: () => null, unpack })).rejects.toThrow(
      /KAOPING_CHROME/u,
    );
    await expect(resolveChromium({ env: { KAOPING_CHROME: 'bundled' }, platform: 'linux', bundled: () => null, unpack })).rejects.toThrow(
      /内置 Chromium.*@sparticuz\/chromium/u,
    );
  });
});
