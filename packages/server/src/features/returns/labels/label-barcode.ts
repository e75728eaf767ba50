import bwipjs from 'bwip-js';
import { rgb, type PDFPage } from 'pdf-lib';

/** Code 128 wants ten modules of blank on each side so a scanner finds where the bars start. */
export const QUIET_ZONE_MODULES = 10;

/** Thinnest bar we print: 0.75 pt is about 10 mil, two dots of a 203 dpi label printer. */
const MIN_MODULE_PT = 0.75;
const MAX_MODULE_PT = 1.5;

/**
 * The bars and spaces of `text` in Code 128 (bwip-js picks the code sets and the check symbol),
 * as module widths, bar first: [bar, space, bar, ...].
 */
export function code128Modules(text: string): number[] {
  const [symbol] = bwipjs.raw('code128', text, {});
  if (!symbol || !('sbs' in symbol)) throw new Error(`bwip-js gave no bars for "${text}"`);
  return symbol.sbs;
}

/**
 * Draws the Code 128 barcode of `text` as vector bars (sharp on any printer, no image to scale),
 * its left quiet zone starting at x. Module width is chosen to fill `maxWidth` (quiet zones
 * included) between 0.75 and 1.5 pt; returns the width drawn, quiet zones included.
 */
export function drawCode128(
  page: PDFPage,
  text: string,
  box: { x: number; y: number; maxWidth: number; height: number },
): number {
  const modules = code128Modules(text);
  const total = modules.reduce((sum, width) => sum + width, 0) + 2 * QUIET_ZONE_MODULES;
  const module = Math.min(MAX_MODULE_PT, box.maxWidth / total);
  if (module < MIN_MODULE_PT) {
    throw new RangeError(
      `"${text}" needs ${total} modules, too many for ${box.maxWidth} pt at ${MIN_MODULE_PT} pt each`,
    );
  }
  let x = box.x + QUIET_ZONE_MODULES * module;
  modules.forEach((width, index) => {
    if (index % 2 === 0) {
      page.drawRectangle({ x, y: box.y, width: width * module, height: box.height, color: rgb(0, 0, 0) });
    }
    x += width * module;
  });
  return total * module;
}
