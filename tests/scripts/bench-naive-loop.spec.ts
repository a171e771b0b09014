import { describe, expect, it } from 'vitest';

import { NaiveLoop } from '../../bench/naive-loop.js';
import type { MarketDataProvider, RatePolicy } from '../../src-main/core/providers/provider.js';
import { VirtualTime } from '../core/helpers/virtual-time.js';

const START = Date.parse('2026-11-25T15:00:00Z');
const SYMBOLS = ['A', 'B', 'C', 'D', 'E'];

/** A provider of batch 3 that records what each call asked for and answers nothing. */
function recordingProvider(calls: string[][]): MarketDataProvider {
  return {
    id: 'fake',
    capabilities: { batchSize: 3, streaming: false, profiles: false, history: false },
    ratePolicy: { perMinute: 60 },
    source: () => ({ provider: 'fake', mode: 'live', label: 'Fake' }),
    fetchQuotes: async (symbols) => {
      calls.push([...symbols]);
      return { quotes: [], missing: [] };
    },
  };
}

async function callsIn(ms: number, policy: RatePolicy, batchSize?: number): Promise<string[][]> {
  const calls: string[][] = [];
  const time = new VirtualTime(START);
  const loop = new NaiveLoop(
    recordingProvider(calls),
    policy,
    SYMBOLS,
    time,
    time,
    () => undefined,
    batchSize,
  );
  loop.start();
  await time.advance(ms);
  loop.stop();
  return calls;
}

describe('naive loop', () => {
  it("polls in turn in the provider's full batches by default", async () => {
    const calls = await callsIn(2_500, { perSecond: 1 });

    expect(calls).toEqual([
      ['A', 'B', 'C'],
      ['D', 'E', 'A'],
      ['B', 'C', 'D'],
    ]);
  });

  it('polls one symbol per call when asked, on the same rate gate', async () => {
    const calls = await callsIn(2_500, { perSecond: 1 }, 1);

    expect(calls).toEqual([['A'], ['B'], ['C']]);
  });

  it('refuses a batch size that is not a whole number of symbols', () => {
    const provider = recordingProvider([]);
    const time = new VirtualTime(START);
    const make = (size: number) =>
      new NaiveLoop(provider, {}, SYMBOLS, time, time, () => undefined, size);

    expect(() => make(0)).toThrow('naive loop: batchSize must be an integer >= 1, received 0');
    expect(() => make(1.5)).toThrow(/received 1\.5/);
  });
});
