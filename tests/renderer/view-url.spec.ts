import { afterEach, describe, expect, it, vi } from 'vitest';

import type { ViewOptions } from '../../src-renderer/chart/heatmap-view';
import { DEFAULT_VIEW_OPTIONS } from '../../src-renderer/chart/heatmap-view';
import { setLogLevel } from '../../src-renderer/lib/log';
import { fromSearch, toSearch, type ViewState } from '../../src-renderer/lib/view-state';

afterEach(() => vi.restoreAllMocks());

describe('view state in the URL', () => {
  it('round-trips every field', () => {
    const options: ViewOptions = {
      view: 'grid',
      sizeBy: 'dollarVolume',
      timeframe: 'ytd',
      palette: 'blue-orange',
      range: 12.5,
      theme: 'light',
    };
    const view: ViewState = {
      sectors: ['Energy', 'Information Technology'],
      categories: ['dow30'],
      universe: 'nasdaq100',
      filter: 'changePercent > 2 and marketCap > 100e9',
      options,
      drill: { sector: 'Energy', industry: 'Oil & Gas E&P' },
    };
    expect(fromSearch(toSearch(view))).toEqual(view);
  });

  it('writes nothing for the default view and reads it back as the default', () => {
    expect(toSearch({ sectors: [], categories: [] })).toBe('');
    expect(fromSearch('')).toEqual({
      sectors: [],
      categories: [],
      options: DEFAULT_VIEW_OPTIONS,
      drill: {},
    });
  });

  it('falls back to defaults with a warning for bad values, never throwing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    setLogLevel('warn');
    const view = fromSearch(
      '?view=pie&size=huge&tf=5y&palette=rainbow&range=-3&theme=neon&industry=X',
    );
    expect(view.options).toEqual(DEFAULT_VIEW_OPTIONS);
    expect(view.drill).toEqual({});
    expect(warn).toHaveBeenCalledTimes(7);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/view="pie"/);
    setLogLevel('error');
  });

  it('survives garbage and encoded oddities', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => fromSearch('?%E0%A4%A=1&range=abc&&=')).not.toThrow();
    expect(fromSearch('?range=abc').options?.range).toBeNull();
  });
});
