import { describe, expect, it } from 'vitest';

import { CSV_COLUMNS, csvField, rowsToCsv } from '../../src-renderer/lib/csv';
import { buildTiles } from '../../src-renderer/lib/tiles';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('Alphabet, Inc.')).toBe('"Alphabet, Inc."');
    expect(csvField('The "Best" Co')).toBe('"The ""Best"" Co"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
  });

  it('defuses spreadsheet formulas and writes numbers and nulls plainly', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-2')).toBe("'-2");
    expect(csvField(-2.5)).toBe('-2.5');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('writes a header and one CRLF line per row', () => {
    const [tile] = buildTiles([
      {
        symbol: 'BRK.B',
        name: 'Berkshire Hathaway, Class "B"',
        sector: 'Financials',
        industry: 'Multi-Sector Holdings',
        categories: [],
        marketCap: null,
        price: null,
        previousClose: null,
        change: null,
        changePercent: null,
        volume: null,
        updatedAt: null,
        status: 'missing',
      },
    ]);
    const csv = rowsToCsv([tile!], '1d');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[1]).toBe(
      'BRK.B,"Berkshire Hathaway, Class ""B""",Financials,Multi-Sector Holdings,,,,1d,,,,missing,',
    );
    expect(lines[2]).toBe('');
  });
});
