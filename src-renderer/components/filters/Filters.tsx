import { type KeyboardEvent, useEffect, useId, useRef } from 'react';

import type { Watchlist } from '../../../src-main/shared/api-types';
import type { ViewState } from '../../lib/view-state';
import { toggleValue } from '../../lib/view-state';
import { WATCHLIST_PREFIX } from '../navigation/labels';

interface PickerProps {
  label: string;
  options: string[];
  selected: string[];
  onChange(next: string[]): void;
  describe?: (value: string) => string;
}

/** Closes an open disclosure on a press outside it. */
export function useCloseOnOutsidePress(ref: React.RefObject<HTMLDetailsElement | null>) {
  useEffect(() => {
    const onPress = (event: PointerEvent) => {
      const el = ref.current;
      if (el?.open && event.target instanceof Node && !el.contains(event.target)) el.open = false;
    };
    document.addEventListener('pointerdown', onPress);
    return () => document.removeEventListener('pointerdown', onPress);
  }, [ref]);
}

/** A multi-select as a disclosure of checkboxes; "all" when nothing is ticked. */
function MultiPicker({ label, options, selected, onChange, describe = (v) => v }: PickerProps) {
  const id = useId();
  const ref = useRef<HTMLDetailsElement>(null);
  const summary = selected.length === 0 ? 'All' : selected.map(describe).join(', ');
  useCloseOnOutsidePress(ref);

  const onKeyDown = (event: KeyboardEvent) => {
    const el = ref.current;
    if (event.key !== 'Escape' || !el?.open) return;
    // Handled: the page's Escape (drill up) must not also act.
    event.preventDefault();
    el.open = false;
    el.querySelector('summary')?.focus();
  };

  return (
    <details className="picker" ref={ref} onKeyDown={onKeyDown}>
      <summary aria-label={`${label}: ${summary}`}>
        <span className="picker-label">{label}</span>
        <span className="picker-value">{summary}</span>
      </summary>
      <fieldset className="picker-menu" aria-labelledby={`${id}-legend`}>
        <legend id={`${id}-legend`}>{label}</legend>
        {options.map((option) => (
          <label key={option}>
            <input
              type="checkbox"
              checked={selected.includes(option)}
              onChange={() => onChange(toggleValue(selected, option))}
            />
            {describe(option)}
          </label>
        ))}
        <button type="button" onClick={() => onChange([])} disabled={selected.length === 0}>
          Show all {label.toLowerCase()}s
        </button>
      </fieldset>
    </details>
  );
}

const CATEGORY_NAMES: Record<string, string> = {
  sp500: 'S&P 500',
  nasdaq100: 'Nasdaq-100',
  dow30: 'Dow 30',
  stock: 'Stocks',
  etf: 'ETFs',
};

/** Human name of a category id; unknown ids are shown as they are. */
export function categoryName(id: string): string {
  return CATEGORY_NAMES[id] ?? id;
}

interface Props {
  view: ViewState;
  sectorOptions: string[];
  categoryOptions: string[];
  /** The user's watchlists, offered as categories (`watchlist:<id>`) that narrow this map. */
  watchlists?: readonly Pick<Watchlist, 'id' | 'name'>[];
  onChange(next: ViewState): void;
}

/**
 * Category options: the data's categories, then every watchlist, even one with no names on this
 * map (the server tags rows `watchlist:<id>`, so only lists with names here arrive in the data).
 */
export function categoryOptionsWith(
  options: readonly string[],
  watchlists: readonly Pick<Watchlist, 'id'>[],
): string[] {
  const lists = watchlists.map((w) => `${WATCHLIST_PREFIX}${w.id}`);
  return [...new Set([...options.filter((o) => !o.startsWith(WATCHLIST_PREFIX)), ...lists])];
}

/** The sector and category filters. Options come from the data the server sent. */
export function Filters({
  view,
  sectorOptions,
  categoryOptions,
  watchlists = [],
  onChange,
}: Props) {
  const names = new Map(watchlists.map((w) => [`${WATCHLIST_PREFIX}${w.id}`, w.name]));
  const describeCategory = (id: string) => {
    const list = names.get(id);
    return list === undefined ? categoryName(id) : `Watchlist: ${list}`;
  };

  return (
    <div className="filters" role="group" aria-label="Filters">
      <MultiPicker
        label="Sector"
        options={sectorOptions}
        selected={view.sectors}
        onChange={(sectors) => onChange({ ...view, sectors })}
      />
      <MultiPicker
        label="Category"
        options={categoryOptionsWith(categoryOptions, watchlists)}
        selected={view.categories}
        onChange={(categories) => onChange({ ...view, categories })}
        describe={describeCategory}
      />
    </div>
  );
}
