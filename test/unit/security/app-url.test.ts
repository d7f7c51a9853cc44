import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, isAppUrl, isSafeExternalUrl } from '../../../electron/services/security/app-url';

const index = APP_INDEX_URL;

describe('isAppUrl', () => {
  it('serves the app from app://kaoping/, never from file:', () => {
    expect(index).toBe('app://kaoping/index.html');
  });

  it('accepts the app page itself, with a hash or query', () => {
    expect(isAppUrl(index, index)).toBe(true);
    expect(isAppUrl(`${index}#a=1`, index)).toBe(true);
    expect(isAppUrl(`${index}?view=review`, index)).toBe(true);
  });

  it.each([
    ['another host on the same scheme', 'app://evil/index.html'],
    ['a host that only starts like ours', 'app://kaoping.evil/index.html'],
    ['credentials before the host', 'app://user:pw@kaoping/index.html'],
    ['a port', 'app://kaoping:8080/index.html'],
    ['another page of the app', 'app://kaoping/other.html'],
    ['a path that only ends like ours', 'app://kaoping/x/index.html'],
    ['a path with a dot segment that resolves elsewhere', 'app://kaoping/index.html/../secret.html'],
    ['the same path over file:', 'file:///index.html'],
    ['file: with a host', 'file://kaoping/index.html'],
    ['the evidence scheme', 'kaoping-file://kaoping/index.html'],
    ['a web page', 'https://kaoping/index.html'],
    ['loopback http', 'http://127.0.0.1:8080/index.html'],
    ['javascript:', 'javascript:alert(1)'],
    ['not a URL', 'not a url'],
    ['nothing', ''],
  ])('refuses %s', (_what, url) => {
    expect(isAppUrl(url, index)).toBe(false);
  });

  it('compares file: URLs by host as well as path', () => {
    const fileIndex = 'file:///opt/kaoping/dist/renderer/index.html';
    expect(isAppUrl(fileIndex, fileIndex)).toBe(true);
    expect(isAppUrl('file://evil/opt/kaoping/dist/renderer/index.html', fileIndex)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('allows http and https', () => {
    expect(isSafeExternalUrl('https://www.zhanjiang.gov.cn/')).toBe(true);
  });
  it.each([
    'file:///C:/Windows/system32/calc.exe',
    'smb://host/share',
    'javascript:alert(1)',
    'https://user:pw@evil.example/',
    'ms-msdt:/id',
    'app://kaoping/index.html',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});
