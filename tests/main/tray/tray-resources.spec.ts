/** The fallback tray icons exist, are the PNGs the build script draws, and are shipped. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { encodePng } from '../../../src-main/tray/png.js';
import { renderFallbackPixels } from '../../../src-main/tray/tray-pixels.js';

const ICONS = path.join(process.cwd(), 'resources', 'icons');

describe('tray fallback icons', () => {
  it('match what scripts/build-tray-icons.ts draws', () => {
    const { width, height, rgba } = renderFallbackPixels(32);

    expect(readFileSync(path.join(ICONS, 'tray.png'))).toEqual(encodePng(width, height, rgba));
    for (const file of ['trayTemplate.png', 'trayTemplate@2x.png']) {
      expect(readFileSync(path.join(ICONS, file)).subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('are shipped: electron-builder copies resources/ next to the app', () => {
    const yml = readFileSync(path.join(process.cwd(), 'electron-builder.yml'), 'utf8');

    expect(yml).toMatch(/extraResources:\n\s+- from: resources\n\s+to: resources/);
  });
});
