import { describe, expect, it } from 'vitest';
import { fitPresetToPane, presetAtFullSize } from '../../../electron/services/browse/emulation';

describe('the desktop view at 100 % (the default)', () => {
  it('never scales: the view is the pane where the preset is wider, the preset where it is narrower', () => {
    expect(presetAtFullSize({ preset: 'desktop', zoom: 1 }, { width: 930, height: 600 })).toEqual({
      screen: { width: 1920, height: 1080 },
      view: { width: 930, height: 600 },
      scale: 1,
      css: { width: 930, height: 600 },
    });
    expect(presetAtFullSize({ preset: 'laptop', zoom: 1 }, { width: 1600, height: 800 })).toMatchObject({
      view: { width: 1366, height: 800 },
      scale: 1,
    });
    expect(presetAtFullSize({ preset: 'mobile', zoom: 1 }, { width: 930, height: 600 })).toMatchObject({
      view: { width: 390, height: 600 },
      scale: 1,
    });
  });

  it('magnifies with the zoom: the same pixels hold fewer CSS pixels', () => {
    expect(presetAtFullSize({ preset: 'laptop', zoom: 1.5 }, { width: 930, height: 600 }).css).toEqual({ width: 620, height: 400 });
    expect(presetAtFullSize({ preset: 'mobile', zoom: 2 }, null)).toMatchObject({
      view: { width: 390, height: 844 },
      css: { width: 195, height: 422 },
      scale: 1,
    });
  });
});

describe('the desktop view’s emulation for a preset fitted to a pane (适应宽度)', () => {
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
    expect(fitPresetToPane({ preset: 'mobile', zoom: 1 }, null)).toMatchObject({
      view: { width: 390, height: 844 },
      css: { width: 390, height: 844 },
      scale: 1,
    });
  });
});
