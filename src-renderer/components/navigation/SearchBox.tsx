import { forwardRef, type KeyboardEvent, useId, useRef, useState } from 'react';

import type { Elsewhere, FindElsewhere } from '../../api/universe-client';
import { formatPercent } from '../../lib/format';
import { type Searchable, searchTiles } from './search-tiles';

export interface SearchRow extends Searchable {
  sector: string;
  changePercent: number | null;
}

interface Props {
  rows: readonly SearchRow[];
  onFound(symbol: string): void;
  /** Escape in an empty box: give the focus back (to the map). */
  onDismiss(): void;
  /** The search was closed (Escape emptied it, or it was typed empty): drop its highlight. */
  onClear?(): void;
  /** Looks a missed query up in every instrument the app knows (not only this map's). */
  findElsewhere?: FindElsewhere;
  /** "Show it" for a symbol found elsewhere: change the map (filters, universe) so it is on it. */
  onShowElsewhere?(found: Elsewhere): void;
}

const isMiss = (message: string) => message.startsWith('No ');

/**
 * Ticker or name search as a combobox; choosing a result highlights it on the map. It searches
 * the current map's rows; a miss (Enter) is looked up in every instrument, and one found there
 * (filtered out, or in another universe) is named with a button that changes the map to show it.
 */
export const SearchBox = forwardRef<HTMLInputElement, Props>(function SearchBox(
  { rows, onFound, onDismiss, onClear, findElsewhere, onShowElsewhere },
  ref,
) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [elsewhere, setElsewhere] = useState<Elsewhere | null>(null);
  // Each lookup's number; an answer for an older query (the user typed on) is dropped.
  const lookup = useRef(0);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const results = searchTiles(rows, query);
  const expanded = open && results.length > 0;

  const choose = (symbol: string) => {
    setQuery(symbol);
    setOpen(false);
    setMessage(`${symbol} highlighted on the map.`);
    onFound(symbol);
  };

  const lookElsewhere = async (text: string): Promise<void> => {
    setElsewhere(null);
    if (!text) return setMessage('');
    const miss = `No ticker or name matches “${text}”.`;
    if (!findElsewhere) return setMessage(miss);
    const ticket = ++lookup.current;
    const found = await findElsewhere(text);
    if (ticket !== lookup.current) return;
    if (!found) return setMessage(miss);
    setElsewhere(found);
    setMessage(`${found.symbol} (${found.name}) is not on this map.`);
  };

  const showElsewhere = (found: Elsewhere) => {
    const { symbol } = found;
    setElsewhere(null);
    setMessage(`${symbol} is highlighted on the map.`);
    setQuery(symbol);
    setOpen(false);
    onShowElsewhere?.(found);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!expanded) return setOpen(true);
        const step = event.key === 'ArrowDown' ? 1 : -1;
        return setActive((i) => (i + step + results.length) % results.length);
      }
      case 'Enter': {
        event.preventDefault();
        const hit = results[active] ?? results[0];
        if (hit) return choose(hit.symbol);
        return void lookElsewhere(query.trim());
      }
      case 'Escape':
        // Every Escape also drops the message, so a "no match" never outlives the search.
        event.preventDefault();
        lookup.current++;
        setMessage('');
        setElsewhere(null);
        if (expanded) return setOpen(false);
        if (query) {
          setQuery('');
          return onClear?.();
        }
        return onDismiss();
      default:
        return undefined;
    }
  };

  return (
    <div className="search">
      <label htmlFor={`${id}-input`} className="sr-only">
        Search ticker or name
      </label>
      <input
        ref={ref}
        id={`${id}-input`}
        className="search-input"
        type="search"
        role="combobox"
        placeholder="Search  /"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${id}-opt-${active}` : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
          lookup.current++;
          setMessage('');
          setElsewhere(null);
          if (!e.target.value.trim()) onClear?.();
        }}
        onFocus={() => setOpen(true)}
        onBlur={(e) => {
          setOpen(false);
          // A miss is about the text just typed; leaving the box (a drill-down, a click) ends it,
          // unless the focus moves to its "Show it" button.
          const to = e.relatedTarget;
          if (to instanceof Node && e.currentTarget.parentElement?.contains(to)) return;
          if (isMiss(message) || elsewhere) setMessage('');
          setElsewhere(null);
        }}
        onKeyDown={onKeyDown}
      />
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label="Matches"
        className="search-list"
        hidden={!expanded}
      >
        {results.map((row, i) => (
          <li
            key={row.symbol}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            // Choose before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(row.symbol);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <strong>{row.symbol}</strong> <span className="search-name">{row.name}</span>{' '}
            <span className="search-meta">
              {row.sector} · {formatPercent(row.changePercent)}
            </span>
          </li>
        ))}
      </ul>
      <span className="sr-only" role="status">
        {message || (expanded ? `${results.length} matches` : '')}
      </span>
      {isMiss(message) && (
        <span className="search-miss" aria-hidden="true">
          {message}
        </span>
      )}
      {elsewhere && (
        <span className="search-miss search-elsewhere">
          <span aria-hidden="true">{message}</span>
          {onShowElsewhere && (
            <button
              type="button"
              // Before the input's blur would end the search.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => showElsewhere(elsewhere)}
            >
              Show it
            </button>
          )}
        </span>
      )}
    </div>
  );
});
