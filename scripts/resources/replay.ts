/**
 * Builds `resources/replay/daily-closes.json`: the consecutive daily stretch of
 * sp500_daily_close_pddl.csv.gz for the symbols of the universe, plus the split events inside
 * that stretch, in a columnar layout (one array per symbol, aligned with `dates`).
 *
 * Old tickers are mapped onto current ones (the README lists FISV←FI, MRSH←MMC, BNY←BK,
 * PSKY←PARA); in the stretch only BK actually occurs. Caps of share-class lines are divided
 * by the number of classes, like the universe, so a company is not counted twice.
 */
import { cell, parseCsv } from './csv.js';

export const DAILY_SOURCE_FILE = 'sp500_daily_close_pddl.csv.gz';
export const SPLITS_SOURCE_FILE = 'sp500_splits_detected.csv';

/** The stretch where the data has every NYSE trading day (README: 69 of 69). */
export const REPLAY_FIRST_DATE = '2026-05-14';
export const REPLAY_LAST_DATE = '2026-08-21';

/** Old ticker → current ticker, as listed in the data README. */
export const TICKER_RENAMES: Readonly<Record<string, string>> = {
  FI: 'FISV',
  MMC: 'MRSH',
  BK: 'BNY',
  PARA: 'PSKY',
};

export interface ReplaySplit {
  /** First date on the new basis. */
  date: string;
  symbol: string;
  /** Nominal price factor: 0.25 for a 4-for-1 split. */
  ratio: number;
}

export interface ReplaySeries {
  close: (number | null)[];
  cap: (number | null)[];
}

export interface ReplayFile {
  schemaVersion: 1;
  dates: string[];
  renamed: Record<string, string>;
  splits: ReplaySplit[];
  symbols: Record<string, ReplaySeries>;
}

function inStretch(date: string): boolean {
  return date >= REPLAY_FIRST_DATE && date <= REPLAY_LAST_DATE;
}

function positiveOrNull(text: string): number | null {
  if (text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * Turns the (already gunzipped) daily close CSV and the splits CSV into the replay file.
 * `classCounts` gives each universe symbol's share-class group size.
 */
export function buildReplay(
  dailyCsv: string,
  splitsCsv: string,
  classCounts: ReadonlyMap<string, number>,
): ReplayFile {
  const rows = parseCsv(dailyCsv, DAILY_SOURCE_FILE).filter((r) =>
    inStretch(cell(r, 'date', DAILY_SOURCE_FILE)),
  );
  const dates = [...new Set(rows.map((r) => r.date ?? ''))].sort();
  const dateIndex = new Map(dates.map((d, i) => [d, i]));
  const symbols: Record<string, ReplaySeries> = {};
  const renamed: Record<string, string> = {};

  for (const row of rows) {
    const raw = cell(row, 'symbol', DAILY_SOURCE_FILE);
    const symbol = TICKER_RENAMES[raw] ?? raw;
    const classes = classCounts.get(symbol);
    if (classes === undefined) continue;
    if (symbol !== raw) renamed[raw] = symbol;

    const series = (symbols[symbol] ??= {
      close: dates.map(() => null),
      cap: dates.map(() => null),
    });
    const index = dateIndex.get(cell(row, 'date', DAILY_SOURCE_FILE)) ?? -1;
    // A current-ticker row wins over an old-ticker row of the same date.
    if (symbol !== raw && series.close[index] !== null) continue;
    series.close[index] = positiveOrNull(cell(row, 'close', DAILY_SOURCE_FILE));
    const cap = positiveOrNull(cell(row, 'market_cap_usd', DAILY_SOURCE_FILE));
    series.cap[index] = cap === null ? null : Math.round(cap / classes);
  }

  const splits = parseCsv(splitsCsv, SPLITS_SOURCE_FILE)
    .map((r) => {
      const raw = cell(r, 'symbol', SPLITS_SOURCE_FILE);
      return {
        date: cell(r, 'date', SPLITS_SOURCE_FILE),
        symbol: TICKER_RENAMES[raw] ?? raw,
        ratio: Number(cell(r, 'ratio', SPLITS_SOURCE_FILE)),
      };
    })
    .filter((s) => inStretch(s.date) && classCounts.has(s.symbol));

  const sorted: Record<string, ReplaySeries> = {};
  for (const symbol of Object.keys(symbols).sort()) {
    sorted[symbol] = symbols[symbol] as ReplaySeries;
  }
  return { schemaVersion: 1, dates, renamed, splits, symbols: sorted };
}
