/**
 * Wires the replay provider from a resources folder: loads the closes and the calendar.
 */
import type { Clock } from '../../domain/types.js';
import { loadNyseCalendar } from '../../market/nyse-calendar.js';
import type { Universe } from '../../universe/universe.js';
import { loadReplayData } from './replay-data.js';
import { ReplayProvider } from './replay-provider.js';

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
    ...settings,
  });
}
