/**
 * Quote-age statistics of the benchmark: plain and weighted percentiles. Pure.
 */

export interface Sample {
  value: number;
  weight: number;
}

/** The value below which `share` (0..1) of the total weight lies. */
export function weightedPercentile(samples: readonly Sample[], share: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, s) => sum + s.weight, 0);
  let seen = 0;
  for (const sample of sorted) {
    seen += sample.weight;
    if (seen >= share * total) return sample.value;
  }
  return sorted[sorted.length - 1]?.value ?? NaN;
}

/** Median and 95th percentile, plain (every tile counts 1) and weighted by tile area. */
export interface AgeSummary {
  median: number;
  p95: number;
  medianArea: number;
  p95Area: number;
}

export function summarize(samples: readonly Sample[]): AgeSummary {
  const plain = samples.map((s) => ({ value: s.value, weight: 1 }));
  return {
    median: weightedPercentile(plain, 0.5),
    p95: weightedPercentile(plain, 0.95),
    medianArea: weightedPercentile(samples, 0.5),
    p95Area: weightedPercentile(samples, 0.95),
  };
}
