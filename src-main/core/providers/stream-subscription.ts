/**
 * What a trade stream must subscribe and unsubscribe when the engine asks for a new symbol set,
 * shared by the Finnhub and Alpaca streams. Pure, so it is tested without sockets.
 */
export interface SubscriptionPlan {
  /** The symbols to stream: the request without duplicates, cut to the plan's limit. */
  kept: string[];
  added: string[];
  removed: string[];
  /** How many distinct symbols were asked for (more than `kept` when the limit cut some). */
  asked: number;
}

/** Diffs the current subscription against a request capped at `limit` symbols. */
export function planSubscription(
  current: readonly string[],
  requested: readonly string[],
  limit: number,
): SubscriptionPlan {
  const unique = [...new Set(requested)];
  const kept = unique.slice(0, limit);
  const before = new Set(current);
  const after = new Set(kept);
  return {
    kept,
    added: kept.filter((s) => !before.has(s)),
    removed: current.filter((s) => !after.has(s)),
    asked: unique.length,
  };
}
