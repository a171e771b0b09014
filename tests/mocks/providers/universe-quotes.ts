/**
 * A quote for every symbol of the universe (resources/universe.json), for the provider mocks.
 * Values come from real data where we have it: the last recorded close of
 * resources/replay/daily-closes.json is the price and the close before it the previous close
 * (walking back over gaps). Symbols without recorded closes (ETFs, recent index members, share
 * classes such as BRK.B) get values from `ruleQuote`: a documented function of the symbol, so
 * every run and every mock answer the same. Provider-neutral: each mock writes these values in
 * its own wire format (universe-formats.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RESOURCES = fileURLToPath(new URL('../../../resources/', import.meta.url));

/** One symbol's session, in the engine's symbol form (`BRK.B`). */
export interface UniverseQuote {
  symbol: string;
  name: string;
  assetType: 'stock' | 'etf';
  categories: readonly string[];
  price: number;
  previousClose: number;
  open: number;
  high: number;
  low: number;
  volume: number;
  /** Dollars, from the universe (per share class). */
  marketCap: number | null;
  /** `replay`: real closes; `rule`: derived from the symbol by `ruleQuote`. */
  basis: 'replay' | 'rule';
}

interface UniverseFile {
  instruments: {
    symbol: string;
    name: string;
    assetType: 'stock' | 'etf';
    categories: string[];
    marketCap?: number | null;
  }[];
}

interface ClosesFile {
  symbols: Record<string, { close: (number | null)[] }>;
}

/** Rounds to cents, as quotes are priced. */
export const cents = (value: number): number => Math.round(value * 100) / 100;

/** FNV-1a of the symbol: a stable 32-bit seed, the same on every run and platform. */
function seed(symbol: string): number {
  let hash = 0x811c9dc5;
  for (const char of symbol) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The last two recorded closes (price, previous), skipping nulls; undefined without two. */
function lastTwoCloses(
  series: readonly (number | null)[] | undefined,
): [number, number] | undefined {
  const known = (series ?? []).filter((close): close is number => close !== null);
  const price = known.at(-1);
  const previous = known.at(-2);
  return price === undefined || previous === undefined ? undefined : [price, previous];
}

/**
 * The rule for symbols without recorded closes: from the symbol's FNV-1a hash `h`, a price of
 * 20.00 + (h mod 48,000) cents (20 to 500 dollars) and a move of ((h >>> 16) mod 601 − 300)
 * basis points (−3 % to +3 %) from the previous close.
 */
export function ruleQuote(symbol: string): { price: number; previousClose: number } {
  const h = seed(symbol);
  const price = 20 + (h % 48_000) / 100;
  const movePercent = (((h >>> 16) % 601) - 300) / 100;
  return { price: cents(price), previousClose: cents(price / (1 + movePercent / 100)) };
}

function build(): Map<string, UniverseQuote> {
  const universe = JSON.parse(readFileSync(`${RESOURCES}universe.json`, 'utf8')) as UniverseFile;
  const closes = JSON.parse(
    readFileSync(`${RESOURCES}replay/daily-closes.json`, 'utf8'),
  ) as ClosesFile;

  const quotes = new Map<string, UniverseQuote>();
  for (const instrument of universe.instruments) {
    const recorded = lastTwoCloses(closes.symbols[instrument.symbol]?.close);
    const { price, previousClose } = recorded
      ? { price: recorded[0], previousClose: recorded[1] }
      : ruleQuote(instrument.symbol);
    const h = seed(instrument.symbol);
    // The day's range always holds the open (the previous close) and the price.
    const open = previousClose;
    quotes.set(instrument.symbol, {
      symbol: instrument.symbol,
      name: instrument.name,
      assetType: instrument.assetType,
      categories: instrument.categories,
      price,
      previousClose,
      open,
      high: cents(Math.max(open, price) * 1.004),
      low: cents(Math.min(open, price) * 0.996),
      volume: 500_000 + (h % 40_000_000),
      marketCap: instrument.marketCap ?? null,
      basis: recorded ? 'replay' : 'rule',
    });
  }
  return quotes;
}

let cache: Map<string, UniverseQuote> | undefined;

/** Every universe symbol's quote, keyed by the engine's symbol form (`BRK.B`). */
export function universeQuotes(): ReadonlyMap<string, UniverseQuote> {
  cache ??= build();
  return cache;
}

/** The quote of a universe symbol in the engine's form, or undefined when it is not listed. */
export function universeQuote(symbol: string): UniverseQuote | undefined {
  return universeQuotes().get(symbol);
}

/** The change and percent change of a quote, unrounded. */
export function changeOf(quote: UniverseQuote): { change: number; percent: number } {
  const change = quote.price - quote.previousClose;
  return { change, percent: (change / quote.previousClose) * 100 };
}

/**
 * A lookup by the provider's own spelling: share classes written with `separator` (`BRK-B` for
 * `-`), and only that spelling is known, as with the real APIs. A comma list is no symbol.
 */
export function universeLookup(
  separator: '.' | '-' | '/',
): (providerSymbol: string) => UniverseQuote | undefined {
  const bySpelling = new Map(
    [...universeQuotes().values()].map((q) => [q.symbol.replace('.', separator), q]),
  );
  return (providerSymbol) => bySpelling.get(providerSymbol);
}
