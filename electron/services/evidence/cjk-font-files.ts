/**
 * The Chinese font that ships with the app: Noto Sans SC (SIL Open Font
 * License) from the @expo-google-fonts/noto-sans-sc package, regular and bold.
 * Captions and annotations are drawn with it and the headless Chromium falls
 * back to it, so evidence is legible on machines without any CJK font.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { appRoot } from '../app-paths';

export interface CjkFontFiles {
  regular: string;
  bold: string;
  /** The folders holding them (for fontconfig). */
  dirs: string[];
}

/** A packaged app keeps native-readable files beside the asar (electron-builder's asarUnpack). */
function outsideAsar(file: string): string {
  const unpacked = file.replace(/app\.asar([\\/])/u, 'app.asar.unpacked$1');
  return unpacked !== file && existsSync(unpacked) ? unpacked : file;
}

let found: CjkFontFiles | null | undefined;

/** The packaged font files, or null when the package is not installed. */
export function packagedCjkFont(): CjkFontFiles | null {
  if (found !== undefined) return found;
  found = null;
  try {
    const manifest = createRequire(path.join(appRoot(), 'package.json')).resolve('@expo-google-fonts/noto-sans-sc/package.json');
    const dir = path.dirname(manifest);
    const regular = outsideAsar(path.join(dir, '400Regular', 'NotoSansSC_400Regular.ttf'));
    const bold = outsideAsar(path.join(dir, '700Bold', 'NotoSansSC_700Bold.ttf'));
    if (existsSync(regular) && existsSync(bold)) found = { regular, bold, dirs: [path.dirname(regular), path.dirname(bold)] };
  } catch {
    // not installed: the system's CJK fonts are used instead
  }
  return found;
}
