import { describe, expect, it } from 'vitest';

import { planSubscription } from '../../../src-main/core/providers/stream-subscription.js';

describe('planSubscription', () => {
  it('subscribes the new symbols and unsubscribes the dropped ones, in request order', () => {
    const plan = planSubscription(['AAPL', 'MSFT'], ['MSFT', 'NVDA', 'NVDA', 'AMZN'], 10);

    expect(plan).toEqual({
      kept: ['MSFT', 'NVDA', 'AMZN'],
      added: ['NVDA', 'AMZN'],
      removed: ['AAPL'],
      asked: 3,
    });
  });

  it('cuts the request to the limit and says how many were asked', () => {
    const plan = planSubscription([], ['A', 'B', 'C'], 2);

    expect(plan.kept).toEqual(['A', 'B']);
    expect(plan.asked).toBe(3);
  });
});
