import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { untrustedText, untrustedUrl } from '../../../electron/services/browse/untrusted';
import { beijingStamp, burnCaption } from '../../../electron/services/evidence/caption';
import { cjkFont, registerCjkFont } from '../../../electron/services/evidence/fonts';
import { darkCount, decodePng, patternPng, region, rgba } from './pixels';

const facts = {
  url: 'http://www.nanling.gov.cn/zwgk/index.html',
  capturedAt: new Date('2025-06-30T06:05:09Z'),
  target: '南岭县人民政府门户网站',
  indicator: '信息发布/概况信息',
};

describe('caption strip', () => {
  it('appends a strip below the picture and leaves the picture pixel for pixel', async () => {
    const input = patternPng(800, 300);
    const out = await decodePng(await burnCaption(input, facts));
    const original = await decodePng(input);
    expect(out.width).toBe(800);
    // Four lines of ~24 px plus padding.
    expect(out.height).toBeGreaterThan(300 + 4 * 20);
    expect(region(out, 0, 0, 800, 300).equals(region(original, 0, 0, 800, 300))).toBe(true);
    // Light strip with dark text on it, in the label column and the value column.
    expect(rgba(out, 2, out.height - 2)).toEqual([243, 244, 246, 255]);
    expect(darkCount(out, 0, 301, 80, out.height - 301)).toBeGreaterThan(200);
    expect(darkCount(out, 100, 301, 500, out.height - 301)).toBeGreaterThan(1000);
  });

  it('writes the capture time in Beijing time', () => {
    expect(beijingStamp(facts.capturedAt)).toBe('2025-06-30 14:05:09（北京时间）');
  });

  it('wraps long URLs and adds a line for a note, making the strip taller', async () => {
    const input = patternPng(600, 100);
    const plain = await decodePng(await burnCaption(input, facts));
    const long = await decodePng(await burnCaption(input, { ...facts, url: `http://www.nanling.gov.cn/${'zwgk/'.repeat(60)}` }));
    const noted = await decodePng(await burnCaption(input, { ...facts, note: '页面过长，整页截图只截取了前 16000 像素' }));
    expect(long.height).toBeGreaterThan(plain.height + 40);
    expect(noted.height).toBeGreaterThan(plain.height + 15);
    // Bounded: a hostile 5000-character URL cannot grow the strip without end.
    const huge = await decodePng(await burnCaption(input, { ...facts, url: `http://x.cn/${'a'.repeat(5000)}` }));
    expect(huge.height).toBeLessThan(plain.height + 6 * 30);
  });

  it('widens the strip under a narrow region capture so the caption stays legible', async () => {
    const input = patternPng(120, 40);
    const out = await decodePng(await burnCaption(input, facts));
    expect(out.width).toBe(480);
    expect(region(out, 0, 0, 120, 40).equals(region(await decodePng(input), 0, 0, 120, 40))).toBe(true);
  });
});

describe('page-controlled strings', () => {
  it('loses control and bidi-override characters and keeps only http(s) URLs', () => {
    expect(untrustedText('政务\u202e公开\n\t标题\u200b')).toBe('政务 公开 标题');
    expect(untrustedText({ toString: () => '对象' })).toBe('');
    expect(untrustedText('长'.repeat(600), 10)).toBe(`${'长'.repeat(9)}…`);
    expect(untrustedUrl('http://www.nanling.gov.cn/a b')).toBe('http://www.nanling.gov.cn/a%20b');
    expect(untrustedUrl('javascript:alert(1)')).toBeNull();
    expect(untrustedUrl('chrome-error://chromewebdata/')).toBeNull();
    expect(untrustedUrl(42)).toBeNull();
  });
});

describe('CJK font', () => {
  it('uses the packaged Noto Sans SC and renders distinct Chinese glyphs, not boxes', () => {
    expect(registerCjkFont()).toMatch(/NotoSansSC_400Regular\.ttf$/u);
    const glyph = (ch: string) => {
      const canvas = createCanvas(40, 40);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 40, 40);
      ctx.fillStyle = '#000';
      ctx.font = cjkFont(32);
      ctx.textBaseline = 'top';
      ctx.fillText(ch, 2, 2);
      return ctx.getImageData(0, 0, 40, 40).data;
    };
    const kao = glyph('考');
    const ping = glyph('评');
    const inked = (d: Uint8ClampedArray) => d.filter((v, i) => i % 4 === 0 && v < 128).length;
    expect(inked(kao)).toBeGreaterThan(60);
    expect(inked(ping)).toBeGreaterThan(60);
    // Missing glyphs would all draw the same box.
    expect(Buffer.from(kao).equals(Buffer.from(ping))).toBe(false);
  });

  it('draws bold captions heavier than regular ones from the packaged bold face', () => {
    const ink = (weight: 'normal' | 'bold') => {
      const canvas = createCanvas(80, 40);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 80, 40);
      ctx.fillStyle = '#000';
      ctx.font = cjkFont(32, weight);
      ctx.textBaseline = 'top';
      ctx.fillText('考评', 2, 2);
      return ctx.getImageData(0, 0, 80, 40).data.filter((v, i) => i % 4 === 0 && v < 128).length;
    };
    expect(ink('bold')).toBeGreaterThan(ink('normal') * 1.15);
  });
});
