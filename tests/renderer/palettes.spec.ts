import { describe, expect, it } from 'vitest';

import { PALETTE_IDS, TIMEFRAMES } from '../../src-renderer/chart/heatmap-view';
import {
  contrastRatio,
  createColourScale,
  DEFAULT_RANGE,
  effectiveRange,
  fadeStep,
  FULL_FADE_MS,
  PALETTES,
  parseRgb,
  STEPS,
} from '../../src-renderer/lib/colour-scale';

const rgbOf = (css: string) => {
  const c = parseRgb(css);
  if (!c) throw new Error(`not rgb: ${css}`);
  return [c.r, c.g, c.b] as const;
};

describe('palettes', () => {
  it('uses the blue–orange anchors when blue–orange is chosen', () => {
    const scale = createColourScale('blue-orange', 'dark', 3);
    expect(rgbOf(scale.inkFor(10, 'live', 0).fill)).toEqual(PALETTES['blue-orange'].up);
    expect(rgbOf(scale.inkFor(-10, 'live', 0).fill)).toEqual(PALETTES['blue-orange'].down);
    const up = rgbOf(scale.inkFor(2, 'live', 0).fill);
    expect(up[2]).toBeGreaterThan(up[0]); // bluer than red: no red–green reading needed
  });

  it.each(PALETTE_IDS.flatMap((p) => (['light', 'dark'] as const).map((t) => [p, t] as const)))(
    'keeps tile text at 4.5:1 or better on every colour of %s (%s), fresh, faded and missing',
    (palette, theme) => {
      const scale = createColourScale(palette, theme, 3);
      const inks = [scale.missing];
      for (let b = -STEPS; b <= STEPS; b++) for (let f = 0; f <= 4; f++) inks.push(scale.ink(b, f));
      for (const ink of inks) {
        expect(contrastRatio(rgbOf(ink.fill), rgbOf(ink.text))).toBeGreaterThanOrEqual(4.5);
      }
    },
  );

  it('caches colour strings: the same bucket gives the same object', () => {
    const scale = createColourScale('red-green', 'dark', 3);
    expect(scale.inkFor(1.001, 'live', 0)).toBe(scale.inkFor(1.002, 'live', 0));
  });

  it('widens the default range with the time frame and lets the user override it', () => {
    const ranges = TIMEFRAMES.map((t) => DEFAULT_RANGE[t]);
    expect([...ranges].sort((a, b) => a - b)).toEqual(ranges);
    expect(effectiveRange('1y', null)).toBe(30);
    expect(effectiveRange('1d', 12)).toBe(12);
    expect(effectiveRange('1d', Number.NaN)).toBe(3);
  });

  it('fades stale quotes more with age and never fades live ones', () => {
    expect(fadeStep('live', FULL_FADE_MS)).toBe(0);
    expect(fadeStep('stale', 0)).toBe(1);
    expect(fadeStep('stale', FULL_FADE_MS * 2)).toBe(4);
    expect(fadeStep('stale', FULL_FADE_MS / 2)).toBeGreaterThan(fadeStep('stale', 0));
  });

  it('draws missing quotes in the missing ink whatever the value', () => {
    const scale = createColourScale('red-green', 'light', 3);
    expect(scale.inkFor(2, 'missing', 0)).toBe(scale.missing);
    expect(scale.inkFor(null, 'live', 0)).toBe(scale.missing);
  });
});
