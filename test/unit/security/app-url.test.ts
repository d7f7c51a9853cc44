import { describe, expect, it } from 'vitest';
import { isAppUrl, isSafeExternalUrl } from '../../../electron/services/security/app-url';

const index = 'file:///opt/kaoping/dist/renderer/index.html';

describe('isAppUrl', () => {
  it('accepts the app page itself, with a hash or query', () => {
    expect(isAppUrl(index, index)).toBe(true);
    expect(isAppUrl(`${index}#a=1`, index)).toBe(true);
  });
  it.each([
    'file:///etc/passwd',
    'file:///opt/kaoping/dist/renderer/other.html',
    'https://www.gov.cn/',
    'http://127.0.0.1:8080/opt/kaoping/dist/renderer/index.html',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url, index)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('allows http and https', () => {
    expect(isSafeExternalUrl('https://www.zhanjiang.gov.cn/')).toBe(true);
  });
  it.each(['file:///C:/Windows/system32/calc.exe', 'smb://host/share', 'javascript:alert(1)', 'https://user:pw@evil.example/', 'ms-msdt:/id'])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});
