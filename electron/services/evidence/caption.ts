/**
 * The caption strip burned into every screenshot: where (URL), when (Beijing
 * time), whom (target) and what for (indicator). It is appended below the
 * picture, never over it, so the page itself stays exactly as captured.
 */
import { createCanvas, loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import { formatChinaDateTime } from '../../../shared/format/date';
import { untrustedText } from '../browse/untrusted';
import { cjkFont } from './fonts';

export interface CaptionFacts {
  url: string;
  capturedAt: Date;
  /** Target name (site or account). */
  target: string;
  /** Indicator path, e.g. "信息发布/概况信息". */
  indicator: string;
  /** A remark such as a cut full-page capture. */
  note?: string;
}

/** Base sizes at 100 % for a picture up to 2560 px wide; wider pictures (zoomed captures) scale them. */
const FONT_PX = 15;
const PAD_PX = 12;
/** A narrow region capture still gets a readable caption: the strip is at least this wide. */
const MIN_WIDTH = 480;
const STRIP = '#f3f4f6';
const RULE = '#c9cdd4';
const LABEL = '#5b6170';
const TEXT = '#1f2329';

/** "2025-06-30 14:05:09（北京时间）": China has one time zone and no daylight saving. */
export function beijingStamp(at: Date): string {
  return `${formatChinaDateTime(at)}（北京时间）`;
}

/** Breaks text into lines that fit `width`, character by character (URLs and Chinese have no spaces to break at). */
function wrap(ctx: SKRSContext2D, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (line && ctx.measureText(line + ch).width > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line || lines.length === 0) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${Array.from(kept[maxLines - 1]!)
    .slice(0, -1)
    .join('')}…`;
  return kept;
}

/**
 * Returns a new PNG: the screenshot unchanged on top, the caption strip
 * below. Text is ~15 px at 100 % on a light strip; long URLs wrap.
 */
export async function burnCaption(png: Buffer, facts: CaptionFacts): Promise<Buffer> {
  const image = await loadImage(png);
  const scale = Math.max(1, Math.round(image.width / 2560));
  const fontPx = FONT_PX * scale;
  const pad = PAD_PX * scale;
  const lineHeight = Math.round(fontPx * 1.6);
  const width = Math.max(image.width, MIN_WIDTH * scale);

  const fields: [string, string, number][] = [
    ['网址', untrustedText(facts.url, 4000), 6],
    ['截图时间', beijingStamp(facts.capturedAt), 1],
    ['考评对象', untrustedText(facts.target, 300), 2],
    ['考评指标', untrustedText(facts.indicator, 300), 2],
  ];
  if (facts.note) fields.push(['说明', untrustedText(facts.note, 300), 3]);

  const measure = createCanvas(1, 1).getContext('2d');
  measure.font = cjkFont(fontPx);
  const labelWidth = Math.max(...fields.map(([label]) => measure.measureText(`${label}：`).width));
  const valueWidth = width - 2 * pad - labelWidth;
  const rows = fields.map(([label, value, maxLines]) => ({
    label: `${label}：`,
    lines: wrap(measure, value || '—', valueWidth, maxLines),
  }));
  const stripHeight = 2 * pad + rows.reduce((n, r) => n + r.lines.length, 0) * lineHeight;

  const canvas = createCanvas(width, image.height + stripHeight);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = STRIP;
  ctx.fillRect(0, image.height, width, stripHeight);
  if (width > image.width) ctx.fillRect(image.width, 0, width - image.width, image.height);
  ctx.drawImage(image, 0, 0);
  ctx.fillStyle = RULE;
  ctx.fillRect(0, image.height, width, scale);

  ctx.font = cjkFont(fontPx);
  ctx.textBaseline = 'top';
  // Half the leading above each line centres the glyphs in their row.
  let y = image.height + pad + Math.round((lineHeight - fontPx) / 2);
  for (const row of rows) {
    ctx.fillStyle = LABEL;
    ctx.fillText(row.label, pad, y);
    ctx.fillStyle = TEXT;
    for (const line of row.lines) {
      ctx.fillText(line, pad + labelWidth, y);
      y += lineHeight;
    }
  }
  return canvas.encode('png');
}
