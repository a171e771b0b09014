/**
 * Turns the reference data folder into the text of every generated resource file. Pure apart
 * from reading the folder, so the test can compare its output with the committed files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { buildAttribution } from './attribution.js';
import { buildCalendar, CALENDAR_SOURCE_FILE } from './calendar.js';
import {
  buildEtfs,
  buildNasdaqExtras,
  ETF_SOURCE_FILE,
  NASDAQ100_SOURCE_FILE,
} from './extra-universe.js';
import { buildReplay, DAILY_SOURCE_FILE, SPLITS_SOURCE_FILE } from './replay.js';
import { buildUniverse, shareClassCounts, UNIVERSE_SOURCE_FILE } from './universe.js';

/** Where the reference data lives on the build machine. */
export const DEFAULT_DATA_DIR = '/work/shared/data';

/** Paths of the generated files, relative to resources/. */
export const RESOURCE_FILES = {
  universe: 'universe.json',
  replay: 'replay/daily-closes.json',
  calendar: 'calendar/nyse.json',
  attribution: 'ATTRIBUTION.md',
} as const;

/** JSON with the object's top-level arrays/maps laid out one entry per line (diff-friendly). */
export function toLineJson(value: Record<string, unknown>): string {
  const lines = Object.entries(value).map(([key, item]) => {
    if (Array.isArray(item) && item.length > 0 && typeof item[0] === 'object') {
      const items = item.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
      return `  ${JSON.stringify(key)}: [\n${items}\n  ]`;
    }
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const entries = Object.entries(item).map(
        ([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`,
      );
      return entries.length === 0
        ? `  ${JSON.stringify(key)}: {}`
        : `  ${JSON.stringify(key)}: {\n${entries.join(',\n')}\n  }`;
    }
    return `  ${JSON.stringify(key)}: ${JSON.stringify(item)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** Builds every resource file from the data folder: relative path → file text. */
export function buildResources(dataDir: string): Map<string, string> {
  const read = (name: string): string => readFileSync(join(dataDir, name), 'utf8');

  const universe = buildUniverse(read(UNIVERSE_SOURCE_FILE));
  const dailyCsv = gunzipSync(readFileSync(join(dataDir, DAILY_SOURCE_FILE))).toString('utf8');
  // The replay covers the S&P 500 only: counted before the other lists are appended.
  const replay = buildReplay(dailyCsv, read(SPLITS_SOURCE_FILE), shareClassCounts(universe));
  const constituents = universe.instruments.length;

  const sp500 = new Set(universe.instruments.map((row) => row.symbol));
  const nasdaqExtras = buildNasdaqExtras(read(NASDAQ100_SOURCE_FILE), sp500);
  const taken = new Set([...sp500, ...nasdaqExtras.map((row) => row.symbol)]);
  const etfs = buildEtfs(read(ETF_SOURCE_FILE), taken);
  universe.instruments.push(...nasdaqExtras, ...etfs);
  const calendar = buildCalendar(read(CALENDAR_SOURCE_FILE));

  const attribution = buildAttribution({
    constituents,
    nasdaqExtras: nasdaqExtras.length,
    etfs: etfs.length,
    replayDates: replay.dates.length,
    replaySymbols: Object.keys(replay.symbols).length,
    firstDate: replay.dates[0] ?? '',
    lastDate: replay.dates[replay.dates.length - 1] ?? '',
    calendarDays: calendar.days.length,
  });

  return new Map([
    [RESOURCE_FILES.universe, toLineJson({ ...universe })],
    [RESOURCE_FILES.replay, toLineJson({ ...replay })],
    [RESOURCE_FILES.calendar, toLineJson({ ...calendar })],
    [RESOURCE_FILES.attribution, attribution],
  ]);
}
