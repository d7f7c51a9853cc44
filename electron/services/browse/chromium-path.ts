/**
 * Where the browser lives. puppeteer-core ships no browser: the workstation
 * drives the Chromium, Chrome or Edge already installed, so nothing is
 * downloaded and the evaluation office's IT can keep it patched. Where none
 * is installed (a fresh Linux x64 machine), the Chromium packaged in a
 * development dependency is used (bundled-chromium.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { KaopingError } from '../../../shared/errors';
import { bundledChromium, unpackBundledChromium, type BundledChromium } from './bundled-chromium';

/** What the search depends on, injectable so each platform's list can be tested anywhere. */
export interface ChromiumSearch {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  exists?: (file: string) => boolean;
}

const LINUX = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/opt/microsoft/msedge/msedge',
];

const MAC = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];

/** Windows installs per machine (Program Files) and per user (LocalAppData); Edge is always present on Windows 10/11. */
function windowsCandidates(env: Record<string, string | undefined>): string[] {
  const roots = [
    env['PROGRAMFILES'] ?? 'C:\\Program Files',
    env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)',
    env['LOCALAPPDATA'],
  ].filter((r): r is string => Boolean(r));
  const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe'];
  return apps.flatMap((app) => roots.map((root) => path.win32.join(root, app)));
}

/** KAOPING_CHROME=bundled: skip the installed browsers and use the packaged Chromium. */
export const BUNDLED = 'bundled';

/** Every place looked at, in order of preference: explicit settings first. */
export function chromiumCandidates(search: ChromiumSearch = {}): string[] {
  const env = search.env ?? process.env;
  const platform = search.platform ?? process.platform;
  const explicit = [env['KAOPING_CHROME'], env['CHROME_PATH']].map((p) => p?.trim() ?? '').filter((p) => p !== '' && p !== BUNDLED);
  const system = platform === 'win32' ? windowsCandidates(env) : platform === 'darwin' ? MAC : LINUX;
  return [...explicit, ...system];
}

/**
 * The browser executable for puppeteer-core: KAOPING_CHROME, CHROME_PATH, then
 * the usual install locations of Chromium, Chrome and Edge on this platform.
 * Throws a KaopingError naming what to do when none is installed.
 */
export function findChromium(search: ChromiumSearch = {}): string {
  const exists = search.exists ?? existsSync;
  const candidates = chromiumCandidates(search);
  const found = candidates.find((file) => exists(file));
  if (!found) {
    throw new KaopingError(
      'no-chromium',
      '未找到 Chromium/Chrome/Edge 浏览器：内置浏览器、整页截图和自动检查截图需要它。请安装其中之一，或设置环境变量 KAOPING_CHROME 为浏览器程序的完整路径。',
      candidates,
    );
  }
  return found;
}

export interface ResolvedChromium {
  executablePath: string;
  /** The packaged Chromium (a headless shell build) rather than an installed browser. */
  bundled: boolean;
}

/**
 * The browser to start: an installed one (findChromium), else the packaged
 * Chromium, unpacked on first use. KAOPING_CHROME=bundled asks for the
 * packaged one directly. Throws the installed-browser error, with a word
 * about the packaged one, when neither is there.
 */
export async function resolveChromium(
  search: ChromiumSearch & { bundled?: () => BundledChromium | null; unpack?: (chromium: BundledChromium) => Promise<string> } = {},
): Promise<ResolvedChromium> {
  const env = search.env ?? process.env;
  const packaged = (search.bundled ?? bundledChromium)();
  const unpack = search.unpack ?? ((chromium: BundledChromium) => unpackBundledChromium(chromium));
  if (env['KAOPING_CHROME']?.trim() === BUNDLED) {
    if (!packaged)
      throw new KaopingError(
        'no-chromium',
        'KAOPING_CHROME=bundled 要求使用内置 Chromium，但未安装 @sparticuz/chromium（仅 Linux x64，随 npm install 安装）。',
      );
    return { executablePath: await unpack(packaged), bundled: true };
  }
  try {
    return { executablePath: findChromium(search), bundled: false };
  } catch (error) {
    if (!packaged) throw error;
    return { executablePath: await unpack(packaged), bundled: true };
  }
}
