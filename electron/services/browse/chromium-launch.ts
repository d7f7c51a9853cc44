/**
 * How the workstation starts Chromium (installed, or the packaged fallback): headless, quiet (no sync,
 * no component updates, no background requests that would muddy what the
 * reviewer sees), Chinese UI language, and no back/forward cache so every
 * return to a page is a real load the visit history can record.
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumEnvironment } from './chromium-fonts';
import { resolveChromium } from './chromium-path';

/** Flags shared by every launch (the host, checks, tests). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=BackForwardCache',
  // A wheel turn moves the page in one step, so the next picture shows where it landed.
  '--disable-smooth-scrolling',
  '--lang=zh-CN',
];

/**
 * Chromium refuses to run as root with its sandbox on, and many containers
 * lack the user namespaces it needs; elsewhere the sandbox stays on, since
 * the pages it renders are hostile.
 */
export function needsNoSandbox(env: Record<string, string | undefined> = process.env): boolean {
  if (env['KAOPING_CHROME_NO_SANDBOX'] === '1') return true;
  return process.platform === 'linux' && process.getuid?.() === 0;
}

export interface LaunchOptions {
  /** The profile folder: cookies and logins persist here between runs. */
  userDataDir: string;
  /** Defaults to resolveChromium(): an installed browser, else the packaged one. */
  executablePath?: string;
  /** Extra flags (tests only). */
  args?: readonly string[];
}

/** Starts a headless Chromium on the given profile, with the packaged Chinese font available to its pages. */
export async function launchChromium(options: LaunchOptions): Promise<Browser> {
  const chromium = options.executablePath ? { executablePath: options.executablePath, bundled: false } : await resolveChromium();
  return puppeteer.launch({
    executablePath: chromium.executablePath,
    // The packaged build is Chromium's headless shell.
    headless: chromium.bundled ? 'shell' : true,
    env: chromiumEnvironment(),
    userDataDir: options.userDataDir,
    args: [...CHROMIUM_ARGS, ...(needsNoSandbox() ? ['--no-sandbox'] : []), ...(options.args ?? [])],
  });
}
