import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { buildResources, DEFAULT_DATA_DIR, RESOURCE_FILES } from '../../scripts/resources/build.js';
import { loadNyseCalendar } from '../../src-main/core/market/nyse-calendar.js';

const RESOURCES_DIR = fileURLToPath(new URL('../../resources/', import.meta.url));
const MAX_REPLAY_BYTES = 2 * 1024 * 1024;

interface UniverseLine {
  symbol: string;
  sector: string;
  categories: string[];
  assetType: 'stock' | 'etf';
  marketCap: number | null;
  shareClassGroup?: string;
  companyMarketCap?: number;
}

function committed(relative: string): string {
  return readFileSync(join(RESOURCES_DIR, relative), 'utf8');
}

const universe = JSON.parse(committed(RESOURCE_FILES.universe)) as { instruments: UniverseLine[] };
const sp500Lines = universe.instruments.filter((i) => i.categories.includes('sp500'));
const replay = JSON.parse(committed(RESOURCE_FILES.replay)) as {
  dates: string[];
  splits: { date: string; symbol: string; ratio: number }[];
  symbols: Record<string, { close: (number | null)[]; cap: (number | null)[] }>;
};

describe('committed resources', () => {
  it('equal what the script builds from the reference data, or keep their invariants without it', () => {
    // Without the data folder (a clone elsewhere) the invariant tests below still run.
    const dataPresent = existsSync(join(DEFAULT_DATA_DIR, 'sp500_constituents.csv'));
    const built = dataPresent ? buildResources(DEFAULT_DATA_DIR) : new Map<string, string>();

    for (const [relative, text] of built) expect(committed(relative), relative).toBe(text);
    expect(built.size).toBe(dataPresent ? Object.keys(RESOURCE_FILES).length : 0);
  });

  it('list 503 S&P 500 lines, 500 companies, 11 GICS sectors and no duplicate symbol', () => {
    const symbols = universe.instruments.map((i) => i.symbol);
    const companies = new Set(sp500Lines.map((i) => i.shareClassGroup ?? i.symbol));

    expect(sp500Lines).toHaveLength(503);
    expect(new Set(symbols).size).toBe(symbols.length);
    expect(companies.size).toBe(500);
    expect(new Set(sp500Lines.map((i) => i.sector)).size).toBe(11);
    // The S&P 500 lines come first, so the default map keeps its order.
    expect(universe.instruments.slice(0, 503)).toEqual(sp500Lines);
  });

  it('add the 14 Nasdaq-100 names outside the S&P 500 with a GICS sector and no invented cap', () => {
    const extras = universe.instruments.filter(
      (i) => i.categories.includes('nasdaq100') && !i.categories.includes('sp500'),
    );

    expect(extras.map((i) => i.symbol).sort()).toEqual([
      'ALNY',
      'ARM',
      'ASML',
      'CCEP',
      'EA',
      'FER',
      'INSM',
      'MELI',
      'MSTR',
      'PDD',
      'SHOP',
      'TEAM',
      'TRI',
      'ZS',
    ]);
    expect(extras.every((i) => i.marketCap === null && i.assetType === 'stock')).toBe(true);
    expect(new Set(extras.map((i) => i.sector)).size).toBeGreaterThan(1);
    expect(extras.find((i) => i.symbol === 'ASML')?.sector).toBe('Information Technology');
  });

  it('add the 128 ETFs under sector "ETF" with only the etf category', () => {
    const etfs = universe.instruments.filter((i) => i.assetType === 'etf');
    const xle = etfs.find((i) => i.symbol === 'XLE') as UniverseLine & { industry: string };

    expect(etfs).toHaveLength(128);
    expect(etfs.every((i) => i.sector === 'ETF' && i.categories.join() === 'etf')).toBe(true);
    expect(etfs.every((i) => i.marketCap === null)).toBe(true);
    expect(xle.industry).toBe('Select Sector SPDRs');
  });

  it('split each share-class company cap so its classes sum to the company cap', () => {
    const groups = new Map<string, UniverseLine[]>();
    for (const line of universe.instruments) {
      if (line.shareClassGroup)
        groups.set(line.shareClassGroup, [...(groups.get(line.shareClassGroup) ?? []), line]);
    }
    const alphabet = groups.get('Alphabet') ?? [];

    expect([...groups.keys()].sort()).toEqual(['Alphabet', 'Fox Corp', 'News Corp']);
    for (const lines of groups.values()) {
      const sum = lines.reduce((total, l) => total + (l.marketCap ?? NaN), 0);
      expect(sum).toBe(lines[0]?.companyMarketCap);
    }
    expect(alphabet.map((l) => l.symbol).sort()).toEqual(['GOOG', 'GOOGL']);
    expect(alphabet[0]?.companyMarketCap).toBeGreaterThan(4e12);
  });

  it('keep BF.B without a cap and give every other line a positive cap', () => {
    const withoutCap = sp500Lines.filter((i) => i.marketCap === null).map((i) => i.symbol);

    expect(withoutCap).toEqual(['BF.B']);
  });

  it('replay every NYSE trading day of 2026-05-14..2026-08-21 for S&P 500 symbols only, under 2 MB', () => {
    const calendar = loadNyseCalendar(RESOURCES_DIR);
    const tradingDays: string[] = [];
    for (
      let t = Date.parse('2026-05-14T12:00:00Z');
      t <= Date.parse('2026-08-21T12:00:00Z');
      t += 86_400_000
    ) {
      const date = new Date(t).toISOString().slice(0, 10);
      if (calendar.isTradingDay(date)) tradingDays.push(date);
    }
    const known = new Set(sp500Lines.map((i) => i.symbol));

    expect(replay.dates).toEqual(tradingDays);
    expect(replay.dates).toHaveLength(69);
    expect(Object.keys(replay.symbols).every((s) => known.has(s))).toBe(true);
    expect(
      Object.values(replay.symbols).every((s) => s.close.length === 69 && s.cap.length === 69),
    ).toBe(true);
    expect(statSync(join(RESOURCES_DIR, RESOURCE_FILES.replay)).size).toBeLessThan(
      MAX_REPLAY_BYTES,
    );
  });

  it('carry the four split events of the stretch and the real AAPL closes', () => {
    const aapl = replay.symbols.AAPL?.close ?? [];

    expect(replay.splits).toContainEqual({ date: '2026-06-12', symbol: 'KLAC', ratio: 0.1 });
    expect(replay.splits).toHaveLength(4);
    expect(aapl[replay.dates.indexOf('2026-08-07')]).toBe(313.33);
    expect(aapl[replay.dates.indexOf('2026-08-06')]).toBe(312.41);
  });

  it('state source and licence for every shipped file', () => {
    const attribution = committed(RESOURCE_FILES.attribution);

    for (const file of ['universe.json', 'replay/daily-closes.json', 'calendar/nyse.json']) {
      expect(attribution).toContain(`## ${file}`);
    }
    expect(attribution).toMatch(/ODC-PDDL-1\.0/);
    expect(attribution).toMatch(/Apache-2\.0/);
    expect(attribution).toMatch(/FinanceDatabase[\s\S]*Licence: MIT/);
    expect(attribution).toMatch(/intraday\s+path is generated/);
  });

  it('ship the licence texts that the MIT and Apache-2.0 sources require', () => {
    const attribution = committed(RESOURCE_FILES.attribution);
    const named = [...attribution.matchAll(/`(licenses\/[^`]+)`/g)].map((m) => m[1] as string);

    expect(named).toEqual(['licenses/FinanceDatabase-MIT.txt', 'licenses/Apache-2.0.txt']);
    expect(committed('licenses/FinanceDatabase-MIT.txt')).toContain(
      'Copyright (c) 2021 Jeroen Bouma',
    );
    const apache = committed('licenses/Apache-2.0.txt');
    expect(apache).toContain('Version 2.0, January 2004');
    expect(apache).toContain('QuantConnect Corporation');
    expect(apache).toContain('github.com/yfiua');
  });
});
