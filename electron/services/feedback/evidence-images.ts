import { createCanvas, loadImage } from '@napi-rs/canvas';
import { sniffImage } from '../evidence/image-bytes';

/** A picture ready for Word: PNG or JPEG bytes and their pixel size. */
export interface DocImage {
  type: 'png' | 'jpg';
  data: Buffer;
  width: number;
  height: number;
}

/**
 * A slice is at most this many times as tall as it is wide: a full-page capture
 * (up to 16 000 px) shrunk onto one page would be unreadable, so it is cut into
 * page-sized pieces shown one after another at full width.
 */
const MAX_ASPECT = 1.3;

/**
 * The evidence file as pictures for the document, or null when it is not an
 * image (MHTML, HTML, downloads: those are listed with their SHA-256 instead).
 */
export async function docImages(bytes: Buffer): Promise<DocImage[] | null> {
  const type = sniffImage(bytes);
  if (!type) return null;
  const image = await loadImage(bytes);
  const { width, height } = image;
  if (width === 0 || height === 0) return null;
  const sliceHeight = Math.ceil(width * MAX_ASPECT);
  if (height <= sliceHeight && (type === 'png' || type === 'jpeg'))
    return [{ type: type === 'png' ? 'png' : 'jpg', data: bytes, width, height }];
  const out: DocImage[] = [];
  for (let top = 0; top < height; top += sliceHeight) {
    const h = Math.min(sliceHeight, height - top);
    const canvas = createCanvas(width, h);
    canvas.getContext('2d').drawImage(image, 0, top, width, h, 0, 0, width, h);
    out.push({ type: 'png', data: canvas.toBuffer('image/png'), width, height: h });
  }
  return out;
}
