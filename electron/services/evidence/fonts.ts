/**
 * A Chinese font for what we draw on evidence (captions, annotation text).
 * The Noto Sans SC that ships with the app (cjk-font-files.ts) comes first,
 * so evidence looks the same and is legible on every machine. Where that
 * package is missing, Skia finds the platform's fonts by family name, and the
 * first system CJK font file that exists is registered under a second alias
 * for installs where the name lookup misses.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { packagedCjkFont } from './cjk-font-files';

/** The packaged font's family as we register it. */
const PACKAGED = 'KaopingNotoSansSC';
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
 * Registers the packaged font (regular and bold) once, else the platform's
 * CJK font file, and returns the regular file used, or null when there is none.
 */
export function registerCjkFont(
  platform: NodeJS.Platform = process.platform,
  env: Record<string, string | undefined> = process.env,
): string | null {
  if (registered !== undefined) return registered;
  registered = null;
  const packaged = packagedCjkFont();
  if (packaged && GlobalFonts.registerFromPath(packaged.regular, PACKAGED)) {
    GlobalFonts.registerFromPath(packaged.bold, PACKAGED);
    registered = packaged.regular;
    return registered;
  }
  for (const file of fontFiles(platform, env)) {
    if (existsSync(file) && GlobalFonts.registerFromPath(file, ALIAS)) {
      registered = file;
      break;
    }
  }
  return registered;
}

/**
 * A canvas `font` value at `px` pixels: the packaged font, then the named
 * Simplified-Chinese families (before any alias of a TTC file, so that its
 * first face, often the Japanese one, does not decide the glyph shapes).
 */
export function cjkFont(px: number, weight: 'normal' | 'bold' = 'normal'): string {
  registerCjkFont();
  const families = [PACKAGED, ...FAMILIES.map((f) => `"${f}"`), ALIAS, 'sans-serif'].join(', ');
  return `${weight === 'bold' ? 'bold ' : ''}${px}px ${families}`;
}
