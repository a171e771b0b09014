import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';

import { Filters } from '../../src-renderer/components/filters/Filters';
import { buildQuery, DEFAULT_VIEW, type ViewState } from '../../src-renderer/lib/view-state';

const SECTORS = ['Energy', 'Health Care', 'Utilities'];
const CATEGORIES = ['dow30', 'nasdaq100', 'sp500'];

/** Holds the view like App does and shows the API query it maps to. */
function Harness({ onChange }: { onChange?: (v: ViewState) => void }) {
  const [view, setView] = useState<ViewState>(DEFAULT_VIEW);
  return (
    <>
      <Filters
        view={view}
        sectorOptions={SECTORS}
        categoryOptions={CATEGORIES}
        onChange={(v) => {
          setView(v);
          onChange?.(v);
        }}
      />
      <output aria-label="query">{buildQuery(view)}</output>
    </>
  );
}

describe('Filters', () => {
  it('offers every sector and category from the data as a checkbox', () => {
    render(<Harness />);
    const sector = screen.getByRole('group', { name: 'Sector' });
    expect(within(sector).getAllByRole('checkbox')).toHaveLength(3);
    const category = screen.getByRole('group', { name: 'Category' });
    expect(within(category).getByRole('checkbox', { name: 'Dow 30' })).toBeTruthy();
    expect(within(category).getByRole('checkbox', { name: 'Nasdaq-100' })).toBeTruthy();
  });

  it('shows "All" while nothing is chosen', () => {
    render(<Harness />);
    expect(screen.getByLabelText('Sector: All')).toBeTruthy();
    expect(screen.getByLabelText('Category: All')).toBeTruthy();
  });

  it('maps chosen sectors and categories onto the API query', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Utilities' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Energy' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Dow 30' }));

    expect(screen.getByLabelText('query').textContent).toBe(
      '?sector=Energy%2CUtilities&category=dow30',
    );
    expect(onChange).toHaveBeenLastCalledWith({
      sectors: ['Energy', 'Utilities'],
      categories: ['dow30'],
    });
    const energy = screen.getByRole('checkbox', { name: 'Energy' }) as HTMLInputElement;
    expect(energy.checked).toBe(true);
  });

  it('unticking a sector removes it from the query', () => {
    render(<Harness />);
    const energy = screen.getByRole('checkbox', { name: 'Energy' });
    fireEvent.click(energy);
    fireEvent.click(energy);
    expect(screen.getByLabelText('query').textContent).toBe('');
  });

  it('clears a filter with its "show all" button', () => {
    render(<Harness />);
    const showAll = screen.getByRole('button', { name: 'Show all sectors' });
    expect((showAll as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Health Care' }));
    expect(screen.getByLabelText('Sector: Health Care')).toBeTruthy();
    fireEvent.click(showAll);
    expect(screen.getByLabelText('query').textContent).toBe('');
    expect(screen.getByLabelText('Sector: All')).toBeTruthy();
  });

  it('closes the open list on Escape and returns focus to its button', () => {
    render(<Harness />);
    const summary = screen.getByLabelText('Sector: All');
    const details = summary.closest('details') as HTMLDetailsElement;
    details.open = true;

    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'Energy' }), { key: 'Escape' });
    expect(details.open).toBe(false);
    expect(document.activeElement).toBe(summary);
  });
});
