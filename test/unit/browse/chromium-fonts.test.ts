import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumEnvironment, fontConfigXml } from '../../../electron/services/browse/chromium-fonts';
import { packagedCjkFont } from '../../../electron/services/evidence/cjk-font-files';

describe('the packaged Chinese font for pages in headless Chromium', () => {
  it('ships Noto Sans SC regular and bold in a registry package', () => {
    const font = packagedCjkFont();
    expect(font?.regular).toMatch(/NotoSansSC_400Regular\.ttf$/u);
    expect(font?.bold).toMatch(/NotoSansSC_700Bold\.ttf$/u);
  });

  it('keeps the configuration in force and adds the font folders, escaped', () => {
    const text = fontConfigXml('/etc/fonts/fonts.conf', ['/a&b/400Regular'], '/tmp/c');
    expect(text).toContain('<include ignore_missing="yes">/etc/fonts/fonts.conf</include>');
    expect(text).toContain('<dir>/a&amp;b/400Regular</dir>');
    expect(text).toContain('<cachedir>/tmp/c</cachedir>');
  });

  it('points Chromium on Linux at a file that includes the caller’s FONTCONFIG_FILE', () => {
    const env = chromiumEnvironment({ FONTCONFIG_FILE: '/hidden/fonts.conf', HOME: '/root' }, 'linux');
    expect(env['HOME']).toBe('/root');
    const text = readFileSync(env['FONTCONFIG_FILE']!, 'utf8');
    expect(text).toContain('<include ignore_missing="yes">/hidden/fonts.conf</include>');
    expect(text).toContain(`<dir>${packagedCjkFont()!.dirs[0]}</dir>`);
  });

  it('leaves other platforms alone (they do not use fontconfig)', () => {
    const env = { PATH: 'x' };
    expect(chromiumEnvironment(env, 'win32')).toBe(env);
  });
});
