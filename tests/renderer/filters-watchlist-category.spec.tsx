import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';

import { Filters } from '../../src-renderer/components/filters/Filters';
import { buildQuery, DEFAULT_VIEW, type ViewState } from '../../src-renderer/lib/view-state';

const WATCHLISTS = [
  { id: 'wl-tech', name: 'Big tech' },
  { id: 'wl-oil', name: 'Oil' },
];

function Harness() {
  const [view, setView] = useState<ViewState>(DEFAULT_VIEW);
  return (
    <>
      <Filters
        view={view}
        sectorOptions={['Energy']}
        // The data tags rows of lists with names on this map; 'wl-gone' was deleted since.
        categoryOptions={['sp500', 'watchlist:wl-tech', 'watchlist:wl-gone']}
        watchlists={WATCHLISTS}
        onChange={setView}
      />
      <output aria-label="query">{buildQuery(view)}</output>
    </>
  );
}

describe('Filters: watchlists as categories', () => {
  it('offers each of the user’s watchlists by name in the category picker', () => {
    render(<Harness />);
    const category = screen.getByRole('group', { name: 'Category' });
    expect(within(category).getByRole('checkbox', { name: 'Watchlist: Big tech' })).toBeTruthy();
    expect(within(category).getByRole('checkbox', { name: 'Watchlist: Oil' })).toBeTruthy();
    expect(within(category).getByRole('checkbox', { name: 'S&P 500' })).toBeTruthy();
    expect(within(category).queryByRole('checkbox', { name: /wl-gone/ })).toBeNull();
  });

  it('maps a chosen watchlist onto category=watchlist:<id> in the API query', () => {
    render(<Harness />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Watchlist: Oil' }));
    expect(screen.getByLabelText('query').textContent).toBe('?category=watchlist%3Awl-oil');
    expect(screen.getByLabelText('Category: Watchlist: Oil')).toBeTruthy();
  });
});
