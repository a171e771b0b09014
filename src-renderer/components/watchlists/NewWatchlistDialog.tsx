import '../navigation/navigation.css';

import { type FormEvent, useEffect, useId, useRef, useState } from 'react';

interface Props {
  symbol: string;
  /** Creates the watchlist with `symbol`; resolves to an error message or null. */
  onCreate(name: string, symbol: string): Promise<string | null>;
  onClose(): void;
}

/** Names a new watchlist that starts with the symbol the context menu was opened on. */
export function NewWatchlistDialog({ symbol, onCreate, onClose }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    input.current?.focus();
    return () => previous?.focus?.();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const failure = await onCreate(name.trim(), symbol);
    if (failure) setError(failure);
    else onClose();
  };

  return (
    <div
      className="dialog-backdrop"
      onPointerDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          onClose();
        }}
      >
        <h2 id={`${id}-title`}>New watchlist with {symbol}</h2>
        <p className="wl-row">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            ref={input}
            id={`${id}-name`}
            value={name}
            aria-invalid={!!error}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setName(e.target.value)}
          />
        </p>
        {error && (
          <p id={`${id}-error`} role="alert" className="wl-error">
            {error}
          </p>
        )}
        <div className="wl-row">
          <button type="submit" className="primary" disabled={!name.trim()}>
            Create
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
