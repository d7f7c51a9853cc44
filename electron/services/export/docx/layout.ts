/**
 * GB/T 9704-2012 page and type constants in OOXML units (twips = 1/20 pt,
 * half-points for sizes). Derivations are in ../../../../../shared reference
 * standards.md §1; the numbers are kept here once so every builder agrees.
 */

/** Millimetres to twips. */
export function mm(value: number): number {
  return Math.round((value * 1440) / 25.4);
}

/** A4 portrait. */
export const PAGE = { width: mm(210), height: mm(297) } as const;

/**
 * 天头 37 mm, 订口 28 mm (inside: the document is printed on both sides and bound on
 * the left, so margins are mirrored), bottom 35 mm, outside 26 mm → 版心 156 × 225 mm.
 */
export const MARGIN = { top: mm(37), inside: mm(28), bottom: mm(35), outside: mm(26) } as const;

/** 版心 width in twips (156 mm). */
export const TEXT_WIDTH = PAGE.width - MARGIN.inside - MARGIN.outside;

/** 22 lines in 225 mm: 637.8 pt / 22 = 28.99 pt = 579.8 twips, written as 579. */
export const LINE_PITCH = 579;

/**
 * 28 characters in 156 mm = 15.79 pt per character, narrower than a 16 pt (三号)
 * character. Word can express this as a character grid (charSpace ≈ −848), but
 * LibreOffice lays such a grid out with far wider pitches, so the grid is lines-only
 * and 三号 runs are condensed by 0.25 pt (−5 twips): 28 × 15.75 pt = 441 pt ≤ 442.2 pt,
 * which gives 28 characters per line in Word, WPS and LibreOffice alike.
 */
export const CHAR_CONDENSE = -5;

/** Chinese type sizes in half-points (w:sz). */
export const SIZE = {
  /** 初号 42 pt */ chu: 84,
  /** 小初 36 pt */ xiaochu: 72,
  /** 二号 22 pt */ er: 44,
  /** 三号 16 pt */ san: 32,
  /** 四号 14 pt */ si: 28,
  /** 小四 12 pt */ xiaosi: 24,
  /** 五号 10.5 pt */ wu: 21,
  /** 小五 9 pt */ xiaowu: 18,
  /** 六号 7.5 pt */ liu: 15,
} as const;

/** One 三号 character in twips: indents of "空二字" are two of these. */
export const CHAR_SAN = 320;
/** One 四号 character in twips (page-number and 版记 indents). */
export const CHAR_SI = 280;

/** Red of 发文机关标志 and the separator line. */
export const RED = 'FF0000';

/**
 * Font names as Word and WPS expect them on a Chinese Windows install. Latin text and
 * digits always use Times New Roman (standards.md §1.3). `alt` is written to the font
 * table (w:altName) so that Word/WPS on systems without the GB2312-era names fall back
 * to the fonts Windows ships (仿宋, 楷体, 宋体); LibreOffice on Linux resolves the
 * names through fontconfig (scripts/render-exports.sh maps them to Noto CJK).
 */
export const FONTS = {
  fangsong: { name: '仿宋_GB2312', alt: '仿宋', family: 'modern' },
  kaiti: { name: '楷体_GB2312', alt: '楷体', family: 'modern' },
  heiti: { name: '黑体', alt: 'SimHei', family: 'modern' },
  xiaobiaosong: { name: '方正小标宋简体', alt: '宋体', family: 'script' },
  songti: { name: '宋体', alt: 'SimSun', family: 'auto' },
} as const;

export type FontKey = keyof typeof FONTS;

export const LATIN_FONT = 'Times New Roman';

/** Run font attributes: Han in the Chinese face, Latin and digits in Times New Roman. */
export function runFont(key: FontKey): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: FONTS[key].name, cs: LATIN_FONT };
}
