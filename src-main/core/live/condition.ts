/**
 * The short condition stale tiles show after their last good quote's time ("last good quote
 * 14:31 ET — rate limited"): why quotes are not refreshing now, or undefined when they are.
 */
import type { DriverStatus } from '../scheduler/driver.js';

/** The condition for a driver status; pure. */
export function conditionOf(status: DriverStatus): string | undefined {
  switch (status.state) {
    case 'stopped-bad-key':
      return 'the provider refused the key';
    case 'plan-limit':
      return "the provider's plan does not allow it";
    case 'rate-limited':
      return status.quotaExhausted ? "the day's quota is used up" : 'rate limited';
    case 'backing-off': {
      const kind = status.lastFailure?.kind;
      if (kind === 'rate-limited') return 'rate limited';
      if (kind === 'provider-down') return 'provider unreachable';
      return 'provider errors';
    }
    case 'idle':
    case 'running':
    case 'stopped':
      return status.marketClosed ? 'market closed' : undefined;
    default: {
      const unreachable: never = status.state;
      return unreachable;
    }
  }
}
