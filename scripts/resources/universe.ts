/**
 * Builds `resources/universe.json` from sp500_constituents.csv: every current S&P 500
 * constituent with its GICS sector and sub-industry, category ids and market cap.
 *
 * Decisions (also stated in ATTRIBUTION.md):
 * - `industry` is the GICS sub-industry: the data has no 6-digit GICS industry level.
 * - Share-class lines (GOOGL/GOOG, FOXA/FOX, NWSA/NWS) each carry the WHOLE company's cap in
 *   the source. The data has no per-class share counts, so the company cap (the mean of the
 *   class lines, which differ only through each class's own price) is split evenly across the
 *   classes; the class caps then sum exactly to `companyMarketCap`.
 * - BF.B has no cap in any source: it stays null; the map must size it itself.
 * - The Nasdaq-100 names outside the S&P 500 and the ETFs are added by extra-universe.ts,
 *   with categories that never include `sp500`.
 */
import { cell, type CsvRow,parseCsv } from './csv.js';

export const UNIVERSE_SOURCE_FILE = 'sp500_constituents.csv';

/** Date of the caps in the source (closing values of that session). */
export const UNIVERSE_CAPS_AS_OF = '2026-08-21';
/** Date of the membership list in the source. */
export const UNIVERSE_MEMBERSHIP_AS_OF = '2026-08-08';

/** One instrument line of universe.json. */
export interface UniverseRow {
  symbol: string;
  name: string;
  sector: string;
  industry: string;
  categories: string[];
  assetType: 'stock' | 'etf';
  marketCap: number | null;
  shareClassGroup?: string;
  /** Whole-company cap, only on share-class lines; the group's class caps sum to it. */
  companyMarketCap?: number;
}

export interface UniverseFile {
  schemaVersion: 1;
  capsAsOf: string;
  membershipAsOf: string;
  instruments: UniverseRow[];
}

function parseCap(text: string, symbol: string): number | null {
  if (text === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`read ${UNIVERSE_SOURCE_FILE}: ${symbol} has a bad market_cap_usd "${text}"`);
  }
  return value;
}

function toRow(row: CsvRow): UniverseRow {
  const get = (column: string): string => cell(row, column, UNIVERSE_SOURCE_FILE);
  const symbol = get('symbol');
  const categories = ['sp500'];
  if (get('in_nasdaq100') === 'Y') categories.push('nasdaq100');
  if (get('in_dow30') === 'Y') categories.push('dow30');
  categories.push('stock');

  const group = get('multi_class_group');
  return {
    symbol,
    name: get('name'),
    sector: get('gics_sector'),
    industry: get('gics_sub_industry'),
    categories,
    assetType: 'stock',
    marketCap: parseCap(get('market_cap_usd'), symbol),
    ...(group === '' ? {} : { shareClassGroup: group }),
  };
}

/** Splits each share-class group's whole-company cap evenly across its class lines. */
function splitShareClassCaps(rows: UniverseRow[]): void {
  const groups = new Map<string, UniverseRow[]>();
  for (const row of rows) {
    if (row.shareClassGroup === undefined) continue;
    groups.set(row.shareClassGroup, [...(groups.get(row.shareClassGroup) ?? []), row]);
  }

  for (const [group, members] of groups) {
    const caps = members.map((m) => m.marketCap);
    if (caps.some((c) => c === null)) {
      throw new Error(`build universe: share-class group ${group} has a line without a cap`);
    }
    const company = Math.round(caps.reduce<number>((sum, c) => sum + (c ?? 0), 0) / caps.length);
    const each = Math.round(company / members.length);
    members.forEach((member, index) => {
      const isLast = index === members.length - 1;
      member.marketCap = isLast ? company - each * (members.length - 1) : each;
      member.companyMarketCap = company;
    });
  }
}

/** Turns the constituents CSV text into the universe file content. */
export function buildUniverse(constituentsCsv: string): UniverseFile {
  const rows = parseCsv(constituentsCsv, UNIVERSE_SOURCE_FILE).map(toRow);
  splitShareClassCaps(rows);
  return {
    schemaVersion: 1,
    capsAsOf: UNIVERSE_CAPS_AS_OF,
    membershipAsOf: UNIVERSE_MEMBERSHIP_AS_OF,
    instruments: rows,
  };
}

/** Share-class group size per symbol (1 for single-class companies), for scaling row caps. */
export function shareClassCounts(universe: UniverseFile): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const row of universe.instruments) {
    if (row.shareClassGroup === undefined) continue;
    sizes.set(row.shareClassGroup, (sizes.get(row.shareClassGroup) ?? 0) + 1);
  }
  return new Map(
    universe.instruments.map((row) => [
      row.symbol,
      row.shareClassGroup === undefined ? 1 : (sizes.get(row.shareClassGroup) ?? 1),
    ]),
  );
}
