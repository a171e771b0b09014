/**
 * How long one refresh of the whole map takes at a rate policy, and what one call costs: small
 * pure functions shared by the scheduler, health and the benchmark.
 */
import type { RatePolicy } from '../providers/provider.js';

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;

/** Units one call of `symbols` symbols costs against the policy's caps. */
export function callCost(policy: RatePolicy, symbols: number): number {
  if (policy.unit !== 'credits') return 1;
  return Math.max(1, Math.ceil(symbols * (policy.creditsPerSymbol ?? 1)));
}

/** The fewest calls that fetch `symbols` symbols once: ⌈symbols ÷ batch⌉. */
export function minimumCalls(symbols: number, batchSize: number): number {
  if (symbols <= 0) return 0;
  return Math.ceil(symbols / Math.max(1, batchSize));
}

/** Sustained units per ms the tightest window of the policy allows (Infinity: no cap). */
export function sustainedRate(policy: RatePolicy): number {
  const rates = [
    policy.perSecond === undefined ? Infinity : policy.perSecond / MS_PER_SECOND,
    policy.perMinute === undefined ? Infinity : policy.perMinute / MS_PER_MINUTE,
    policy.perDay === undefined ? Infinity : policy.perDay / MS_PER_DAY,
  ];
  return Math.min(...rates);
}

/**
 * Expected ms to fetch every symbol once in full batches at the sustained rate; null for a
 * policy without caps (the replay: as fast as it answers).
 */
export function fullRefreshMs(
  policy: RatePolicy,
  batchSize: number,
  symbols: number,
): number | null {
  const rate = sustainedRate(policy);
  if (!Number.isFinite(rate)) return null;
  const calls = minimumCalls(symbols, batchSize);
  const units = calls * callCost(policy, Math.min(batchSize, symbols));
  return Math.round(units / rate);
}
