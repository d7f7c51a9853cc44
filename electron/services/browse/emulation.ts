/**
 * Device presets and zoom for the headless host (and the desktop view's layout in its pane).
 *
 * Zoom works like the desktop app's `setZoomFactor` (browser zoom, Ctrl +/−):
 * the picture keeps the preset's size in pixels while the page lays out in
 * `preset / zoom` CSS pixels at a device scale factor of `zoom`. At 200 % a
 * 1366-pixel screenshot shows a 683-CSS-pixel layout with everything twice as
 * large, and media queries see the narrower width, as they would for a
 * reviewer zooming in. (Emulation.setPageScaleFactor would instead magnify a
 * corner of the unchanged layout, which is not what zoom means to reviewers.)
 */
import type { Page } from 'puppeteer-core';
import { DEVICE_PRESETS, type DevicePreset } from '../../../shared/api/browser';
import type { CdpSend } from './cdp';
import { MOBILE_USER_AGENT } from './policy';

export interface Device {
  preset: DevicePreset;
  zoom: number;
}

export const ZOOM_MIN = 0.25;
export const ZOOM_MAX = 3;

/** Zoom clamped to what the host supports; anything not a finite number is 100 %. */
export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, Math.round(zoom * 100) / 100));
}

/** The viewport in CSS pixels for a preset at a zoom. */
export function cssViewport(device: Device): { width: number; height: number } {
  const p = DEVICE_PRESETS[device.preset];
  return { width: Math.round(p.width / device.zoom), height: Math.round(p.height / device.zoom) };
}

/**
 * Applies the preset to a page: the user agent first (so a reload caused by a
 * phone/desktop switch already asks for the mobile pages), then the viewport.
 * puppeteer reloads the page by itself when the mobile flag changes.
 * Chromium keeps device metrics per DevTools session, so the same metrics are
 * set on `captureSession` too: pictures taken through it (page-shots.ts) then
 * come out at the emulated scale.
 */
export async function applyDevice(page: Page, device: Device, desktopUserAgent: string, captureSession: CdpSend): Promise<void> {
  const p = DEVICE_PRESETS[device.preset];
  await page.setUserAgent({ userAgent: p.mobile ? MOBILE_USER_AGENT : desktopUserAgent });
  const viewport = cssViewport(device);
  await page.setViewport({ ...viewport, deviceScaleFactor: device.zoom, isMobile: p.mobile, hasTouch: p.mobile });
  await captureSession.send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: device.zoom, mobile: p.mobile });
}

/** Chromium's own user agent without the "HeadlessChrome" token some sites refuse. */
export function desktopUserAgent(browserUserAgent: string): string {
  return browserUserAgent.replace(/HeadlessChrome/gu, 'Chrome');
}

/** The desktop view's emulation: the screen it reports, the view's size and scale, the viewport in CSS pixels. */
export interface PaneLayout {
  screen: { width: number; height: number };
  view: { width: number; height: number };
  scale: number;
  css: { width: number; height: number };
}

/**
 * The desktop view's emulation at 100 % (the default, as in browser mode):
 * never scaled down, one CSS pixel at zoom 1 is one pixel of the pane, and the
 * page scrolls. The view is the preset's width, or the pane's when the pane is
 * narrower (a live view cannot be panned sideways; a site wider than that
 * scrolls sideways itself), and the pane's height. The screen reports the
 * preset's size. `css` is the viewport in CSS pixels at the zoom (zoom keeps
 * the view's pixels and magnifies the page, as on the headless host), the
 * figure recorded with each capture.
 */
export function presetAtFullSize(device: Device, pane: { width: number; height: number } | null): PaneLayout {
  const p = DEVICE_PRESETS[device.preset];
  const paneWidth = pane && pane.width > 0 ? pane.width : p.width;
  const paneHeight = pane && pane.height > 0 ? pane.height : p.height;
  const view = { width: Math.min(paneWidth, p.width), height: paneHeight };
  return {
    screen: { width: p.width, height: p.height },
    view,
    scale: 1,
    css: { width: Math.round(view.width / device.zoom), height: Math.round(view.height / device.zoom) },
  };
}

/**
 * The desktop view's emulation for a preset in a pane when the reviewer asks
 * to fit it (适应宽度): the page is laid out at the preset's width and shown
 * scaled down to fit (a 1920 px page in a 1200 px pane is not cut), its
 * height following the pane's shape.
 */
export function fitPresetToPane(device: Device, pane: { width: number; height: number } | null): PaneLayout {
  const p = DEVICE_PRESETS[device.preset];
  const paneWidth = pane && pane.width > 0 ? pane.width : p.width;
  const paneHeight = pane && pane.height > 0 ? pane.height : p.height;
  const view = { width: p.width, height: Math.max(1, Math.round((paneHeight * p.width) / paneWidth)) };
  return {
    screen: { width: p.width, height: p.height },
    view,
    scale: Math.min(1, paneWidth / p.width),
    css: { width: Math.round(view.width / device.zoom), height: Math.round(view.height / device.zoom) },
  };
}
