/** The embedded browser's state and inputs as they cross the API contract. */

export type DevicePreset = 'desktop' | 'laptop' | 'mobile';

/** Viewports for the compatibility indicator (兼容性): the sizes reviewers test at. */
export const DEVICE_PRESETS: Record<DevicePreset, { label: string; width: number; height: number; mobile: boolean }> = {
  desktop: { label: '台式机 1920', width: 1920, height: 1080, mobile: false },
  laptop: { label: '笔记本 1366', width: 1366, height: 768, mobile: false },
  mobile: { label: '手机 390', width: 390, height: 844, mobile: true },
};

export interface RectView {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BrowserStateView {
  /** The target whose page is shown, or null before any is opened. */
  targetId: number | null;
  url: string;
  title: string;
  loading: boolean;
  canGoBack: boolean;
  canGoForward: boolean;
  preset: DevicePreset;
  zoom: number;
  /**
   * Why the page did not load: a certificate fault is shown to the reviewer and
   * never accepted silently; network and HTTP errors likewise.
   */
  error: { kind: 'certificate' | 'network' | 'http'; message: string; url: string } | null;
  /** A standing warning about the review browser itself (its sandbox is off when running as root). */
  notice?: string | null;
}

/** Browser mode's drawn page: what the reviewer did on the image, in CSS pixels of the viewport. */
export type InputEventView =
  | { type: 'click'; x: number; y: number }
  | { type: 'scroll'; x: number; y: number; dx: number; dy: number }
  | { type: 'key'; key: string }
  | { type: 'text'; text: string }
  /** An input method's text still being composed (empty: the composition was cancelled); committed text comes as 'text'. */
  | { type: 'ime'; text: string };
