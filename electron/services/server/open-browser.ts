/**
 * Opens the browser-mode address in the system's default browser: `open` on
 * macOS, the URL handler on Windows, `xdg-open` on a Linux desktop. Where there
 * is none (a server, no desktop session), the caller prints the address.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export interface OpenerEnvironment {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  /** True when `command` is an executable on PATH. */
  onPath: (command: string) => boolean;
}

/** The command that opens `url` in the default browser here, or null when there is none. */
export function browserOpener(url: string, where: OpenerEnvironment): { command: string; args: string[] } | null {
  if (where.platform === 'darwin') return { command: 'open', args: [url] };
  // rundll32 hands the URL to the registered handler without a shell parsing it.
  if (where.platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  const desktop = Boolean(where.env['DISPLAY'] || where.env['WAYLAND_DISPLAY']);
  return desktop && where.onPath('xdg-open') ? { command: 'xdg-open', args: [url] } : null;
}

/** True when an executable named `command` is in one of PATH's folders. */
export function isOnPath(command: string, env: Record<string, string | undefined> = process.env): boolean {
  return (env['PATH'] ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Starts the default browser on `url`; false when this machine has none to start. */
export function openInBrowser(
  url: string,
  where: OpenerEnvironment = { platform: process.platform, env: process.env, onPath: (c) => isOnPath(c) },
): boolean {
  const opener = browserOpener(url, where);
  if (!opener) return false;
  const child = spawn(opener.command, opener.args, { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined); // the address is printed as well
  child.unref();
  return true;
}
