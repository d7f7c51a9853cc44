/**
 * A Chinese font for what we draw on evidence (captions, annotation text).
 * Skia finds the platform's fonts by family name; the first CJK font file that
 * exists is also registered under an alias, as a fallback for installs where
 * the name lookup misses. Without any CJK font the text still renders (as
 * whatever the system falls back to) rather than failing the capture.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

const ALIAS = 'KaopingCJK';

/** Simplified-Chinese families by platform, preferred first. */
const FAMILIES = [
  'Noto Sans CJK SC',
  'Source Han Sans SC',
  'Microsoft YaHei',
  'PingFang SC',
  'Hiragino Sans GB',
  'WenQuanYi Micro Hei',
  'SimSun',
];

function fontFiles(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'win32') {
    const dir = path.win32.join(env['WINDIR'] ?? 'C:\\Windows', 'Fonts');
    return ['msyh.ttc', 'msyh.ttf', 'simsun.ttc', 'simhei.ttf'].map((f) => path.win32.join(dir, f));
  }
  if (platform === 'darwin')
    return [
      '/System/Library/Fonts/PingFang.ttc',
      '/System/Library/Fonts/Hiragino Sans GB.ttc',
      '/System/Library/Fonts/STHeiti Light.ttc',
      '/Library/Fonts/Arial Unicode.ttf',
    ];
  return [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf',
    '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
    '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  ];
}

let registered: string | null | undefined;

/**
 * Registers the platform's CJK font file once and returns the file used, or
 * null when none of the usual ones is installed.
 */
export function registerCjkFont(
  platform: NodeJS.Platform = process.platform,
  env: Record<string, string | undefined> = process.env,
): string | null {
  if (registered !== undefined) return registered;
  registered = null;
  for (const file of fontFiles(platform, env)) {
    if (existsSync(file) && GlobalFonts.registerFromPath(file, ALIAS)) {
      registered = file;
      break;
    }
  }
  return registered;
}

/**
 * A canvas `font` value at `px` pixels. The named Simplified-Chinese families
 * come first so that a TTC's first face (often the Japanese one) does not
 * decide the glyph shapes; the alias catches systems where names are not found.
 */
export function cjkFont(px: number, weight: 'normal' | 'bold' = 'normal'): string {
  registerCjkFont();
  const families = [...FAMILIES.map((f) => `"${f}"`), ALIAS, 'sans-serif'].join(', ');
  return `${weight === 'bold' ? 'bold ' : ''}${px}px ${families}`;
}
