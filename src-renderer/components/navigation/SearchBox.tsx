import { forwardRef, type KeyboardEvent, useId, useState } from 'react';

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
}

const isMiss = (message: string) => message.startsWith('No ');

/**
 * Ticker or name search as a combobox; choosing a result highlights it on the map.
 * TODO: it searches the rows of the current map (universe and filters). A symbol outside them
 * says "no match" instead of offering to switch maps; searching the whole universe list would
 * need the server's instrument list without quotes (no such route yet).
 */
export const SearchBox = forwardRef<HTMLInputElement, Props>(function SearchBox(
  { rows, onFound, onDismiss, onClear },
  ref,
) {
  const id = useId();
  const [query, setQuery] = useState('');
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
        return setMessage(query.trim() ? `No ticker or name matches “${query.trim()}”.` : '');
      }
      case 'Escape':
        // Every Escape also drops the message, so a "no match" never outlives the search.
        event.preventDefault();
        setMessage('');
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
          setMessage('');
          if (!e.target.value.trim()) onClear?.();
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          // A miss is about the text just typed; leaving the box (a drill-down, a click) ends it.
          if (isMiss(message)) setMessage('');
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
    </div>
  );
});
