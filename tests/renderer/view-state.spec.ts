import { describe, expect, it } from 'vitest';

import {
  buildQuery,
  DEFAULT_VIEW,
  isUnfiltered,
  parseQuery,
  toggleValue,
} from '../../src-renderer/lib/view-state';

describe('query building', () => {
  it('sends no parameters when nothing is filtered', () => {
    expect(buildQuery(DEFAULT_VIEW)).toBe('');
  });

  it('joins values with commas, sorted and de-duplicated', () => {
    const query = buildQuery({ sectors: ['Energy', 'Utilities', 'Energy'], categories: ['dow30'] });
    expect(query).toBe('?sector=Energy%2CUtilities&category=dow30');
  });

  it('encodes sector names with spaces and ampersands', () => {
    const query = buildQuery({ sectors: ['Health Care', 'A & B'], categories: [] });
    expect(new URLSearchParams(query).get('sector')).toBe('A & B,Health Care');
  });

  it('round-trips through parseQuery', () => {
    const view = { sectors: ['Financials', 'Information Technology'], categories: ['nasdaq100'] };
    expect(parseQuery(buildQuery(view))).toEqual(view);
  });

  it('drops blank values', () => {
    const view = parseQuery('?sector=,Energy,&category=');
    expect(view).toEqual({ sectors: ['Energy'], categories: [] });
  });

  it('toggles a value in and out of a selection', () => {
    expect(toggleValue(['Energy'], 'Utilities')).toEqual(['Energy', 'Utilities']);
    expect(toggleValue(['Energy', 'Utilities'], 'Energy')).toEqual(['Utilities']);
  });

  it('knows an empty view is unfiltered', () => {
    expect(isUnfiltered(DEFAULT_VIEW)).toBe(true);
    expect(isUnfiltered({ sectors: ['Energy'], categories: [] })).toBe(false);
  });
});
