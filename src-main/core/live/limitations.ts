/**
 * What a provider's free tier means for a map of N tiles, in plain words, for Settings and the
 * health banner: shown before the user relies on the provider.
 */
import type { ProviderCapabilities, RatePolicy } from '../providers/provider.js';
import { callCost, fullRefreshMs, minimumCalls } from '../scheduler/refresh-estimate.js';
import { formatDuration } from './format-duration.js';

/** Plain-language limits of `label` with this policy for `symbols` tiles. */
export function providerLimitations(
  label: string,
  policy: RatePolicy,
  capabilities: ProviderCapabilities,
  symbols: number,
): string[] {
  const out: string[] = [];
  const batch = capabilities.batchSize;
  const calls = minimumCalls(symbols, batch);
  const unit = policy.unit === 'credits' ? 'credits' : 'calls';

  if (policy.perDay !== undefined) {
    const perDayTiles = policy.unit === 'credits' ? policy.perDay : policy.perDay * batch;
    out.push(
      perDayTiles < symbols
        ? `${label} allows ${policy.perDay} ${unit} a day: that covers ${perDayTiles} of ${symbols} tiles once a day, so most tiles show older quotes.`
        : `${label} allows ${policy.perDay} ${unit} a day: about ${Math.floor(perDayTiles / symbols)} refreshes of the whole map a day.`,
    );
  }
  if (policy.perMinute !== undefined) {
    out.push(`${label} allows ${policy.perMinute} ${unit} a minute, ${batch} symbol(s) per call.`);
  }
  const refresh = fullRefreshMs(policy, batch, symbols);
  if (refresh !== null) {
    // Credits are what the quota counts, so a credit-based provider's cost is said in credits.
    const cost =
      policy.unit === 'credits'
        ? `${calls} calls (${calls * callCost(policy, Math.min(batch, symbols))} credits)`
        : `${calls} calls`;
    out.push(`Refreshing all ${symbols} tiles takes ${cost}, about ${formatDuration(refresh)}.`);
  }
  if (capabilities.streaming && capabilities.streamSymbolLimit !== undefined) {
    out.push(`Live trades stream for up to ${capabilities.streamSymbolLimit} symbols.`);
  }
  return out;
}
