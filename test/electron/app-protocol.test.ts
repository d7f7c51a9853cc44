import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveAppPage } from '../../electron/main/app-protocol';
import { registerAppSchemes } from '../../electron/main/schemes';
import { APP_CSP } from '../../shared/api/csp';
import { protocol } from './mock-electron';

vi.mock('electron', () => import('./mock-electron'));

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'kaoping-app-'));
  mkdirSync(path.join(root, 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'renderer', 'index.html'), '<!doctype html><title>考评工作台</title>');
  writeFileSync(path.join(root, 'renderer', 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'secret.txt'), 'outside');
  registerAppSchemes();
  serveAppPage(path.join(root, 'renderer'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string) => Promise.resolve(protocol.handlers.get('app')!(new Request(url)));

describe('the app:// scheme', () => {
  it('is registered as a standard, secure scheme beside kaoping-file:', () => {
    expect(protocol.privileged.map((s) => s.scheme)).toEqual(['app', 'kaoping-file']);
    expect(protocol.privileged[0]!.privileges).toMatchObject({ standard: true, secure: true });
  });

  it('serves the built renderer with the app CSP and the file’s type', async () => {
    const page = await get('app://kaoping/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(page.headers.get('content-type')).toMatch(/text\/html/u);
    expect(await page.text()).toContain('考评工作台');
    expect((await get('app://kaoping/assets/main.js')).headers.get('content-type')).toMatch(/javascript/u);
  });

  it.each(['app://evil/index.html', 'app://kaoping/../secret.txt', 'app://kaoping/%2e%2e/secret.txt', 'app://kaoping/none.html'])(
    'answers 404 for %s',
    async (url) => {
      expect((await get(url)).status).toBe(404);
    },
  );
});
