import { describe, expect, it } from 'vitest';

import { queueRateOptions } from '../../../src-main/core/scheduler/rate-policy.js';

describe('queueRateOptions', () => {
  it('maps a per-second limit onto a one-second p-queue window', () => {
    expect(queueRateOptions({ perSecond: 5, perMinute: 100 })).toEqual({
      intervalCap: 5,
      interval: 1000,
    });
  });

  it('maps a per-minute limit onto a one-minute window', () => {
    expect(queueRateOptions({ perMinute: 60, perDay: 800 })).toEqual({
      intervalCap: 60,
      interval: 60_000,
    });
  });

  it('leaves an unlimited provider unthrottled', () => {
    expect(queueRateOptions({})).toEqual({});
  });

  it('rejects a cap below 1, naming the option', () => {
    expect(() => queueRateOptions({ perMinute: 0 })).toThrow(
      /`perMinute` must be an integer >= 1, received 0/,
    );
  });
});
