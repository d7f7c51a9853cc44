import { describe, expect, it } from 'vitest';
import { fitPresetToPane } from '../../../electron/services/browse/emulation';

describe('the desktop view’s emulation for a preset in a pane', () => {
  it('lays a 1920 px page out at full width and shows it scaled into a narrower pane', () => {
    const fit = fitPresetToPane({ preset: 'desktop', zoom: 1 }, { width: 960, height: 600 });
    expect(fit.view).toEqual({ width: 1920, height: 1200 });
    expect(fit.scale).toBe(0.5);
    expect(fit.css).toEqual({ width: 1920, height: 1200 });
  });

  it('records the CSS viewport at the zoom, not the pane size', () => {
    const fit = fitPresetToPane({ preset: 'laptop', zoom: 2 }, { width: 1366, height: 700 });
    expect(fit.css).toEqual({ width: 683, height: 350 });
    expect(fit.scale).toBe(1);
  });

  it('uses the preset’s own size before the pane is known', () => {
    expect(fitPresetToPane({ preset: 'mobile', zoom: 1 }, null)).toMatchObject({ view: { width: 390, height: 844 }, css: { width: 390, height: 844 }, scale: 1 });
  });
});
