/**
 * One temporary folder per process (<tmp>/kaoping-<user>/<pid>), removed when
 * the process exits. A process that was killed cannot clean up after itself,
 * so each new one first removes the folders of processes no longer running:
 * an upload left behind by a crash lives at most until the next start.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let mine: string | undefined;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function userTag(): string {
  try {
    return os.userInfo().username.replace(/[^\w.-]/gu, '_') || 'user';
  } catch {
    return 'user';
  }
}

/** Removes the folders of processes that are gone; returns how many. */
export function sweepStaleTemp(root = path.join(os.tmpdir(), `kaoping-${userTag()}`)): number {
  let removed = 0;
  let names: string[] = [];
  try {
    names = readdirSync(root);
  } catch {
    return 0;
  }
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    rmSync(path.join(root, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** This process's temporary folder, created (and stale ones swept) on first use. */
export function processTempDir(): string {
  if (mine) return mine;
  const root = path.join(os.tmpdir(), `kaoping-${userTag()}`);
  sweepStaleTemp(root);
  const dir = path.join(root, String(process.pid));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  mine = dir;
  return dir;
}
