/**
 * The replay's recorded market: real daily closes and caps per symbol, aligned with a list of
 * consecutive NYSE trading dates, and the split events inside that stretch.
 * Loaded from `resources/replay/daily-closes.json` (written by scripts/build-resources.ts).
 */
import { join } from 'node:path';

import { z } from 'zod';

import { readJsonResource, ResourceError } from '../../resources/read-resource.js';

export const REPLAY_FILE = join('replay', 'daily-closes.json');

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const VALUE = z.number().positive().nullable();

const replayFileSchema = z.object({
  schemaVersion: z.literal(1),
  dates: z.array(DATE).min(2),
  renamed: z.record(z.string(), z.string()),
  splits: z.array(z.object({ date: DATE, symbol: z.string(), ratio: z.number().positive() })),
  symbols: z.record(z.string(), z.object({ close: z.array(VALUE), cap: z.array(VALUE) })),
});

export type ReplayFileData = z.infer<typeof replayFileSchema>;

/** Read-only access to the recorded closes. */
export class ReplayData {
  readonly dates: readonly string[];
  private readonly splitRatios: Map<string, number>;

  constructor(private readonly file: ReplayFileData) {
    this.dates = file.dates;
    this.splitRatios = new Map(file.splits.map((s) => [`${s.symbol}|${s.date}`, s.ratio]));
  }

  /** Whether the data holds any series for the symbol (it covers S&P 500 members only). */
  has(symbol: string): boolean {
    return Object.hasOwn(this.file.symbols, symbol);
  }

  /** The real close of a symbol on the date at `dayIndex`, or null when the data has none. */
  close(symbol: string, dayIndex: number): number | null {
    return this.file.symbols[symbol]?.close[dayIndex] ?? null;
  }

  /** The real per-class market cap at that close, or null when the data has none. */
  cap(symbol: string, dayIndex: number): number | null {
    return this.file.symbols[symbol]?.cap[dayIndex] ?? null;
  }

  /** Price factor of a split whose first new-basis day is `date` (1 when there is none). */
  splitRatio(symbol: string, date: string): number {
    return this.splitRatios.get(`${symbol}|${date}`) ?? 1;
  }

  /** Index of a date in the stretch, or -1. */
  indexOf(date: string): number {
    return this.dates.indexOf(date);
  }
}

/** Checks that every series is as long as the date list (zod cannot express that). */
function checkLengths(file: string, data: ReplayFileData): void {
  for (const [symbol, series] of Object.entries(data.symbols)) {
    for (const field of ['close', 'cap'] as const) {
      if (series[field].length === data.dates.length) continue;
      throw new ResourceError(
        file,
        `symbols.${symbol}.${field}`,
        `read resource: ${file} has ${series[field].length} values at ` +
          `symbols.${symbol}.${field}, expected ${data.dates.length}`,
      );
    }
  }
}

/**
 * Loaded data per resources folder. The shipped resources do not change while the app runs,
 * and ReplayData is read-only, so the replay provider (created anew on every switch back to
 * the replay) and the view layer share one parsed copy (~2 MB of heap, ~100 ms to validate).
 */
const loaded = new Map<string, ReplayData>();

/** Loads and validates the replay closes from a resources folder; throws ResourceError if bad. */
export function loadReplayData(resourcesDir: string): ReplayData {
  const file = join(resourcesDir, REPLAY_FILE);
  const cached = loaded.get(file);
  if (cached) return cached;

  const data = readJsonResource(file, replayFileSchema);
  checkLengths(file, data);
  const replay = new ReplayData(data);
  loaded.set(file, replay);
  return replay;
}
