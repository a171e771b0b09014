import type { Watchlist } from '../../../src-main/shared/api-types';
import { BUILT_IN_UNIVERSES, universeName, WATCHLIST_PREFIX } from '../navigation/labels';

interface Props {
  /** `sp500` … or `watchlist:<id>`; '' or undefined is the default (S&P 500). */
  universe: string | undefined;
  watchlists: readonly Watchlist[];
  onChange(universe: string): void;
}

/**
 * Which list the map shows: an index, the ETFs, everything, or one watchlist. A watchlist can
 * also narrow another map as a category (`category=watchlist:<id>`, see Filters.tsx).
 */
export function UniversePicker({ universe, watchlists, onChange }: Props) {
  const value = universe?.trim() || 'sp500';
  const known =
    (BUILT_IN_UNIVERSES as readonly string[]).includes(value) ||
    watchlists.some((w) => `${WATCHLIST_PREFIX}${w.id}` === value);

  return (
    <label className="universe-picker">
      <span className="picker-label">Map of</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value === 'sp500' ? '' : e.target.value)}
      >
        {BUILT_IN_UNIVERSES.map((id) => (
          <option key={id} value={id}>
            {universeName(id, watchlists)}
          </option>
        ))}
        {watchlists.length > 0 && (
          <optgroup label="Watchlists">
            {watchlists.map((w) => (
              <option key={w.id} value={`${WATCHLIST_PREFIX}${w.id}`}>
                {w.name} ({w.symbols.length})
              </option>
            ))}
          </optgroup>
        )}
        {!known && <option value={value}>{universeName(value, watchlists)}</option>}
      </select>
    </label>
  );
}
