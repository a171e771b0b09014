/**
 * Draws the plain tray icons in resources/icons from the same pixel code as the live icon
 * (src-main/tray/tray-pixels.ts): `tray.png` (Windows, Linux) in neutral greys, and
 * `trayTemplate.png` / `trayTemplate@2x.png` (macOS template images: black, shaped by alpha).
 * Run with `npx tsx scripts/build-tray-icons.ts`; the outputs are committed.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { encodePng } from '../src-main/tray/png.js';
import { renderFallbackPixels } from '../src-main/tray/tray-pixels.js';

const ICON_DIR = fileURLToPath(new URL('../resources/icons/', import.meta.url));

/** macOS template images: only alpha carries the shape; the system picks the colour. */
function toTemplate(rgba: Uint8Array): Uint8Array {
  const out = new Uint8Array(rgba.length);
  for (let i = 0; i < rgba.length; i += 4) out[i + 3] = rgba[i + 3] === 0 ? 0 : 230;
  return out;
}

for (const [file, size, template] of [
  ['tray.png', 32, false],
  ['trayTemplate.png', 16, true],
  ['trayTemplate@2x.png', 32, true],
] as const) {
  const { width, height, rgba } = renderFallbackPixels(size);
  writeFileSync(`${ICON_DIR}${file}`, encodePng(width, height, template ? toTemplate(rgba) : rgba));
  process.stdout.write(`wrote resources/icons/${file}\n`);
}
