/** Geometry of a sparkline: values in, SVG polyline points out. Pure. */

/** At most this many points are drawn; longer series are thinned evenly (ends kept). */
export const MAX_SPARK_POINTS = 120;

/** Every n-th value so that at most `max` remain, always keeping the first and the last. */
export function thin(values: readonly number[], max = MAX_SPARK_POINTS): number[] {
  if (values.length <= max) return [...values];
  const step = (values.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => values[Math.round(i * step)] as number);
}

/**
 * `x,y` pairs for an SVG polyline in a `width`×`height` box with `pad` px inside, y growing
 * downwards. A flat series sits in the middle. Empty for fewer than two values.
 */
export function sparklinePoints(
  values: readonly number[],
  width: number,
  height: number,
  pad = 1.5,
): string {
  const finite = thin(values.filter((v) => Number.isFinite(v)));
  if (finite.length < 2) return '';
  const y = scaleY(finite, height, pad);
  const w = width - 2 * pad;
  return finite
    .map((v, i) => `${(pad + (i / (finite.length - 1)) * w).toFixed(1)},${y(v).toFixed(1)}`)
    .join(' ');
}

/** The y of a value in the box the series is drawn in (for a baseline at the first value). */
export function scaleY(
  values: readonly number[],
  height: number,
  pad = 1.5,
): (v: number) => number {
  const finite = values.filter((v) => Number.isFinite(v));
  const min = Math.min(...finite);
  const span = Math.max(...finite) - min;
  const h = height - 2 * pad;
  if (span === 0 || !Number.isFinite(span)) return () => height / 2;
  return (v) => pad + (1 - (v - min) / span) * h;
}
