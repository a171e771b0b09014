import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ResourceError } from '../../../src-main/core/resources/read-resource.js';
import { loadUniverse } from '../../../src-main/core/universe/universe.js';
import { RESOURCES_DIR } from '../helpers/resources.js';

function writeUniverse(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'universe-'));
  writeFileSync(join(dir, 'universe.json'), content);
  return dir;
}

describe('loadUniverse', () => {
  const universe = loadUniverse(RESOURCES_DIR);

  it('loads all 503 S&P 500 lines across the 11 GICS sectors, plus Nasdaq-only names and ETFs', () => {
    const sp500 = universe.instruments.filter((i) => i.categories.includes('sp500'));

    expect(sp500).toHaveLength(503);
    expect(new Set(sp500.map((i) => i.sector)).size).toBe(11);
    expect(universe.instruments).toHaveLength(503 + 14 + 128);
    expect(universe.sectors()).toContain('Information Technology');
    expect(universe.sectors()).toContain('ETF');
  });

  it('exposes the index and asset-type categories, sorted', () => {
    expect(universe.categories()).toEqual(['dow30', 'etf', 'nasdaq100', 'sp500', 'stock']);
  });

  it('finds instruments by symbol and sectors and categories in any letter case', () => {
    expect(universe.get('AAPL')?.categories).toEqual(['sp500', 'nasdaq100', 'dow30', 'stock']);
    expect(universe.findSector('health care')).toBe('Health Care');
    expect(universe.findCategory('NASDAQ100')).toBe('nasdaq100');
    expect(universe.findSector('Crypto')).toBeUndefined();
    expect(universe.has('ZZZZ')).toBe(false);
  });

  it('keeps BF.B without a market cap rather than inventing one', () => {
    expect(universe.get('BF.B')?.marketCap).toBeNull();
  });

  it('names the file and the field when the resource is corrupted', () => {
    const good = JSON.parse(readFileSync(join(RESOURCES_DIR, 'universe.json'), 'utf8'));
    good.instruments[3].sector = 42;
    const dir = writeUniverse(JSON.stringify(good));

    const attempt = (): unknown => loadUniverse(dir);

    expect(attempt).toThrow(ResourceError);
    expect(attempt).toThrow(/universe\.json is invalid at instruments\.3\.sector/);
  });

  it('rejects a file that is not JSON with an error naming the file', () => {
    const dir = writeUniverse('{"instruments": [');

    expect(() => loadUniverse(dir)).toThrow(/universe\.json is not valid JSON/);
  });

  it('rejects a duplicated symbol', () => {
    const good = JSON.parse(readFileSync(join(RESOURCES_DIR, 'universe.json'), 'utf8'));
    good.instruments.push(good.instruments[0]);
    const dir = writeUniverse(JSON.stringify(good));

    expect(() => loadUniverse(dir)).toThrow(/lists MMM twice \(instruments\.645\.symbol\)/);
  });
});
