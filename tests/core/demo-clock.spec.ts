import { describe, expect, it } from 'vitest';

import { clockStartingAt } from '../../src-main/core/demo-clock.js';
import { FakeClock } from './helpers/fake-clock.js';

describe('clockStartingAt', () => {
  it('reads the start instant at first, then ticks with the base clock', () => {
    const base = new FakeClock(Date.UTC(2026, 11, 4, 18));
    const start = Date.UTC(2026, 10, 28, 15);
    const clock = clockStartingAt(start, base);
    const first = clock.now();

    base.advance(90_000);

    expect(first).toBe(start);
    expect(clock.now()).toBe(start + 90_000);
  });
});
