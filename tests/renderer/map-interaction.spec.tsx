import { act, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';

import type { DrillPath, HeatmapHandle } from '../../src-renderer/chart/heatmap-view';
import { useMapInteraction } from '../../src-renderer/components/navigation/use-map-interaction';
import type { Tile } from '../../src-renderer/lib/tiles';

/** The page's key handling without a map: a search box, a button, and the drill path. */
function Page({ start }: { start: DrillPath }) {
  const [drill, setDrill] = useState<DrillPath>(start);
  const search = useRef<HTMLInputElement>(null);
  const map = useRef<HeatmapHandle>(null);
  useMapInteraction({
    map,
    tiles: [],
    drill,
    setDrill,
    focusSearch: () => search.current?.focus(),
    focusMap: () => undefined,
    describe: () => '',
  });
  return (
    <>
      <input ref={search} aria-label="Search" />
      <button type="button">Elsewhere</button>
      <output aria-label="drill">
        {[drill.sector, drill.industry].filter(Boolean).join(' › ')}
      </output>
    </>
  );
}

describe('page keys', () => {
  it('focuses search on "/" from anywhere but a text field', async () => {
    render(<Page start={{}} />);
    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    await userEvent.keyboard('/');
    const box = screen.getByRole('textbox', { name: 'Search' });
    expect(document.activeElement).toBe(box);
    await userEvent.keyboard('/');
    expect((box as HTMLInputElement).value).toBe('/');
  });

  it('goes up one level on Escape outside the map, but not from a text field', async () => {
    render(<Page start={{ sector: 'Energy', industry: 'Oil' }} />);
    screen.getByRole('button', { name: 'Elsewhere' }).focus();
    await userEvent.keyboard('{Escape}');
    expect(screen.getByLabelText('drill').textContent).toBe('Energy');
    screen.getByRole('textbox', { name: 'Search' }).focus();
    await userEvent.keyboard('{Escape}');
    expect(screen.getByLabelText('drill').textContent).toBe('Energy');
  });
});

describe('search highlight', () => {
  it('goes away when the search is closed', () => {
    const tile = { symbol: 'AAPL', sector: 'IT', industry: 'Hardware' } as Tile;
    const { result } = renderHook(() =>
      useMapInteraction({
        map: { current: null },
        tiles: [tile],
        drill: {},
        setDrill: () => undefined,
        focusSearch: () => undefined,
        focusMap: () => undefined,
        describe: () => '',
      }),
    );
    act(() => result.current.find('AAPL'));
    expect(result.current.highlighted).toBe('AAPL');
    act(() => result.current.clearHighlight());
    expect(result.current.highlighted).toBeNull();
  });
});
