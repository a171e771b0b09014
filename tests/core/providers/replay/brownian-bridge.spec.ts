import { describe, expect, it } from 'vitest';

import {
  brownianBridge,
  priceAt,
} from '../../../../src-main/core/providers/replay/brownian-bridge.js';

describe('brownianBridge', () => {
  it('starts exactly at the start price and ends exactly at the end price', () => {
    const path = brownianBridge({
      seed: 'AAPL|2026-08-07',
      start: 312.41,
      end: 313.33,
      steps: 390,
    });

    expect(path[0]).toBe(312.41);
    expect(path[390]).toBe(313.33);
    expect(priceAt(path, 1)).toBe(313.33);
  });

  it('is reproducible from its seed and differs between seeds', () => {
    const spec = { start: 100, end: 101, steps: 390 };
    const a = brownianBridge({ ...spec, seed: 'X|2026-08-07' });
    const b = brownianBridge({ ...spec, seed: 'X|2026-08-07' });
    const c = brownianBridge({ ...spec, seed: 'Y|2026-08-07' });

    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a[195]).not.toBe(c[195]);
  });

  it('wanders within a plausible intraday range and stays positive', () => {
    const path = brownianBridge({ seed: 'MSFT|2026-06-01', start: 100, end: 100, steps: 390 });

    const values = Array.from(path);
    expect(Math.min(...values)).toBeGreaterThan(90);
    expect(Math.max(...values)).toBeLessThan(110);
    expect(new Set(values).size).toBeGreaterThan(300);
  });
});
