import { describe, expect, it } from 'vitest';

import { RateGate } from '../../../src-main/core/scheduler/rate-gate.js';

describe('RateGate', () => {
  it('spaces calls evenly at the tightest sustained rate', () => {
    const gate = new RateGate({ perSecond: 30, perMinute: 60 });

    gate.record(0, 1);

    expect(gate.nextAllowedAt(0, 1)).toBe(1_000);
    expect(gate.nextAllowedAt(5_000, 1)).toBe(5_000);
  });

  it('waits until enough of the window has passed for a large cost', () => {
    const gate = new RateGate({ perMinute: 8 });

    gate.record(0, 8);

    expect(gate.nextAllowedAt(1_000, 8)).toBe(60_000);
  });

  it('lets an unlimited policy call at once', () => {
    const gate = new RateGate({});
    gate.record(0, 1);

    expect(gate.nextAllowedAt(0, 1)).toBe(0);
  });

  it('refuses a cap below 1, naming it', () => {
    expect(() => new RateGate({ perMinute: 0 })).toThrow(/caps must be integers >= 1, received 0/);
  });
});
