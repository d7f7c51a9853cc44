import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KaopingError } from '../../shared/errors';

/**
 * The app's root folder (the one holding resources/ and dist/), found by walking
 * up from this module: it is two levels up from source (electron/services) and
 * one from the bundle (dist/cli); in a packaged app it is the asar root.
 */
export function appRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'resources', 'rulesets'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new KaopingError('no-resources', `找不到应用资源目录（resources/rulesets），起点：${start}`);
    dir = parent;
  }
}

/** resources/: rulesets, word lists, templates, samples. */
export function resourcesDir(): string {
  return path.join(appRoot(), 'resources');
}

/** The built renderer served by browser mode and loaded by the desktop app. */
export function rendererDir(): string {
  return path.join(appRoot(), 'dist', 'renderer');
}

/**
 * The workspace the CLI uses when `--workspace` is not given: $KAOPING_WORKSPACE, else
 * the desktop app's own (Documents/考评工作台).
 */
export function defaultWorkspaceDir(): string {
  return process.env.KAOPING_WORKSPACE || path.join(os.homedir(), 'Documents', '考评工作台');
}
