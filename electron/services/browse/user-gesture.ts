/**
 * Whether a site's request to open a window follows something the reviewer
 * did. Chromium grants a page "transient user activation" for a few seconds
 * after a click, key press or touch; a popup asked for outside that window is
 * the site's own doing and is refused, as Chrome's popup blocker would.
 */
export const USER_ACTIVATION_MS = 5_000;

const ACTIVATING = new Set(['mouseDown', 'mouseUp', 'keyDown', 'rawKeyDown', 'char', 'touchStart', 'touchEnd', 'gestureTap']);

export interface GestureGate {
  /** Called with the type of every input event the page receives. */
  noteInput(type: string): void;
  /** True when the reviewer acted within the last USER_ACTIVATION_MS. */
  hasUserGesture(): boolean;
}

export function createGestureGate(now: () => number = Date.now): GestureGate {
  let last = Number.NEGATIVE_INFINITY;
  return {
    noteInput(type) {
      if (ACTIVATING.has(type)) last = now();
    },
    hasUserGesture: () => now() - last <= USER_ACTIVATION_MS,
  };
}
