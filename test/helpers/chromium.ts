import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { findChromium } from '../../electron/services/browse/chromium-path';
import { launchChromium as launchSystemChromium } from '../../electron/services/browse/chromium-launch';

/** The system Chromium (KAOPING_CHROME, CHROME_PATH, then Debian's /usr/bin/chromium …). */
export function chromiumPath(): string {
  return findChromium();
}

/** A headless Chromium with a fresh profile and no background networking. */
export async function launchChromium(): Promise<Browser> {
  return launchSystemChromium({ userDataDir: mkdtempSync(path.join(os.tmpdir(), 'kaoping-chromium-')) });
}
