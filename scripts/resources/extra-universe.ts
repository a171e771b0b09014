/**
 * The instruments beyond the S&P 500: the Nasdaq-100 members that are not in it, and the ETF
 * list. They get categories of their own (`nasdaq100`, `etf`) and never `sp500`, so the default
 * S&P 500 map is unchanged. The replay has no prices for any of them; the engine shows them as
 * missing with that reason.
 *
 * Decisions (also stated in ATTRIBUTION.md):
 * - The Nasdaq-100 list has symbols and names only. GICS sector and sub-industry of the 14
 *   non-S&P names are a curated mapping below (public classification facts); their market cap
 *   is null because no licensed source in the data set gives one.
 * - ETFs: sector "ETF" for all, so a sector filter over stocks never mixes funds in. The
 *   industry (second grouping level) is "Select Sector SPDRs" for the eleven XL* sector funds,
 *   "Broad market" for the broad index funds listed below, else the source's category group
 *   (noisy, see the data README), else "Other". 15 ETFs have no name in the source: the symbol
 *   stands in. ETF market caps are not in the data: null.
 */
import { cell, type CsvRow,parseCsv } from './csv.js';
import type { UniverseRow } from './universe.js';

export const NASDAQ100_SOURCE_FILE = 'nasdaq100_constituents.csv';
export const ETF_SOURCE_FILE = 'etfs.csv';

/** GICS sector and sub-industry of the Nasdaq-100 members outside the S&P 500. */
const NASDAQ_ONLY_CLASSIFICATION: Readonly<Record<string, readonly [string, string]>> = {
  ASML: ['Information Technology', 'Semiconductor Materials & Equipment'],
  ARM: ['Information Technology', 'Semiconductors'],
  SHOP: ['Information Technology', 'Internet Services & Infrastructure'],
  PDD: ['Consumer Discretionary', 'Broadline Retail'],
  MELI: ['Consumer Discretionary', 'Broadline Retail'],
  EA: ['Communication Services', 'Interactive Home Entertainment'],
  FER: ['Industrials', 'Construction & Engineering'],
  ALNY: ['Health Care', 'Biotechnology'],
  MSTR: ['Information Technology', 'Application Software'],
  CCEP: ['Consumer Staples', 'Soft Drinks & Non-alcoholic Beverages'],
  TRI: ['Industrials', 'Research & Consulting Services'],
  INSM: ['Health Care', 'Biotechnology'],
  ZS: ['Information Technology', 'Systems Software'],
  TEAM: ['Information Technology', 'Application Software'],
};

/** The eleven Select Sector SPDR funds. */
const SECTOR_SPDRS = new Set([
  'XLB',
  'XLC',
  'XLE',
  'XLF',
  'XLI',
  'XLK',
  'XLP',
  'XLRE',
  'XLU',
  'XLV',
  'XLY',
]);

/** Broad index funds whose source category is misleading (SPY is "Alternatives" there). */
const BROAD_MARKET = new Set([
  'SPY',
  'VOO',
  'IVV',
  'RSP',
  'OEF',
  'XLG',
  'DIA',
  'QQQ',
  'IWM',
  'VTI',
  'VT',
]);

export const ETF_SECTOR = 'ETF';

/** Nasdaq-100 members not in `sp500Symbols`, as universe rows; throws on an unmapped name. */
export function buildNasdaqExtras(
  nasdaqCsv: string,
  sp500Symbols: ReadonlySet<string>,
): UniverseRow[] {
  const rows = parseCsv(nasdaqCsv, NASDAQ100_SOURCE_FILE);
  return rows
    .filter((row) => !sp500Symbols.has(cell(row, 'symbol', NASDAQ100_SOURCE_FILE)))
    .map((row) => {
      const symbol = cell(row, 'symbol', NASDAQ100_SOURCE_FILE);
      const classification = NASDAQ_ONLY_CLASSIFICATION[symbol];
      if (!classification) {
        throw new Error(
          `build universe: Nasdaq-100 member ${symbol} is not in the S&P 500 and has no ` +
            'curated sector; add it to NASDAQ_ONLY_CLASSIFICATION',
        );
      }
      return {
        symbol,
        name: cell(row, 'name', NASDAQ100_SOURCE_FILE),
        sector: classification[0],
        industry: classification[1],
        categories: ['nasdaq100', 'stock'],
        assetType: 'stock' as const,
        marketCap: null,
      };
    });
}

function etfIndustry(row: CsvRow, symbol: string): string {
  if (SECTOR_SPDRS.has(symbol)) return 'Select Sector SPDRs';
  if (BROAD_MARKET.has(symbol)) return 'Broad market';
  const group = cell(row, 'category_group', ETF_SOURCE_FILE).trim();
  return group === '' ? 'Other' : group;
}

/** The ETF list as universe rows, skipping any symbol already in `taken`. */
export function buildEtfs(etfCsv: string, taken: ReadonlySet<string>): UniverseRow[] {
  return parseCsv(etfCsv, ETF_SOURCE_FILE)
    .filter((row) => !taken.has(cell(row, 'symbol', ETF_SOURCE_FILE)))
    .map((row) => {
      const symbol = cell(row, 'symbol', ETF_SOURCE_FILE);
      const name = cell(row, 'name', ETF_SOURCE_FILE).trim();
      return {
        symbol,
        name: name === '' ? symbol : name,
        sector: ETF_SECTOR,
        industry: etfIndustry(row, symbol),
        categories: ['etf'],
        assetType: 'etf' as const,
        marketCap: null,
      };
    });
}
