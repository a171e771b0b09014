import './filters.css';

import { useRef, useState } from 'react';

import { CriteriaBuilder } from './CriteriaBuilder';
import { type CheckFn, CriteriaInput } from './CriteriaInput';
import { useCloseOnOutsidePress } from './Filters';
import { SavedFilters } from './SavedFilters';
import type { SavedFiltersState } from './use-saved-filters';

interface Props {
  applied: string;
  onApply(expression: string): void;
  saved: SavedFiltersState;
  check?: CheckFn;
}

/** The criteria box, with a disclosure holding the builder and the saved filters. */
export function CriteriaPanel({ applied, onApply, saved, check }: Props) {
  const [proposal, setProposal] = useState<{ expression: string; seq: number } | null>(null);
  const seq = useRef(0);
  const more = useRef<HTMLDetailsElement>(null);
  useCloseOnOutsidePress(more);

  const propose = (expression: string) => {
    setProposal({ expression, seq: ++seq.current });
    if (more.current) more.current.open = false;
  };

  return (
    <div className="criteria-panel">
      <CriteriaInput
        applied={applied}
        fields={saved.fields}
        onApply={onApply}
        proposal={proposal}
        {...(check ? { check } : {})}
      />
      <details
        className="picker criteria-more"
        ref={more}
        onKeyDown={(e) => {
          if (e.key !== 'Escape' || !more.current?.open) return;
          e.preventDefault();
          more.current.open = false;
          more.current.querySelector('summary')?.focus();
        }}
      >
        <summary>Builder &amp; saved</summary>
        <div className="picker-menu criteria-menu">
          <CriteriaBuilder fields={saved.fields} onUse={propose} />
          <SavedFilters
            filters={saved.filters}
            current={applied}
            onRestore={propose}
            onSave={saved.save}
            onDelete={saved.remove}
          />
          {saved.error && <p className="error">{saved.error}</p>}
        </div>
      </details>
    </div>
  );
}
