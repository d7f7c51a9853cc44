import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';

interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1440, height: 900 }, maximized: false };

/** Reads the last window bounds; anything unreadable falls back to the default. */
export function loadWindowState(userData: string): WindowState {
  try {
    const raw = JSON.parse(readFileSync(path.join(userData, 'window-state.json'), 'utf8')) as WindowState;
    const b = raw.bounds;
    if ([b.x, b.y, b.width, b.height].every(Number.isFinite) && b.width >= 800 && b.height >= 600) return raw;
  } catch {
    // first run or a damaged file: use the default
  }
  return DEFAULT;
}

/** Saves bounds when the window closes, so the next start opens where this one was. */
export function rememberWindowState(win: BrowserWindow, userData: string): void {
  win.on('close', () => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeFileSync(path.join(userData, 'window-state.json'), JSON.stringify(state));
    } catch {
      // not worth failing a close over
    }
  });
}
