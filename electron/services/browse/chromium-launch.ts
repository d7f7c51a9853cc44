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

/** What the reviewer is told when the sandbox is off; null when it is on. */
export function sandboxNotice(env: Record<string, string | undefined> = process.env): string | null {
  if (!needsNoSandbox(env)) return null;
  return env['KAOPING_CHROME_NO_SANDBOX'] === '1'
    ? '审阅浏览器未启用沙箱（设置了 KAOPING_CHROME_NO_SANDBOX=1）：被考评网站的页面在没有沙箱保护的 Chromium 中打开'
    : '审阅浏览器未启用沙箱：本程序以 root 身份运行，Chromium 在 root 下无法启用沙箱。请以普通用户身份运行 kaoping serve';
}

let sandboxLogged = false;

export interface LaunchOptions {
  /** The profile folder: cookies and logins persist here between runs. */
  userDataDir: string;
  /** Defaults to resolveChromium(): an installed browser, else the packaged one. */
  executablePath?: string;
  /** Extra flags: the guard proxy's for the review browser (puppeteer-host.ts), or a test's. */
  args?: readonly string[];
}

/**
 * Starts a headless Chromium on the given profile, with the packaged Chinese
 * font available to its pages. DevTools runs over a pipe to this process
 * (`pipe: true`), never a TCP port: no other local process can attach to the
 * browser the hostile pages live in.
 */
export async function launchChromium(options: LaunchOptions): Promise<Browser> {
  const notice = sandboxNotice();
  if (notice && !sandboxLogged) {
    sandboxLogged = true;
    process.stderr.write(`警告：${notice}
`);
  }
  const chromium = options.executablePath ? { executablePath: options.executablePath, bundled: false } : await resolveChromium();
  return puppeteer.launch({
    executablePath: chromium.executablePath,
    // The packaged build is Chromium's headless shell.
    headless: chromium.bundled ? 'shell' : true,
    env: chromiumEnvironment(),
    pipe: true,
    userDataDir: options.userDataDir,
    args: [...CHROMIUM_ARGS, ...(notice ? ['--no-sandbox'] : []), ...(options.args ?? [])],
  });
}
