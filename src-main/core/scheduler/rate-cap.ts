/**
 * Lowering a provider's rate policy to the user's own limit (`API_RATE_LIMIT`, Settings).
 * A user limit can only make the policy stricter: it never raises the provider's free tier.
 */
import type { RatePolicy } from '../providers/provider.js';

/**
 * The policy with `perMinute` lowered to `limitPerMinute` when that is stricter, or unchanged.
 * A per-second cap above the new per-minute cap is lowered too, so bursts stay within it.
 */
export function lowerRatePolicy(
  policy: RatePolicy,
  limitPerMinute: number | undefined,
): RatePolicy {
  if (limitPerMinute === undefined) return policy;
  if (!Number.isInteger(limitPerMinute) || limitPerMinute < 1) {
    throw new RangeError(
      `rate limit: \`rateLimitPerMinute\` must be an integer >= 1, received ${limitPerMinute}`,
    );
  }
  const perMinute = Math.min(policy.perMinute ?? limitPerMinute, limitPerMinute);
  const lowered: RatePolicy = { ...policy, perMinute };
  if (policy.perSecond !== undefined) lowered.perSecond = Math.min(policy.perSecond, perMinute);
  return lowered;
}
