import { describe, expect, it } from 'vitest';

import { ViewerInterest } from '../../../src-main/core/live/viewer-interest.js';

describe('ViewerInterest', () => {
  it('keeps a symbol watched until every viewer watching it has released it', () => {
    const interest = new ViewerInterest();
    const first = interest.watch(['XOM', 'CVX']);
    const second = interest.watch(['XOM']);

    first();
    first();

    expect(interest.isWatched('XOM')).toBe(true);
    expect(interest.isWatched('CVX')).toBe(false);
    second();
    expect(interest.symbols()).toEqual([]);
  });

  it('changes its revision on every watch and release', () => {
    const interest = new ViewerInterest();
    const start = interest.revision;
    interest.watch(['AAPL'])();

    expect(interest.revision).toBe(start + 2);
  });
});
