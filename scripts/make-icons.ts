// Draws the app icon (a red seal with 考) into resources/icons/. Run once when the
// design changes: npx vite-node scripts/make-icons.ts
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';

const outDir = path.resolve(__dirname, '../resources/icons');
mkdirSync(outDir, { recursive: true });

for (const size of [16, 32, 48, 64, 128, 256, 512]) {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  const r = size * 0.12;
  ctx.fillStyle = '#b71c1c';
  ctx.beginPath();
  ctx.roundRect(size * 0.04, size * 0.04, size * 0.92, size * 0.92, r);
  ctx.fill();
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = Math.max(1, size * 0.035);
  ctx.beginPath();
  ctx.roundRect(size * 0.12, size * 0.12, size * 0.76, size * 0.76, r * 0.6);
  ctx.stroke();
  ctx.fillStyle = '#ffffff';
  ctx.font = `bold ${Math.round(size * 0.52)}px "Noto Serif CJK SC", "Noto Sans CJK SC", serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('考', size / 2, size * 0.53);
  const png = canvas.toBuffer('image/png');
  writeFileSync(path.join(outDir, `${size}x${size}.png`), png);
  if (size === 512) writeFileSync(path.join(outDir, 'icon.png'), png);
}
console.log(`icons written to ${outDir}`);
