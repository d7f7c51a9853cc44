/** Reading and making PNGs in tests, so assertions are about pixels rather than bytes. */
import { createCanvas, loadImage } from '@napi-rs/canvas';

export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export async function decodePng(png: Buffer): Promise<Pixels> {
  const image = await loadImage(png);
  const ctx = createCanvas(image.width, image.height).getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: ctx.getImageData(0, 0, image.width, image.height).data };
}

/** [r, g, b, a] at a pixel. */
export function rgba(p: Pixels, x: number, y: number): [number, number, number, number] {
  const i = (y * p.width + x) * 4;
  return [p.data[i]!, p.data[i + 1]!, p.data[i + 2]!, p.data[i + 3]!];
}

export const isRed = ([r, g, b]: number[]) => r! > 200 && g! < 60 && b! < 60;
export const isWhite = ([r, g, b]: number[]) => r! > 245 && g! > 245 && b! > 245;

/** The RGBA bytes of a rectangle, row by row (to compare regions of two images). */
export function region(p: Pixels, x: number, y: number, width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  for (let row = y; row < y + height; row++) rows.push(Buffer.from(p.data.buffer, p.data.byteOffset + (row * p.width + x) * 4, width * 4));
  return Buffer.concat(rows);
}

/** How many pixels of a rectangle are darker than `below` (text on a light strip). */
export function darkCount(p: Pixels, x: number, y: number, width: number, height: number, below = 140): number {
  let n = 0;
  for (let row = y; row < y + height; row++) for (let col = x; col < x + width; col++) if (rgba(p, col, row)[0] < below) n++;
  return n;
}

/** A PNG of one colour. */
export function solidPng(width: number, height: number, color: string): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, width, height);
  return canvas.toBuffer('image/png');
}

/** A PNG whose every pixel differs from its neighbours: any shift, scale or recolouring shows. */
export function patternPng(width: number, height: number): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(width, height);
  for (let i = 0; i < width * height; i++) {
    img.data[i * 4] = (i * 37) % 256;
    img.data[i * 4 + 1] = (i * 91 + 17) % 256;
    img.data[i * 4 + 2] = (i * 13 + 101) % 256;
    img.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  return canvas.toBuffer('image/png');
}
