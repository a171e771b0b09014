import { describe, expect, it } from 'vitest';

import { loadNyseCalendar } from '../../../../src-main/core/market/nyse-calendar.js';
import { loadReplayData } from '../../../../src-main/core/providers/replay/replay-data.js';
import {
  DEFAULT_SESSION_WALL_MS,
  ReplayProvider,
} from '../../../../src-main/core/providers/replay/replay-provider.js';
import { FakeClock } from '../../helpers/fake-clock.js';
import { RESOURCES_DIR } from '../../helpers/resources.js';

const data = loadReplayData(RESOURCES_DIR);
const calendar = loadNyseCalendar(RESOURCES_DIR);
const START = Date.parse('2030-01-01T00:00:00Z');
const MINUTE = 60_000;

function replayFrom(
  startDate: string,
  loop = true,
): { provider: ReplayProvider; clock: FakeClock } {
  const clock = new FakeClock(START);
  const provider = new ReplayProvider({
    data,
    calendar,
    fallbackCap: () => 123,
    universeSize: 503,
    clock,
    startDate,
    loop,
  });
  return { provider, clock };
}

// Rows read with `zcat sp500_daily_close_pddl.csv.gz`:
//   2026-08-06,AAPL,312.41  2026-08-07,AAPL,313.33,4572794322944
//   2026-06-11,KLAC,2411.64 2026-06-12,KLAC,254.54 (split 0.1 on 06-12)
describe('ReplayProvider', () => {
  it('parses the replay file once per resources folder and shares that read-only copy', () => {
    expect(loadReplayData(RESOURCES_DIR)).toBe(data);
  });

  it('starts by default three months into the data, so 1w, 1m and 3m changes exist at once', () => {
    const provider = new ReplayProvider({
      data,
      calendar,
      fallbackCap: () => 123,
      universeSize: 503,
      clock: new FakeClock(START),
    });

    expect(data.dates[0]).toBe('2026-05-14');
    expect(provider.source().label).toBe('Replay of 2026-08-14 closes');
    // A replay is a replay, not delayed data: no delay is claimed.
    expect(provider.source().delay).toBeUndefined();
  });

  it('plays AAPL on 2026-08-07 from its real previous close to its real close', async () => {
    const { provider, clock } = replayFrom('2026-08-07');

    const open = await provider.fetchQuotes(['AAPL']);
    clock.advance(DEFAULT_SESSION_WALL_MS - 1);
    const end = await provider.fetchQuotes(['AAPL']);

    expect(open.quotes[0]).toMatchObject({ price: 312.41, previousClose: 312.41, volume: null });
    expect(end.quotes[0]?.previousClose).toBe(312.41);
    expect(end.quotes[0]?.price).toBe(313.33);
    expect(end.quotes[0]?.marketCap).toBe(4572794322944);
  });

  it('moves on to the next trading day, starting exactly at the real close', async () => {
    const { provider, clock } = replayFrom('2026-08-07');

    clock.advance(DEFAULT_SESSION_WALL_MS);
    const result = await provider.fetchQuotes(['AAPL']);

    expect(provider.source().label).toBe('Replay of 2026-08-10 closes');
    expect(result.quotes[0]).toMatchObject({ price: 313.33, previousClose: 313.33 });
  });

  it('holds the last real close when the stretch ends without looping', async () => {
    const { provider, clock } = replayFrom('2026-08-21', false);

    clock.advance(10 * DEFAULT_SESSION_WALL_MS);
    const result = await provider.fetchQuotes(['AAPL']);

    expect(provider.source().label).toBe('Replay of 2026-08-21 closes');
    expect(result.quotes[0]?.price).toBe(data.close('AAPL', data.indexOf('2026-08-21')));
  });

  it('loops back to the first replayed day after the last one', async () => {
    const { provider, clock } = replayFrom('2026-08-21');

    clock.advance(DEFAULT_SESSION_WALL_MS + MINUTE);

    expect(provider.source().label).toBe('Replay of 2026-05-15 closes');
  });

  it('puts the previous close on the new basis on a split day (KLAC 2026-06-12, ratio 0.1)', async () => {
    const { provider, clock } = replayFrom('2026-06-12');
    clock.advance(DEFAULT_SESSION_WALL_MS - 1);

    const quote = (await provider.fetchQuotes(['KLAC'])).quotes[0];
    const price = quote?.price ?? NaN;
    const previousClose = quote?.previousClose ?? NaN;

    expect(previousClose).toBe(241.164);
    expect(price).toBe(254.54);
    const changePercent = ((price - previousClose) / previousClose) * 100;
    expect(changePercent).toBeGreaterThan(5);
    expect(changePercent).toBeLessThan(6);
  });

  it('reports a symbol without data as missing with the date, never inventing a price', async () => {
    const { provider } = replayFrom('2026-08-07');

    const result = await provider.fetchQuotes(['APP', 'AAPL']);

    expect(result.quotes.map((q) => q.symbol)).toEqual(['AAPL']);
    expect(result.missing).toEqual([
      { symbol: 'APP', reason: 'no close in the replay data for 2026-08-07' },
    ]);
  });

  it('reports a symbol whose previous day is absent as missing, naming that day', async () => {
    // The data has GOOGL on 2026-07-17 but no GOOGL row on 2026-07-16.
    const result = await replayFrom('2026-07-17').provider.fetchQuotes(['GOOGL']);

    expect(result.quotes).toEqual([]);
    expect(result.missing).toEqual([
      { symbol: 'GOOGL', reason: 'no previous close in the replay data for 2026-07-16' },
    ]);
  });

  it('quotes simulated prices in whole cents', async () => {
    const { provider, clock } = replayFrom('2026-08-07');
    clock.advance(2 * MINUTE + 17);

    const { quotes } = await provider.fetchQuotes(['AAPL', 'MSFT', 'NVDA']);

    expect(quotes).toHaveLength(3);
    for (const q of quotes) expect(Math.round(q.price * 100) / 100).toBe(q.price);
  });

  it('serves BNY from the data of its old ticker BK while that data lasts', async () => {
    const early = await replayFrom('2026-05-20').provider.fetchQuotes(['BNY']);
    const late = await replayFrom('2026-05-21').provider.fetchQuotes(['BNY']);

    expect(early.quotes[0]?.previousClose).toBeGreaterThan(0);
    expect(late.missing[0]?.reason).toBe('no close in the replay data for 2026-05-21');
  });

  it('says in its source which parts are real and which are simulated', () => {
    const source = replayFrom('2026-08-07').provider.source();

    expect(source).toMatchObject({ provider: 'replay', mode: 'replay' });
    expect(source.label).toBe('Replay of 2026-08-07 closes');
    expect(source.detail).toMatch(/previous close and its close of 2026-08-07 are real/);
    expect(source.detail).toMatch(/simulated/);
  });

  it('gives the same intraday price for the same instant on every run', async () => {
    const first = replayFrom('2026-08-07');
    const second = replayFrom('2026-08-07');
    first.clock.advance(2 * MINUTE);
    second.clock.advance(2 * MINUTE);

    const a = await first.provider.fetchQuotes(['MSFT']);
    const b = await second.provider.fetchQuotes(['MSFT']);

    expect(a.quotes[0]?.price).toBe(b.quotes[0]?.price);
  });

  it('rejects a start date outside the replayed stretch, naming the option', () => {
    expect(() => replayFrom('2026-05-14')).toThrow(/`startDate` must be a replayed trading day/);
  });

  it('stops when its signal is aborted', async () => {
    const { provider } = replayFrom('2026-08-07');
    const controller = new AbortController();
    controller.abort();

    await expect(provider.fetchQuotes(['AAPL'], controller.signal)).rejects.toThrow();
  });
});
