import { type FormEvent, useId, useState } from 'react';

import type { SavedFilter } from '../../../src-main/shared/api-types';

interface Props {
  filters: readonly SavedFilter[];
  /** The criteria in force; saving stores this. */
  current: string;
  onRestore(expression: string): void;
  onSave(name: string, expression: string): Promise<string | null>;
  onDelete(name: string): Promise<string | null>;
}

/** Restore, save and delete named criteria. */
export function SavedFilters({ filters, current, onRestore, onSave, onDelete }: Props) {
  const id = useId();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const selected = filters.find((f) => f.name === chosen);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setMessage({ text: 'Give the filter a name.', error: true });
    const replacing = filters.some((f) => f.name === trimmed);
    const error = await onSave(trimmed, current);
    if (error) return setMessage({ text: `Not saved: ${error}`, error: true });
    setName('');
    setChosen(trimmed);
    const verb = replacing ? 'Updated' : 'Saved';
    return setMessage({ text: `${verb} “${trimmed}”.`, error: false });
  };

  const remove = async () => {
    if (!selected) return;
    const error = await onDelete(selected.name);
    if (error) return setMessage({ text: `Not deleted: ${error}`, error: true });
    setChosen('');
    return setMessage({ text: `Deleted “${selected.name}”.`, error: false });
  };

  return (
    <div className="saved-filters" role="group" aria-label="Saved filters">
      <div className="saved-row">
        <label htmlFor={`${id}-pick`}>Saved</label>
        <select id={`${id}-pick`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{filters.length ? 'Choose a saved filter…' : 'None saved yet'}</option>
          {filters.map((f) => (
            <option key={f.name} value={f.name}>
              {f.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!selected}
          onClick={() => selected && onRestore(selected.expression)}
        >
          Restore
        </button>
        <button type="button" disabled={!selected} onClick={() => void remove()}>
          Delete
        </button>
      </div>
      {selected && <code className="saved-expression">{selected.expression}</code>}
      <form className="saved-row" onSubmit={(e) => void save(e)}>
        <label htmlFor={`${id}-name`}>Save current as</label>
        <input
          id={`${id}-name`}
          type="text"
          value={name}
          placeholder="name"
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={current === ''}>
          Save
        </button>
      </form>
      {current === '' && <p className="hint">Apply some criteria to save them.</p>}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'hint'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
