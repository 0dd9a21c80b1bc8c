import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../config.js';

// The report typeface: DejaVu Sans (regular and bold), shipped in server/assets/fonts with its licence
// (Bitstream Vera licence; DejaVu's changes are public domain). Chosen over Liberation Sans because Debian's
// Liberation 1.07 has no Vietnamese glyphs ("Nguyễn" would lose its ễ) while DejaVu covers Latin Extended,
// Vietnamese, Greek and Cyrillic: supplier names print as entered. PDF/A needs every font embedded, so the
// frame never draws with pdfkit's built-in Helvetica.
export const FONT_DIR = path.join(PROJECT_ROOT, 'server/assets/fonts');

export const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
} as const;
export type FontWeight = keyof typeof FONT_FILES;

/**
 * The names the frame selects the fonts by: their PostScript names. The regular face is the document's
 * default font (loaded by the constructor, cached by pdfkit under its PostScript name); selecting it under any
 * other registered name would make pdfkit 0.20 re-parse the whole TTF on every font() call, because its cache
 * check returns the existing font before storing the new key. The bold face is registered under its own
 * PostScript name for the same reason.
 */
export const FONT_NAMES: Record<FontWeight, string> = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' };

const cache = new Map<FontWeight, Buffer>();

/** The TTF bytes, read once per process: every report embeds a subset of the same two files. */
export function fontBytes(weight: FontWeight): Buffer {
  let bytes = cache.get(weight);
  if (!bytes) {
    bytes = readFileSync(path.join(FONT_DIR, FONT_FILES[weight]));
    cache.set(weight, bytes);
  }
  return bytes;
}
