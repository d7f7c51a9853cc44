/**
 * Chinese text in the pages our headless Chromium renders, on any Linux
 * machine: Chromium finds fonts through fontconfig, so it is started with a
 * fontconfig file that keeps the configuration in force (the system's, or
 * whatever FONTCONFIG_FILE already names) and adds the packaged Noto Sans SC.
 * Windows and macOS always have a Chinese font and do not use fontconfig.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packagedCjkFont } from '../evidence/cjk-font-files';

const xml = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** The fontconfig file's text: the current configuration, then the packaged font's folders. */
export function fontConfigXml(baseConfig: string, fontDirs: readonly string[], cacheDir: string): string {
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <include ignore_missing="yes">${xml(baseConfig)}</include>`,
    ...fontDirs.map((dir) => `  <dir>${xml(dir)}</dir>`),
    `  <cachedir>${xml(cacheDir)}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}

/**
 * The environment to start Chromium with: FONTCONFIG_FILE pointing at a file
 * written once per configuration into the temp folder. Unchanged where there
 * is nothing to add (not Linux, or no packaged font).
 */
export function chromiumEnvironment(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
): Record<string, string | undefined> {
  const font = packagedCjkFont();
  if (platform !== 'linux' || !font) return env;
  const dir = path.join(os.tmpdir(), 'kaoping-fontconfig');
  const text = fontConfigXml(env['FONTCONFIG_FILE'] || '/etc/fonts/fonts.conf', font.dirs, path.join(dir, 'cache'));
  const file = path.join(dir, `fonts-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.conf`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    // Written aside and renamed, so a Chromium starting at the same moment never reads half a file.
    const partial = `${file}.${process.pid}.part`;
    writeFileSync(partial, text);
    renameSync(partial, file);
  }
  return { ...env, FONTCONFIG_FILE: file };
}
