/**
 * The universe: which symbols exist, with their sector, industry, categories and size.
 * Loaded once from `resources/universe.json` and read-only afterwards.
 */
import { join } from 'node:path';

import type { Instrument } from '../domain/types.js';
import { readJsonResource, ResourceError } from '../resources/read-resource.js';
import { type InstrumentRow, universeFileSchema } from './universe-schema.js';

export const UNIVERSE_FILE = 'universe.json';

/** The instruments the map can show, with lookups by symbol, sector and category. */
export class Universe {
  readonly instruments: readonly Instrument[];
  /** Date of the market caps in the file. */
  readonly capsAsOf: string;
  private readonly bySymbol: ReadonlyMap<string, Instrument>;
  private readonly sectorList: readonly string[];
  private readonly categoryList: readonly string[];

  constructor(instruments: readonly Instrument[], capsAsOf: string) {
    this.instruments = instruments;
    this.capsAsOf = capsAsOf;
    this.bySymbol = new Map(instruments.map((i) => [i.symbol, i]));
    this.sectorList = [...new Set(instruments.map((i) => i.sector))].sort();
    this.categoryList = [...new Set(instruments.flatMap((i) => i.categories))].sort();
  }

  /** Sector names, canonical spelling, sorted. */
  sectors(): string[] {
    return [...this.sectorList];
  }

  /** Category ids, lower case, sorted. */
  categories(): string[] {
    return [...this.categoryList];
  }

  /** Every symbol, in the file's order. */
  symbols(): string[] {
    return this.instruments.map((i) => i.symbol);
  }

  get(symbol: string): Instrument | undefined {
    return this.bySymbol.get(symbol);
  }

  has(symbol: string): boolean {
    return this.bySymbol.has(symbol);
  }

  /** The sector's canonical spelling for any letter case, or undefined when unknown. */
  findSector(name: string): string | undefined {
    const wanted = name.trim().toLowerCase();
    return this.sectorList.find((s) => s.toLowerCase() === wanted);
  }

  /** The category id for any letter case, or undefined when unknown. */
  findCategory(id: string): string | undefined {
    const wanted = id.trim().toLowerCase();
    return this.categoryList.find((c) => c === wanted);
  }
}

function toInstrument(row: InstrumentRow): Instrument {
  return {
    symbol: row.symbol,
    name: row.name,
    sector: row.sector,
    industry: row.industry,
    categories: row.categories,
    assetType: row.assetType,
    marketCap: row.marketCap,
    ...(row.shareClassGroup === undefined ? {} : { shareClassGroup: row.shareClassGroup }),
  };
}

/** Loads and validates `universe.json` from a resources folder; throws ResourceError if bad. */
export function loadUniverse(resourcesDir: string): Universe {
  const file = join(resourcesDir, UNIVERSE_FILE);
  const data = readJsonResource(file, universeFileSchema);

  const seen = new Set<string>();
  data.instruments.forEach((row, index) => {
    if (seen.has(row.symbol)) {
      throw new ResourceError(
        file,
        `instruments.${index}.symbol`,
        `read resource: ${file} lists ${row.symbol} twice (instruments.${index}.symbol)`,
      );
    }
    seen.add(row.symbol);
  });

  return new Universe(data.instruments.map(toInstrument), data.capsAsOf);
}
