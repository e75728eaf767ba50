import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';

/**
 * The one font labels and packing slips are printed in: Noto Sans SC Regular (SIL Open Font
 * License), shipped as a TrueType file by the npm package @expo-google-fonts/noto-sans-sc. PDF's
 * standard fonts know only WinAnsi (Latin-1 and a few more), so a Chinese seller name or an address
 * with "ő" or "ł" could not be printed with them; this font covers Latin with its accents, Greek,
 * Cyrillic, Chinese, Japanese kana and Hangul jamo. It is embedded as a subset (only the glyphs a
 * document uses), so a label stays under 20 kB. Text it has no glyph for is refused, never dropped
 * or replaced (label-text.ts).
 */
const FONT_MODULE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

export interface LabelFont {
  /** The TrueType file, read once per process (10.5 MB). */
  readonly bytes: Uint8Array;
  /** Every code point the font has a glyph for. */
  readonly characters: ReadonlySet<number>;
}

let loaded: Promise<LabelFont> | undefined;

/** The label font, read and indexed on first use and kept for the life of the process. */
export function labelFont(): Promise<LabelFont> {
  loaded ??= (async () => {
    const file = createRequire(import.meta.url).resolve(FONT_MODULE);
    const bytes = new Uint8Array(await readFile(file));
    const characters = new Set(fontkit.create(bytes).characterSet);
    return { bytes, characters };
  })().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
