import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import {
  computePerformance,
  type DailyCloses,
  lookbackDate,
} from '../../../src-main/core/history/time-frames.js';
import { loadReplayData } from '../../../src-main/core/providers/replay/replay-data.js';
import { RESOURCES_DIR } from '../helpers/resources.js';

const DATA_DIR = '/work/shared/data';
const GZ = join(DATA_DIR, 'sp500_daily_close_pddl.csv.gz');
const closes = loadReplayData(RESOURCES_DIR);

/** Raw closes straight from the reference data's gz, read by hand (not through our build). */
function rawClose(symbol: string, date: string): number {
  const text = gunzipSync(readFileSync(GZ)).toString('utf8');
  const line = text.split('\n').find((l) => l.startsWith(`${date},${symbol},`));
  if (!line) throw new Error(`no ${symbol} row on ${date}`);
  return Number(line.split(',')[2]);
}

function atClose(symbol: string, date: string) {
  const dayIndex = closes.indexOf(date);
  const price = closes.close(symbol, dayIndex);
  return computePerformance(closes, { symbol, dayIndex, price, changePercent: 1.5 });
}

describe('lookbackDate', () => {
  it('steps back a week, months (clamped to month end) and to the previous year end', () => {
    expect(lookbackDate('2026-08-07', '1w')).toBe('2026-07-31');
    expect(lookbackDate('2026-05-31', '1m')).toBe('2026-04-30');
    expect(lookbackDate('2026-03-31', '3m')).toBe('2025-12-31');
    expect(lookbackDate('2026-08-07', 'ytd')).toBe('2025-12-31');
    expect(lookbackDate('2028-02-29', '1y')).toBe('2027-02-28');
  });
});

describe.skipIf(!existsSync(GZ))('computePerformance against the reference closes', () => {
  it('gives AAPL its 1-week change on 2026-08-07 from the 2026-07-31 close', () => {
    const expected = (rawClose('AAPL', '2026-08-07') / rawClose('AAPL', '2026-07-31') - 1) * 100;

    const { performance } = atClose('AAPL', '2026-08-07');

    expect(performance['1w']).toBeCloseTo(expected, 10);
    expect(performance['1d']).toBe(1.5);
  });

  it('gives AAPL its 1-month change from the last close on or before 2026-07-07', () => {
    const expected = (rawClose('AAPL', '2026-08-07') / rawClose('AAPL', '2026-07-07') - 1) * 100;

    expect(atClose('AAPL', '2026-08-07').performance['1m']).toBeCloseTo(expected, 10);
  });

  it("leaves 3m, ytd and 1y null on 2026-08-07 because the replay's history starts 2026-05-14", () => {
    const { performance, reasons } = atClose('AAPL', '2026-08-07');

    expect(performance['3m']).toBeNull();
    expect(performance.ytd).toBeNull();
    expect(performance['1y']).toBeNull();
    expect(reasons.ytd).toBe("the replay's history starts 2026-05-14");
    expect(reasons['3m']).toBe("the replay's history starts 2026-05-14");
  });

  it('computes 3m on 2026-08-21 from the 2026-05-21 close', () => {
    const expected = (rawClose('AAPL', '2026-08-21') / rawClose('AAPL', '2026-05-21') - 1) * 100;

    expect(atClose('AAPL', '2026-08-21').performance['3m']).toBeCloseTo(expected, 10);
  });

  it('adjusts KLAC for its 10:1 split on 2026-06-12 across the week', () => {
    const before = rawClose('KLAC', '2026-06-08');
    const after = rawClose('KLAC', '2026-06-15');
    const expected = (after / (before * 0.1) - 1) * 100;

    const { performance } = atClose('KLAC', '2026-06-15');

    expect(performance['1w']).toBeCloseTo(expected, 10);
    // Unadjusted, the week would read as a fall of about 90 %.
    expect(Math.abs(performance['1w'] ?? 100)).toBeLessThan(30);
    expect((after / before - 1) * 100).toBeLessThan(-80);
  });
});

describe('computePerformance edge cases', () => {
  const fake = (dates: string[], values: (number | null)[]): DailyCloses => ({
    dates,
    close: (_symbol, index) => values[index] ?? null,
    splitRatio: () => 1,
  });

  it('never reaches across a gap in the dates', () => {
    const data = fake(['2026-01-02', '2026-03-02', '2026-03-09'], [100, 110, 121]);

    const { performance, reasons } = computePerformance(data, {
      symbol: 'X',
      dayIndex: 2,
      price: 121,
      changePercent: 0,
    });

    expect(performance['1w']).toBeCloseTo(10, 10);
    expect(performance['1m']).toBeNull();
    expect(reasons['1m']).toBe('the data has a gap between 2026-01-02 and 2026-02-09');
  });

  it('names the missing close instead of using an older one', () => {
    const data = fake(['2026-03-02', '2026-03-09'], [null, 121]);

    const { reasons } = computePerformance(data, {
      symbol: 'X',
      dayIndex: 1,
      price: 121,
      changePercent: 0,
    });

    expect(reasons['1w']).toBe('no close for X on 2026-03-02');
  });

  it('gives no time frame without a current price', () => {
    const data = fake(['2026-03-02', '2026-03-09'], [100, 121]);

    const result = computePerformance(data, {
      symbol: 'X',
      dayIndex: 1,
      price: null,
      changePercent: null,
    });

    expect(Object.values(result.performance).every((v) => v === null)).toBe(true);
    expect(result.reasons['1w']).toBe('no current price');
  });
});
