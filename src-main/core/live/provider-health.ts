/**
 * The provider's condition for `/api/health` and the UI banner: a state, and a message that
 * says what happened and what the user can do. Pure: everything comes in as arguments.
 */
import type { ProviderHealth, ProviderStateKind, QuotaUnit } from '../../shared/api-types.js';
import { formatEasternTime } from '../market/eastern-clock.js';
import type { DriverStatus } from '../scheduler/driver.js';

const MS_PER_SECOND = 1000;

export interface ProviderHealthInput {
  /** Provider id (`replay`, `finnhub`, …). */
  providerId: string;
  /** Name shown to the user ("Finnhub"). */
  label: string;
  status: DriverStatus;
  /** Free-tier limits to show before the user relies on the provider. */
  limitations: string[];
  /** What the provider's quota counts (the rate policy's unit); `calls` when not given. */
  unit?: QuotaUnit;
  now: number;
}

function until(retryAt: number | null): string {
  return retryAt === null ? 'shortly' : `at ${formatEasternTime(retryAt)}`;
}

function stateOf(status: DriverStatus): ProviderStateKind {
  switch (status.state) {
    case 'idle':
      return 'starting';
    case 'stopped-bad-key':
      return 'bad-key';
    case 'plan-limit':
      return 'plan-limit';
    case 'rate-limited':
      return 'rate-limited';
    case 'backing-off': {
      const kind = status.lastFailure?.kind;
      if (kind === 'rate-limited') return 'rate-limited';
      if (kind === 'provider-down') return 'offline';
      return 'degraded';
    }
    case 'running':
    case 'stopped':
      return status.hasSucceeded ? 'ok' : 'starting';
    default: {
      const unreachable: never = status.state;
      return unreachable;
    }
  }
}

function messageOf(state: ProviderStateKind, input: ProviderHealthInput): string {
  const { label, status } = input;
  const detail = status.lastFailure?.message ?? '';
  const keep = 'showing the last good data';
  switch (state) {
    case 'starting':
      return input.providerId === 'replay'
        ? 'Playing the embedded replay. Add your own API key in Settings for live quotes.'
        : `Connecting to ${label}…`;
    case 'ok':
      if (input.providerId === 'replay') {
        return 'Playing the embedded replay of real daily closes (the intraday path is simulated). Add your own API key in Settings for live quotes.';
      }
      return status.marketClosed
        ? `${label}: the market is closed, so quotes are checked only now and then.`
        : `${label}: live quotes.`;
    case 'rate-limited':
      if (status.quotaExhausted) {
        return (
          `${label}'s daily quota of ${input.unit ?? 'calls'} is used up: none left until ` +
          `${until(status.retryAt).replace(/^at /, '')}` +
          ` — ${keep}. A paid plan or another provider refreshes more often.`
        );
      }
      return `Rate limited by ${label} until ${until(status.retryAt).replace(/^at /, '')} — ${keep}.`;
    case 'bad-key':
      return (
        `${label} says the key is invalid: check it in Settings. ` +
        `Nothing is fetched until the key changes — ${keep}.`
      );
    case 'plan-limit':
      return (
        `${label}'s plan does not allow this${detail ? ` (${detail})` : ''}: ` +
        `choose another provider or plan in Settings — ${keep}.`
      );
    case 'offline':
      return `Cannot reach ${label}; retrying ${until(status.retryAt)} — ${keep}.`;
    case 'degraded':
      return (
        `${label} sent an answer we could not use${detail ? ` (${detail})` : ''}; ` +
        `retrying ${until(status.retryAt)} — ${keep}.`
      );
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

/** The `providerState` of `/api/health`. */
export function providerHealth(input: ProviderHealthInput): ProviderHealth {
  const { status } = input;
  const state = stateOf(status);
  const retryAt = status.retryAt !== null && status.retryAt > input.now ? status.retryAt : null;
  return {
    state,
    message: messageOf(state, { ...input, status: { ...status, retryAt } }),
    retryAt: retryAt === null ? null : new Date(retryAt).toISOString(),
    callsToday: status.callsToday,
    callsLeftToday: status.callsLeftToday,
    unit: input.unit ?? 'calls',
    fullRefreshSeconds:
      status.fullRefreshMs === null ? null : Math.ceil(status.fullRefreshMs / MS_PER_SECOND),
    limitations: input.limitations,
  };
}
