import { describe, expect, it } from 'vitest';
import type { AnnotationShape } from '../../../shared/api/annotation';
import { renderAnnotations } from '../../../electron/services/evidence/annotate';
import { decodePng, isRed, isWhite, rgba, solidPng } from './pixels';

describe('annotations', () => {
  const white = solidPng(400, 300, '#ffffff');

  it('draws a red box on a copy: border red, inside and outside untouched, input bytes unchanged', async () => {
    const before = Buffer.from(white);
    const out = await decodePng(await renderAnnotations(white, [{ type: 'rect', x: 50, y: 60, width: 100, height: 80 }]));
    expect(white.equals(before)).toBe(true);
    expect([out.width, out.height]).toEqual([400, 300]);
    for (const [x, y] of [
      [50, 100],
      [150, 100],
      [100, 60],
      [100, 140],
      [51, 61],
    ])
      expect(isRed(rgba(out, x!, y!)), `${x},${y}`).toBe(true);
    for (const [x, y] of [
      [44, 100],
      [156, 100],
      [100, 54],
      [100, 146],
      [100, 100],
      [56, 66],
      [300, 250],
    ])
      expect(isWhite(rgba(out, x!, y!)), `${x},${y}`).toBe(true);
  });

  it('draws a box dragged up and to the left the same as one dragged down and right', async () => {
    const forward = await renderAnnotations(white, [{ type: 'rect', x: 50, y: 60, width: 100, height: 80 }]);
    const backward = await renderAnnotations(white, [{ type: 'rect', x: 150, y: 140, width: -100, height: -80 }]);
    expect(Buffer.from((await decodePng(forward)).data).equals(Buffer.from((await decodePng(backward)).data))).toBe(true);
  });

  it('draws arrows with a head at the end, and text with a white halo in the given colour', async () => {
    const dark = solidPng(400, 300, '#000000');
    const shapes: AnnotationShape[] = [
      { type: 'arrow', x: 20, y: 150, width: 200, height: 0 },
      { type: 'text', x: 40, y: 60, text: '首页栏目未更新', color: '#00c000' },
    ];
    const out = await decodePng(await renderAnnotations(dark, shapes));
    // Shaft, then the head: wider than the 4 px line just before the tip.
    expect(isRed(rgba(out, 100, 150))).toBe(true);
    expect(isRed(rgba(out, 100, 156))).toBe(false);
    expect(isRed(rgba(out, 204, 156))).toBe(true);
    expect(isRed(rgba(out, 225, 150))).toBe(false);
    let green = 0;
    let halo = 0;
    for (let y = 30; y < 70; y++) {
      for (let x = 40; x < 240; x++) {
        const [r, g, b] = rgba(out, x, y);
        if (g > 150 && r < 80 && b < 80) green++;
        if (r > 200 && g > 200 && b > 200) halo++;
      }
    }
    expect(green).toBeGreaterThan(200);
    expect(halo).toBeGreaterThan(100);
  });

  it.each<[string, AnnotationShape[], RegExp]>([
    ['outside the image', [{ type: 'rect', x: 350, y: 10, width: 100, height: 20 }], /第 1 个标注超出图片范围（图片为 400×300 像素）/u],
    ['negative start', [{ type: 'arrow', x: -5, y: 10, width: 50, height: 0 }], /超出图片范围/u],
    [
      'a second bad shape',
      [
        { type: 'rect', x: 1, y: 1, width: 10, height: 10 },
        { type: 'text', x: 10, y: 400, text: '说明' },
      ],
      /第 2 个标注超出图片范围/u,
    ],
    ['a degenerate box', [{ type: 'rect', x: 10, y: 10, width: 1, height: 50 }], /方框太小/u],
    ['a stub arrow', [{ type: 'arrow', x: 10, y: 10, width: 3, height: 3 }], /箭头太短/u],
    ['not a number', [{ type: 'rect', x: Number.NaN, y: 10, width: 10, height: 10 }], /超出图片范围/u],
    ['a bad colour', [{ type: 'rect', x: 10, y: 10, width: 10, height: 10, color: 'red;x' }], /颜色无效/u],
    ['empty text', [{ type: 'text', x: 10, y: 10, text: ' \u202e ' }], /文字须为/u],
    ['no shapes', [], /没有要保存的标注/u],
    ['too many shapes', Array.from({ length: 51 }, () => ({ type: 'rect' as const, x: 1, y: 1, width: 5, height: 5 })), /不能超过 50 个/u],
  ])('rejects %s', async (_, shapes, message) => {
    await expect(renderAnnotations(white, shapes)).rejects.toThrow(message);
  });

  it('rejects bytes that are not an image', async () => {
    await expect(
      renderAnnotations(Buffer.from('<html>not an image</html>'), [{ type: 'rect', x: 1, y: 1, width: 5, height: 5 }]),
    ).rejects.toThrow('不是可识别的图片');
  });
});
