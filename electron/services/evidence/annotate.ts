/**
 * Burns a reviewer's marks (red boxes, arrows, words) into a copy of a
 * screenshot. The original is only read: annotated evidence is a new file.
 */
import { createCanvas, loadImage, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import {
  ANNOTATION_COLOR,
  ANNOTATION_FONT_SIZE,
  ANNOTATION_LINE_WIDTH,
  ANNOTATION_MAX_SHAPES,
  ANNOTATION_MAX_TEXT,
  type AnnotationShape,
} from '../../../shared/api/annotation';
import { KaopingError } from '../../../shared/errors';
import { untrustedText } from '../browse/untrusted';
import { cjkFont } from './fonts';
import { pngSize } from './image-bytes';

const MIN_BOX = 2;
const MIN_ARROW = 8;
const HEAD_LENGTH = 5 * ANNOTATION_LINE_WIDTH;
const HEAD_HALF_WIDTH = 2.5 * ANNOTATION_LINE_WIDTH;

const bad = (index: number, what: string) => new KaopingError('bad-annotation', `第 ${index + 1} 个标注${what}`);

/**
 * Checks shapes against an image of `width` × `height` pixels: known types,
 * finite numbers, inside the image, not degenerate, sane colours and text.
 * Throws a KaopingError naming the first bad shape.
 */
export function validateShapes(shapes: readonly AnnotationShape[], width: number, height: number): void {
  if (shapes.length === 0) throw new KaopingError('bad-annotation', '没有要保存的标注');
  if (shapes.length > ANNOTATION_MAX_SHAPES) throw new KaopingError('bad-annotation', `标注不能超过 ${ANNOTATION_MAX_SHAPES} 个`);
  const inside = (x: number, y: number) => Number.isFinite(x) && Number.isFinite(y) && x >= 0 && y >= 0 && x <= width && y <= height;
  shapes.forEach((s, i) => {
    if (s.color !== undefined && !/^#[0-9a-f]{6}$/iu.test(s.color)) throw bad(i, '的颜色无效');
    const range = `超出图片范围（图片为 ${width}×${height} 像素）`;
    if (s.type === 'text') {
      if (!inside(s.x, s.y)) throw bad(i, range);
      const text = untrustedText(s.text, ANNOTATION_MAX_TEXT + 1);
      if (!text || text.length > ANNOTATION_MAX_TEXT) throw bad(i, `的文字须为 1–${ANNOTATION_MAX_TEXT} 个字`);
      return;
    }
    if (s.type !== 'rect' && s.type !== 'arrow') throw bad(i, '的类型无效');
    if (!inside(s.x, s.y) || !inside(s.x + s.width, s.y + s.height)) throw bad(i, range);
    if (s.type === 'rect' && (Math.abs(s.width) < MIN_BOX || Math.abs(s.height) < MIN_BOX)) throw bad(i, '的方框太小');
    if (s.type === 'arrow' && Math.hypot(s.width, s.height) < MIN_ARROW) throw bad(i, '的箭头太短');
  });
}

function drawArrow(ctx: SKRSContext2D, x: number, y: number, dx: number, dy: number): void {
  const length = Math.hypot(dx, dy);
  const ux = dx / length;
  const uy = dy / length;
  const head = Math.min(HEAD_LENGTH, length * 0.6);
  const tipX = x + dx;
  const tipY = y + dy;
  const baseX = tipX - ux * head;
  const baseY = tipY - uy * head;
  ctx.beginPath();
  ctx.moveTo(x, y);
  // The shaft stops inside the head so its square end never shows past the point.
  ctx.lineTo(baseX + ux * head * 0.3, baseY + uy * head * 0.3);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(tipX, tipY);
  ctx.lineTo(baseX - uy * HEAD_HALF_WIDTH, baseY + ux * HEAD_HALF_WIDTH);
  ctx.lineTo(baseX + uy * HEAD_HALF_WIDTH, baseY - ux * HEAD_HALF_WIDTH);
  ctx.closePath();
  ctx.fill();
}

function drawShape(ctx: SKRSContext2D, s: AnnotationShape): void {
  const color = s.color ?? ANNOTATION_COLOR;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = ANNOTATION_LINE_WIDTH;
  if (s.type === 'rect') {
    ctx.lineJoin = 'miter';
    ctx.strokeRect(Math.min(s.x, s.x + s.width), Math.min(s.y, s.y + s.height), Math.abs(s.width), Math.abs(s.height));
  } else if (s.type === 'arrow') {
    drawArrow(ctx, s.x, s.y, s.width, s.height);
  } else {
    // A white halo keeps red words readable on any background.
    const text = untrustedText(s.text, ANNOTATION_MAX_TEXT);
    ctx.font = cjkFont(ANNOTATION_FONT_SIZE, 'bold');
    ctx.textBaseline = 'alphabetic';
    ctx.lineJoin = 'round';
    ctx.lineWidth = ANNOTATION_LINE_WIDTH + 1;
    ctx.strokeStyle = '#ffffff';
    ctx.strokeText(text, s.x, s.y);
    ctx.fillText(text, s.x, s.y);
  }
}

/** The largest picture annotated (the widest, tallest full-page capture is 8000 × 16000). */
const MAX_PIXELS = 130_000_000;

async function decode(bytes: Buffer): Promise<Image> {
  const size = pngSize(bytes);
  const tooLarge = new KaopingError('bad-image', '图片过大（超过 1.3 亿像素），无法标注');
  if (size && size.width * size.height > MAX_PIXELS) throw tooLarge;
  let picture: Image;
  try {
    picture = await loadImage(bytes);
  } catch {
    throw new KaopingError('bad-image', '证据文件不是可识别的图片，无法标注');
  }
  if (picture.width * picture.height > MAX_PIXELS) throw tooLarge;
  return picture;
}

/**
 * Returns a new PNG of the image with the shapes drawn on it, in image
 * pixels. The input buffer is not modified.
 */
export async function renderAnnotations(image: Buffer, shapes: readonly AnnotationShape[]): Promise<Buffer> {
  const picture = await decode(image);
  validateShapes(shapes, picture.width, picture.height);
  const canvas = createCanvas(picture.width, picture.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(picture, 0, 0);
  for (const shape of shapes) drawShape(ctx, shape);
  return canvas.encode('png');
}
