import { useCallback, useEffect, useState } from 'react';

/** Widths of the side panes and whether they are open; the site gets the rest. */
export interface PaneLayout {
  left: number;
  right: number;
  leftOpen: boolean;
  rightOpen: boolean;
}

export type WindowSize = 'compact' | 'wide';

/** Below 1500 px (1366, 1440 laptops) the target list starts folded so the site keeps most of the width. */
export function windowSize(width: number): WindowSize {
  return width < 1500 ? 'compact' : 'wide';
}

export const DEFAULT_LAYOUT: Record<WindowSize, PaneLayout> = {
  compact: { left: 240, right: 400, leftOpen: false, rightOpen: true },
  wide: { left: 280, right: 460, leftOpen: true, rightOpen: true },
};

export const PANE_LIMITS = { left: [180, 420], right: [320, 720] } as const;
const KEY = 'kaoping.review.layout';

function load(size: WindowSize): PaneLayout {
  try {
    const saved = JSON.parse(localStorage.getItem(`${KEY}.${size}`) ?? 'null') as Partial<PaneLayout> | null;
    return { ...DEFAULT_LAYOUT[size], ...(saved ?? {}) };
  } catch {
    return DEFAULT_LAYOUT[size];
  }
}

const clamp = (v: number, [lo, hi]: readonly [number, number]) => Math.round(Math.max(lo, Math.min(hi, v)));

/**
 * The review workspace's pane layout, one per window size (a laptop and a
 * desktop monitor want different splits), remembered in localStorage.
 */
export function usePaneLayout() {
  const [size, setSize] = useState<WindowSize>(() => windowSize(window.innerWidth));
  const [layout, setLayout] = useState<PaneLayout>(() => load(size));
  useEffect(() => {
    const onResize = () => setSize(windowSize(window.innerWidth));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  useEffect(() => setLayout(load(size)), [size]);
  const change = useCallback(
    (patch: Partial<PaneLayout>) =>
      setLayout((before) => {
        const next = { ...before, ...patch };
        next.left = clamp(next.left, PANE_LIMITS.left);
        next.right = clamp(next.right, PANE_LIMITS.right);
        localStorage.setItem(`${KEY}.${size}`, JSON.stringify(next));
        return next;
      }),
    [size],
  );
  return { layout, change, size };
}
