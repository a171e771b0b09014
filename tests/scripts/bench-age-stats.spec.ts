import { describe, expect, it } from 'vitest';

import { summarize, weightedPercentile } from '../../bench/age-stats.js';

describe('weightedPercentile', () => {
  it('finds the value where the cumulative weight crosses the share', () => {
    const samples = [
      { value: 10, weight: 1 },
      { value: 20, weight: 1 },
      { value: 1_000, weight: 8 },
    ];

    expect(weightedPercentile(samples, 0.5)).toBe(1_000);
    expect(weightedPercentile(samples, 0.1)).toBe(10);
  });

  it('gives plain and area-weighted figures apart', () => {
    const summary = summarize([
      { value: 5, weight: 100 },
      { value: 50, weight: 1 },
      { value: 60, weight: 1 },
    ]);

    expect(summary).toMatchObject({ median: 50, medianArea: 5 });
  });
});
