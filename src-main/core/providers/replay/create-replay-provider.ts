/**
 * Wires the replay provider from a resources folder: loads the closes and the calendar.
 */
import type { Clock } from '../../domain/types.js';
import { loadNyseCalendar } from '../../market/nyse-calendar.js';
import type { Universe } from '../../universe/universe.js';
import { loadReplayData } from './replay-data.js';
import { ReplayProvider } from './replay-provider.js';

/**
 * Why the replay has no prices for a symbol outside the S&P 500 (it ships S&P 500 closes
 * only); undefined for members, whose reason names the missing date.
 */
export function noReplayDataReason(universe: Universe, symbol: string): string | undefined {
  const instrument = universe.get(symbol);
  if (instrument?.assetType === 'etf') return 'no replay data for ETFs';
  if (instrument && !instrument.categories.includes('sp500')) {
    return 'no replay data for stocks outside the S&P 500';
  }
  return undefined;
}

export interface ReplaySettings {
  speed?: number;
  startDate?: string;
  loop?: boolean;
}

/** Builds the embedded replay provider for a universe; throws ResourceError on bad files. */
export function createReplayProvider(
  resourcesDir: string,
  universe: Universe,
  clock: Clock,
  settings: ReplaySettings = {},
): ReplayProvider {
  return new ReplayProvider({
    data: loadReplayData(resourcesDir),
    calendar: loadNyseCalendar(resourcesDir),
    fallbackCap: (symbol) => universe.get(symbol)?.marketCap ?? null,
    universeSize: universe.instruments.length,
    clock,
    noDataReason: (symbol) => noReplayDataReason(universe, symbol),
    ...settings,
  });
}
