import './watchlists.css';

import { type FormEvent, useEffect, useId, useRef, useState } from 'react';

import type { Watchlist } from '../../../src-main/shared/api-types';
import type { ImportMode } from '../../api/watchlists-client';
import { describeWatchlistError, type WatchlistsState } from './use-watchlists';
import { csvFileName, downloadText, watchlistCsv } from './watchlist-csv';

interface Props {
  state: WatchlistsState;
  nameOf(symbol: string): string | undefined;
  /** Shows a watchlist as its own map (universe `watchlist:<id>`). */
  onShowMap(id: string): void;
  /** Offers the CSV text for download; a file download by default. */
  onExport?(text: string, fileName: string): void;
}

type Message = { kind: 'ok' | 'error'; lines: string[] } | null;

/** Splits typed symbols on commas and spaces, upper-cased, without empties. */
export function parseSymbols(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
}

/** Reads an uploaded file as text (FileReader: also where Blob.text is missing). */
function readFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file);
  });
}

/** Create, rename, delete, fill, import and export watchlists, and show one as a map. */
export function WatchlistsPanel({ state, nameOf, onShowMap, onExport = downloadText }: Props) {
  const id = useId();
  const [selectedId, setSelectedId] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const selected = state.watchlists.find((w) => w.id === selectedId) ?? state.watchlists[0];

  useEffect(() => setMessage(null), [selected?.id]);

  const report = (ok: boolean, lines: string[]) => setMessage({ kind: ok ? 'ok' : 'error', lines });

  return (
    <div className="watchlists" role="group" aria-label="Watchlists">
      {state.loadError && <p className="error">{state.loadError}</p>}
      <CreateForm
        onCreate={async (name) => {
          const r = await state.create(name);
          report(r.ok, r.ok ? [`Created “${r.value.name}”.`] : describeWatchlistError(r.error));
          if (r.ok) setSelectedId(r.value.id);
          return r.ok;
        }}
      />

      {selected ? (
        <>
          <div className="wl-row">
            <label htmlFor={`${id}-pick`}>Watchlist</label>
            <select
              id={`${id}-pick`}
              value={selected.id}
              onChange={(e) => setSelectedId(e.target.value)}
            >
              {state.watchlists.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name} ({w.symbols.length})
                </option>
              ))}
            </select>
            <button
              type="button"
              className="primary"
              disabled={selected.symbols.length === 0}
              onClick={() => onShowMap(selected.id)}
            >
              Show as map
            </button>
          </div>
          <SelectedWatchlist
            key={selected.id}
            watchlist={selected}
            state={state}
            nameOf={nameOf}
            report={report}
            onExport={onExport}
            onDeleted={() => setSelectedId('')}
          />
        </>
      ) : (
        <p className="hint">No watchlists yet. Create one, or right-click a tile.</p>
      )}

      {message && (
        <div role={message.kind === 'error' ? 'alert' : 'status'} className={`wl-${message.kind}`}>
          {message.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </div>
  );
}

function CreateForm({ onCreate }: { onCreate(name: string): Promise<boolean> }) {
  const id = useId();
  const [name, setName] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() && (await onCreate(name.trim()))) setName('');
  };
  return (
    <form className="wl-row" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-new`}>New watchlist</label>
      <input id={`${id}-new`} value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={!name.trim()}>
        Create
      </button>
    </form>
  );
}

interface SelectedProps {
  watchlist: Watchlist;
  state: WatchlistsState;
  nameOf(symbol: string): string | undefined;
  report(ok: boolean, lines: string[]): void;
  onExport(text: string, fileName: string): void;
  onDeleted(): void;
}

function SelectedWatchlist(props: SelectedProps) {
  const { watchlist, state, nameOf, report, onExport, onDeleted } = props;
  const id = useId();
  const [rename, setRename] = useState(watchlist.name);
  const [adding, setAdding] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [mode, setMode] = useState<ImportMode>('merge');
  const file = useRef<HTMLInputElement>(null);

  const doRename = async (e: FormEvent) => {
    e.preventDefault();
    const r = await state.update(watchlist.id, { name: rename.trim() });
    report(r.ok, r.ok ? [`Renamed to “${r.value.name}”.`] : describeWatchlistError(r.error));
  };

  const doAdd = async (e: FormEvent) => {
    e.preventDefault();
    const symbols = parseSymbols(adding);
    if (symbols.length === 0) return;
    const r = await state.update(watchlist.id, { add: symbols });
    if (r.ok) setAdding('');
    report(r.ok, r.ok ? [`Added ${symbols.join(', ')}.`] : describeWatchlistError(r.error));
  };

  const doRemove = async (symbol: string) => {
    const r = await state.update(watchlist.id, { remove: [symbol] });
    report(r.ok, r.ok ? [`Removed ${symbol}.`] : describeWatchlistError(r.error));
  };

  const doDelete = async () => {
    const r = await state.remove(watchlist.id);
    setConfirming(false);
    if (r.ok) onDeleted();
    report(r.ok, r.ok ? [`Deleted “${watchlist.name}”.`] : describeWatchlistError(r.error));
  };

  const doImport = async () => {
    const chosen = file.current?.files?.[0];
    if (!chosen) return;
    const text = await readFile(chosen);
    const r = await state.importCsv(watchlist.id, text, mode);
    if (file.current) file.current.value = '';
    if (!r.ok) return report(false, ['Nothing was imported.', ...describeWatchlistError(r.error)]);
    const dupes = r.value.duplicates.length
      ? [`Listed more than once (kept once): ${r.value.duplicates.join(', ')}.`]
      : [];
    return report(true, [`Imported ${r.value.imported} symbols from ${chosen.name}.`, ...dupes]);
  };

  const doExport = async () => {
    const r = await state.exportCsv(watchlist.id);
    // Without the server's file, names come from the map's rows (those outside it stay blank).
    onExport(r.ok ? r.value : watchlistCsv(watchlist, nameOf), csvFileName(watchlist));
    report(true, [`Exported ${watchlist.symbols.length} symbols as ${csvFileName(watchlist)}.`]);
  };

  return (
    <div className="wl-selected">
      <form className="wl-row" onSubmit={(e) => void doRename(e)}>
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} value={rename} onChange={(e) => setRename(e.target.value)} />
        <button type="submit" disabled={!rename.trim() || rename.trim() === watchlist.name}>
          Rename
        </button>
        {confirming ? (
          <span className="wl-confirm" role="group" aria-label="Confirm delete">
            Delete “{watchlist.name}”?{' '}
            <button type="button" className="danger" onClick={() => void doDelete()}>
              Yes, delete
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
      </form>

      <ul className="wl-symbols" aria-label={`Symbols in ${watchlist.name}`}>
        {watchlist.symbols.map((s) => (
          <li key={s} title={nameOf(s)}>
            {s}
            <button type="button" aria-label={`Remove ${s}`} onClick={() => void doRemove(s)}>
              ×
            </button>
          </li>
        ))}
        {watchlist.symbols.length === 0 && <li className="hint">Empty</li>}
      </ul>

      <form className="wl-row" onSubmit={(e) => void doAdd(e)}>
        <label htmlFor={`${id}-add`}>Add symbols</label>
        <input
          id={`${id}-add`}
          value={adding}
          placeholder="AAPL, MSFT"
          onChange={(e) => setAdding(e.target.value)}
        />
        <button type="submit" disabled={parseSymbols(adding).length === 0}>
          Add
        </button>
      </form>

      <div className="wl-row">
        <label htmlFor={`${id}-file`}>Import CSV</label>
        <input
          id={`${id}-file`}
          ref={file}
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={() => void doImport()}
        />
        <select
          aria-label="Import mode"
          value={mode}
          onChange={(e) => setMode(e.target.value as ImportMode)}
        >
          <option value="merge">add to the list</option>
          <option value="replace">replace the list</option>
        </select>
        <button type="button" onClick={() => void doExport()}>
          Export CSV
        </button>
      </div>
    </div>
  );
}
