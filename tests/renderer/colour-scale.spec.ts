import { describe, expect, it } from 'vitest';

import {
  changeRgb,
  colourSign,
  createColourScale,
  DOWN_RGB,
  legendGradient,
  MISSING_COLOUR,
  NEUTRAL_RGB,
  parseRgb,
  scalePosition,
  STALE_ALPHA,
  tileColour,
  UP_RGB,
} from '../../src-renderer/lib/colour-scale';

describe('colour scale', () => {
  it('maps no change to the neutral anchor', () => {
    expect(changeRgb(0)).toEqual(NEUTRAL_RGB);
  });

  it('saturates at ±3 % and beyond', () => {
    expect(changeRgb(3)).toEqual(UP_RGB);
    expect(changeRgb(12)).toEqual(UP_RGB);
    expect(changeRgb(-3)).toEqual(DOWN_RGB);
    expect(changeRgb(-40)).toEqual(DOWN_RGB);
  });

  it('grows monotonically with the size of the move', () => {
    const positions = [-5, -2, -1, -0.1, 0, 0.1, 1, 2, 5].map((p) => scalePosition(p));
    const sorted = [...positions].sort((a, b) => a - b);
    expect(positions).toEqual(sorted);
  });

  it('is symmetric around zero', () => {
    expect(scalePosition(-1.2)).toBeCloseTo(-scalePosition(1.2));
  });

  it('treats non-finite input as no change', () => {
    expect(scalePosition(Number.NaN)).toBe(0);
  });

  it('colours losses red and gains green', () => {
    expect(colourSign(tileColour(-0.5, 'live'))).toBe(-1);
    expect(colourSign(tileColour(0.5, 'live'))).toBe(1);
    expect(colourSign(tileColour(0, 'live'))).toBe(0);
  });

  it('reads the missing grey of the light and the dark theme as no lean', () => {
    for (const theme of ['light', 'dark'] as const) {
      expect(colourSign(createColourScale('red-green', theme, 3).missing.fill)).toBe(0);
    }
  });

  it('keeps the sign of small moves readable', () => {
    expect(colourSign(tileColour(-0.1, 'live'))).toBe(-1);
    expect(colourSign(tileColour(0.1, 'live'))).toBe(1);
  });

  it('draws missing quotes in flat grey whatever the value', () => {
    expect(tileColour(2, 'missing')).toBe(MISSING_COLOUR);
    expect(tileColour(null, 'live')).toBe(MISSING_COLOUR);
    expect(colourSign(MISSING_COLOUR)).toBe(0);
  });

  it('fades stale quotes but keeps their hue', () => {
    const stale = parseRgb(tileColour(-2, 'stale'));
    const live = parseRgb(tileColour(-2, 'live'));
    expect(stale?.a).toBe(STALE_ALPHA);
    expect(live?.a).toBe(1);
    expect(colourSign(tileColour(-2, 'stale'))).toBe(-1);
  });

  it('builds the legend from the same scale, ends saturated', () => {
    const gradient = legendGradient(5);
    expect(gradient).toContain(`rgb(${DOWN_RGB.join(', ')}) 0.0%`);
    expect(gradient).toContain(`rgb(${NEUTRAL_RGB.join(', ')}) 50.0%`);
    expect(gradient).toContain(`rgb(${UP_RGB.join(', ')}) 100.0%`);
  });

  it('parses only rgb() and rgba() colours', () => {
    expect(parseRgb('rgb(1, 2, 3)')).toEqual({ r: 1, g: 2, b: 3, a: 1 });
    expect(parseRgb('#fff')).toBeNull();
  });
});
