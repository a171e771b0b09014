/**
 * A provider failure said plainly for the user, with the action to take. Pure.
 */
import { formatEasternTime } from '../market/eastern-clock.js';
import type { ProviderError } from '../providers/errors.js';

/** "Finnhub says the key is invalid: check it in Settings." and the like. */
export function describeProviderError(label: string, error: ProviderError): string {
  switch (error.kind) {
    case 'bad-key':
      return `${label} says the key is invalid: check it in Settings. (${error.message})`;
    case 'plan-limit':
      return `${label} accepted the key, but its plan does not allow this: ${error.message}`;
    case 'rate-limited':
      return error.retryAt === undefined
        ? `${label} accepted the key but is rate limiting it now; try again in a minute.`
        : `${label} accepted the key but is rate limiting it until ${formatEasternTime(error.retryAt)}.`;
    case 'provider-down':
      return `${label} could not be reached (${error.message}): check the connection or base URL.`;
    case 'malformed':
      return `${label} answered with something unreadable (${error.message}): check the base URL.`;
    case 'unknown-symbol':
      return `${label} did not know the test symbol (${error.message}); the key itself may be fine.`;
    default: {
      const unreachable: never = error.kind;
      return unreachable;
    }
  }
}
