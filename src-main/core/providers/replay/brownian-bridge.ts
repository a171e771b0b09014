/**
 * Seeded intraday paths for the replay. The data has only daily closes, so the path from the
 * previous close to the close is generated: a Brownian bridge in log-price, reproducible from
 * its seed (symbol + date), that starts exactly at the previous close and ends exactly at the
 * close.
 */

/** Typical daily volatility of a large-cap stock; sets how much the path wanders. */
export const DEFAULT_DAILY_VOLATILITY = 0.012;

/** FNV-1a 32-bit hash of a string: a stable seed from symbol and date. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mulberry32: a small, fast, seeded uniform generator in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  // Box–Muller; 1 - u keeps the logarithm's argument in (0, 1].
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export interface BridgeSpec {
  seed: string;
  start: number;
  end: number;
  /** Number of steps (e.g. minutes of the session). */
  steps: number;
  dailyVolatility?: number;
}

/** Prices at each of `steps + 1` evenly spaced points; the first is `start`, the last `end`. */
export function brownianBridge(spec: BridgeSpec): Float64Array {
  const { start, end, steps } = spec;
  const volatility = spec.dailyVolatility ?? DEFAULT_DAILY_VOLATILITY;
  const random = seededRandom(hashSeed(spec.seed));
  const stepScale = volatility / Math.sqrt(steps);

  const walk = new Float64Array(steps + 1);
  for (let k = 1; k <= steps; k += 1) walk[k] = (walk[k - 1] ?? 0) + gaussian(random) * stepScale;

  const logStart = Math.log(start);
  const logMove = Math.log(end) - logStart;
  const walkEnd = walk[steps] ?? 0;
  const path = new Float64Array(steps + 1);
  for (let k = 0; k <= steps; k += 1) {
    const t = k / steps;
    path[k] = Math.exp(logStart + t * logMove + (walk[k] ?? 0) - t * walkEnd);
  }

  // Pin both ends exactly: exp(log(x)) may differ from x in the last bit.
  path[0] = start;
  path[steps] = end;
  return path;
}

/** Price on a path at a fraction of the session in [0, 1], interpolating between steps. */
export function priceAt(path: Float64Array, fraction: number): number {
  const steps = path.length - 1;
  const clamped = Math.min(1, Math.max(0, fraction));
  const position = clamped * steps;
  const lower = Math.floor(position);
  const upper = Math.min(steps, lower + 1);
  const weight = position - lower;
  const a = path[lower] ?? 0;
  const b = path[upper] ?? a;
  return weight === 0 ? a : a + (b - a) * weight;
}
