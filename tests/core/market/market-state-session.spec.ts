/**
 * The market state judging live quotes by the NYSE calendar (market/quote-freshness.ts): the
 * last session's close is `closed` outside the session whatever its age, delayed sources are
 * `delayed`, and the replay's simulated session keeps the plain age rule.
 */
import { describe, expect, it, vi } from 'vitest';

import type { Instrument, Quote } from '../../../src-main/core/domain/types.js';
import { MarketState, type SourceRules } from '../../../src-main/core/market/market-state.js';
import { newYorkToEpoch } from '../../../src-main/core/market/new-york-time.js';
import { loadNyseCalendar } from '../../../src-main/core/market/nyse-calendar.js';
import type { SourceDelay } from '../../../src-main/shared/api-types.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { RESOURCES_DIR } from '../helpers/resources.js';

const calendar = loadNyseCalendar(RESOURCES_DIR);
const STALE_AFTER = 60_000;

/** New York wall time `HH:MM` on `date`, as epoch ms. */
const ny = (date: string, clock: string): number => {
  const [h, m] = clock.split(':').map(Number);
  return newYorkToEpoch(date, (h ?? 0) * 60 + (m ?? 0));
};

const instrument = (symbol: string): Instrument => ({
  symbol,
  name: symbol,
  sector: 'Energy',
  industry: 'Oil',
  categories: ['sp500', 'stock'],
  assetType: 'stock',
  marketCap: 1e9,
});

const quote = (symbol: string, timestamp: number): Quote => ({
  symbol,
  price: 101,
  previousClose: 100,
  volume: 5_000,
  marketCap: null,
  timestamp,
  receivedAt: timestamp,
});

const LIVE: SourceRules = { calendar: true, delay: () => undefined };
/** The replay's rules: a simulated regular session, judged by age alone. */
const REPLAY: SourceRules = { calendar: false, delay: () => undefined };

function setup(now: number, rules: SourceRules = LIVE) {
  const clock = new FakeClock(now);
  const state = new MarketState({
    instruments: [instrument('XOM'), instrument('CVX')],
    clock,
    staleAfterMs: STALE_AFTER,
    calendar,
  });
  state.setSource('Finnhub', rules);
  return { clock, state };
}

describe('MarketState by the NYSE calendar', () => {
  it("shows Friday's early close as closed all weekend, never stale by its age", () => {
    const { clock, state } = setup(ny('2026-11-28', '12:00'));
    state.apply([quote('XOM', ny('2026-11-27', '13:00'))]);

    const saturday = state.status('XOM');
    clock.set(ny('2026-11-29', '23:00'));

    expect(saturday).toEqual({ status: 'closed', closedSessionDate: '2026-11-27' });
    expect(state.status('XOM')).toEqual({ status: 'closed', closedSessionDate: '2026-11-27' });
    expect(state.rows()[0]).toMatchObject({ status: 'closed', closedSessionDate: '2026-11-27' });
    expect(state.counts()).toMatchObject({ closed: 1, stale: 0, missing: 1 });
  });

  it("shows Wednesday's close on Thanksgiving and Friday's close before Monday's open", () => {
    const thanksgiving = setup(ny('2026-11-26', '11:00')).state;
    thanksgiving.apply([quote('XOM', ny('2026-11-25', '16:00'))]);
    const preMarket = setup(ny('2026-11-30', '08:15')).state;
    preMarket.apply([quote('XOM', ny('2026-11-27', '12:59'))]);

    expect(thanksgiving.status('XOM')).toMatchObject({ closedSessionDate: '2026-11-25' });
    expect(preMarket.status('XOM')).toEqual({ status: 'closed', closedSessionDate: '2026-11-27' });
  });

  it('calls a quote older than the last session stale, naming its day, while closed', () => {
    const { state } = setup(ny('2026-11-28', '12:00'));
    state.apply([quote('XOM', ny('2026-11-24', '15:30'))]);
    state.setCondition('market closed');

    expect(state.status('XOM')).toEqual({
      status: 'stale',
      reason: 'last good quote Nov 24, 15:30 ET — market closed',
    });
  });

  it('keeps the age rule in the session: the close is stale once the next session runs', () => {
    const { clock, state } = setup(ny('2026-11-30', '09:29'));
    state.apply([quote('XOM', ny('2026-11-27', '13:00'))]);
    const beforeOpen = state.status('XOM').status;

    clock.set(ny('2026-11-30', '09:31'));

    expect(beforeOpen).toBe('closed');
    expect(state.status('XOM').status).toBe('stale');
  });

  it('keeps a young after-hours trade live, then calls it the close', () => {
    const { clock, state } = setup(ny('2026-11-25', '16:30'));
    state.apply([quote('XOM', ny('2026-11-25', '16:30'))]);
    const young = state.status('XOM');

    clock.advance(STALE_AFTER + 1);

    expect(young).toEqual({ status: 'live' });
    expect(state.status('XOM')).toEqual({ status: 'closed', closedSessionDate: '2026-11-25' });
  });

  it('emits the change to closed on a sweep after the close, once', () => {
    const { clock, state } = setup(ny('2026-11-25', '15:59'));
    state.apply([quote('XOM', ny('2026-11-25', '15:59'))]);
    const listener = vi.fn();
    state.onChange(listener);

    clock.set(ny('2026-11-25', '16:05'));
    state.sweep();
    state.sweep();

    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]?.[0][0]).toMatchObject({
      symbol: 'XOM',
      status: 'closed',
      closedSessionDate: '2026-11-25',
    });
  });

  it('shows a restored snapshot of the last session as its close, an older one as stale', () => {
    const { state } = setup(ny('2026-11-28', '10:00'));
    const reason = 'restored from the snapshot of Nov 24, 16:10 ET';
    state.restore(
      [quote('XOM', ny('2026-11-27', '13:00')), quote('CVX', ny('2026-11-24', '16:00'))],
      reason,
      {
        from: 'Finnhub',
      },
    );

    expect(state.status('XOM')).toEqual({ status: 'closed', closedSessionDate: '2026-11-27' });
    expect(state.status('CVX')).toEqual({ status: 'stale', reason });
  });

  it('keeps a restored quote stale in the session until a fresh one arrives', () => {
    const { state } = setup(ny('2026-11-27', '11:00'));
    state.restore([quote('XOM', ny('2026-11-27', '10:59'))], 'restored from the snapshot');

    expect(state.status('XOM')).toEqual({ status: 'stale', reason: 'restored from the snapshot' });
  });

  it("judges the replay's simulated prices by age alone, whatever the calendar says", () => {
    const { clock, state } = setup(ny('2026-11-28', '12:00'), REPLAY);
    state.apply([quote('XOM', ny('2026-11-28', '12:00'))]);
    const fresh = state.status('XOM');

    clock.advance(STALE_AFTER + 1);

    expect(fresh).toEqual({ status: 'live' });
    expect(state.status('XOM')).toMatchObject({ status: 'stale' });
  });

  it('never reads a replay quote held across a switch to a live provider as a close', () => {
    const { state } = setup(ny('2026-11-28', '12:00'), REPLAY);
    state.apply([quote('XOM', ny('2026-11-27', '12:00'))]);

    state.setSource('Finnhub', LIVE);
    state.markHeld((from) => `last good data from ${from}`, { replaceable: true });

    expect(state.status('XOM')).toEqual({ status: 'stale', reason: 'last good data from Finnhub' });
  });

  it('calls a 15-minute-late quote delayed, with its lag, until it is late beyond that', () => {
    const fifteen: SourceDelay = { kind: 'delayed', minutes: 15, note: 'SIP, 15 minutes late' };
    const { clock, state } = setup(ny('2026-11-25', '11:00'), {
      calendar: true,
      delay: () => fifteen,
    });
    state.apply([quote('XOM', ny('2026-11-25', '10:45'))]);
    const late = state.status('XOM');

    clock.advance(STALE_AFTER + 1);

    expect(late).toEqual({ status: 'delayed', delayedByMinutes: 15 });
    expect(state.status('XOM').status).toBe('stale');
    expect(state.counts()).toMatchObject({ delayed: 0, stale: 1 });
  });

  it("calls an end-of-day source's last close delayed in the session, an older one stale", () => {
    const endOfDay: SourceDelay = { kind: 'end-of-day', sessionDate: '2026-11-24', note: 'EOD' };
    const { state } = setup(ny('2026-11-25', '11:00'), { calendar: true, delay: () => endOfDay });
    state.apply([quote('XOM', ny('2026-11-24', '16:00')), quote('CVX', ny('2026-11-23', '16:00'))]);

    expect(state.status('XOM')).toEqual({ status: 'delayed' });
    expect(state.status('CVX').status).toBe('stale');
    expect(state.rows()[0]).not.toHaveProperty('delayedByMinutes');
  });
});
