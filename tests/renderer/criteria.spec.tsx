import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';

import type {
  FilterCheckResponse,
  FilterFieldInfo,
  SavedFilter,
} from '../../src-main/shared/api-types';
import type { ApiResult } from '../../src-renderer/api/http-json';
import {
  buildExpression,
  numberLiteral,
} from '../../src-renderer/components/filters/build-expression';
import { CriteriaBuilder } from '../../src-renderer/components/filters/CriteriaBuilder';
import { CriteriaInput } from '../../src-renderer/components/filters/CriteriaInput';
import { CriteriaPanel } from '../../src-renderer/components/filters/CriteriaPanel';
import type { SavedFiltersState } from '../../src-renderer/components/filters/use-saved-filters';

const FIELDS: FilterFieldInfo[] = [
  { name: 'changePercent', type: 'number', description: '% change since the previous close' },
  { name: 'marketCap', type: 'number', description: 'Market capitalisation in dollars' },
  { name: 'sector', type: 'string', description: 'GICS sector' },
];

/** A stand-in for `/api/filter-check`: `nope` is an unknown field at its position. */
async function fakeCheck(expression: string): Promise<ApiResult<FilterCheckResponse>> {
  const at = expression.indexOf('nope');
  if (at < 0) return { ok: true, value: { ok: true, expression, fields: ['changePercent'] } };
  return {
    ok: false,
    status: 400,
    error: {
      error: 'Unknown field "nope".',
      accepted: FIELDS.map((f) => f.name),
      filterError: {
        position: at,
        end: at + 4,
        excerpt: `${expression}\n${' '.repeat(at)}^^^^`,
      },
    },
  };
}

function InputHarness({ onApply }: { onApply(e: string): void }) {
  const [applied, setApplied] = useState('');
  return (
    <CriteriaInput
      applied={applied}
      fields={FIELDS}
      check={fakeCheck}
      onApply={(e) => {
        setApplied(e);
        onApply(e);
      }}
    />
  );
}

describe('CriteriaInput', () => {
  it('shows the API’s error with its position, a caret and the fields that exist', async () => {
    const onApply = vi.fn();
    render(<InputHarness onApply={onApply} />);
    const box = screen.getByRole('textbox', { name: 'Criteria' });

    await userEvent.type(box, 'changePercent > 2 and nope < 3{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Unknown field "nope". (at character 23)');
    expect(screen.getByLabelText('Where the expression is wrong').textContent).toBe(
      'changePercent > 2 and nope < 3\n                      ^^^^',
    );
    expect(alert.textContent).toContain('Fields you can use: changePercent, marketCap, sector');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe(alert.id);
    expect(onApply).not.toHaveBeenCalled();
  });

  it('applies a valid expression on Enter and clears it with Clear', async () => {
    const onApply = vi.fn();
    render(<InputHarness onApply={onApply} />);
    const box = screen.getByRole('textbox', { name: 'Criteria' });

    await userEvent.type(box, 'changePercent > 0{Enter}');
    await waitFor(() => expect(onApply).toHaveBeenCalledWith('changePercent > 0'));
    expect(screen.queryByRole('alert')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(onApply).toHaveBeenLastCalledWith('');
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('checks while typing after a pause, without applying', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const check = vi.fn(fakeCheck);
      const onApply = vi.fn();
      render(<CriteriaInput applied="" fields={FIELDS} check={check} onApply={onApply} />);
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      await user.type(screen.getByRole('textbox', { name: 'Criteria' }), 'nope');
      expect(check).not.toHaveBeenCalled();
      await act(() => vi.advanceTimersByTimeAsync(500));
      expect(check).toHaveBeenCalledTimes(1);
      expect(check).toHaveBeenCalledWith('nope');
      expect(await screen.findByRole('alert')).toBeTruthy();
      expect(onApply).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says when the server could not check the expression at all', async () => {
    const down = async (): Promise<ApiResult<FilterCheckResponse>> => ({
      ok: false,
      status: 0,
      error: { error: 'The local server did not answer.' },
    });
    render(<CriteriaInput applied="" fields={FIELDS} check={down} onApply={vi.fn()} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Criteria' }), 'x > 1{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not check the criteria: The local server did not answer.',
    );
  });
});

describe('buildExpression', () => {
  it('joins the conditions into the text a user would type', () => {
    const result = buildExpression(
      [
        { field: 'changePercent', op: '>', value: '2' },
        { field: 'marketCap', op: '>', value: '100B' },
        { field: 'sector', op: '=', value: 'Health "Care"' },
      ],
      'and',
      FIELDS,
    );
    expect(result).toEqual({
      ok: true,
      expression: 'changePercent > 2 and marketCap > 100e9 and sector = "Health \\"Care\\""',
    });
  });

  it('names each bad row and what it needs', () => {
    const result = buildExpression(
      [
        { field: 'changePercent', op: '>', value: 'lots' },
        { field: 'sector', op: '>', value: 'Energy' },
      ],
      'or',
      FIELDS,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { row: 1, message: 'changePercent needs a number, such as 2, -1.5 or 100B (got "lots").' },
        { row: 2, message: '">" does not apply to sector.' },
      ],
    });
  });

  it('reads common ways of writing numbers', () => {
    expect(numberLiteral('1,500')).toBe('1500');
    expect(numberLiteral('-1.5%')).toBe('-1.5');
    expect(numberLiteral('2.5t')).toBe('2.5e12');
    expect(numberLiteral('1e9')).toBe('1e9');
    expect(numberLiteral('abc')).toBeNull();
  });
});

describe('CriteriaBuilder', () => {
  it('produces a valid expression from picked fields and values', async () => {
    const onUse = vi.fn();
    render(<CriteriaBuilder fields={FIELDS} onUse={onUse} />);

    await userEvent.type(screen.getByRole('textbox', { name: 'Value of condition 1' }), '0');
    await userEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Field of condition 2' }),
      'marketCap',
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Comparison of condition 2' }),
      '>=',
    );
    await userEvent.type(screen.getByRole('textbox', { name: 'Value of condition 2' }), '100B');
    await userEvent.click(screen.getByRole('button', { name: 'Use these criteria' }));

    expect(onUse).toHaveBeenCalledWith('changePercent > 0 and marketCap >= 100e9');
  });

  it('uses the default field for a row made before the field list arrived', async () => {
    const onUse = vi.fn();
    const { rerender } = render(<CriteriaBuilder fields={[]} onUse={onUse} />);
    rerender(<CriteriaBuilder fields={FIELDS} onUse={onUse} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Value of condition 1' }), '5');
    await userEvent.click(screen.getByRole('button', { name: 'Use these criteria' }));
    expect(onUse).toHaveBeenCalledWith('changePercent > 5');
  });

  it('offers text comparisons for a text field and reports an empty value', async () => {
    const onUse = vi.fn();
    render(<CriteriaBuilder fields={FIELDS} onUse={onUse} />);
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Field of condition 1' }),
      'sector',
    );
    const ops = screen.getByRole('combobox', { name: 'Comparison of condition 1' });
    expect([...(ops as HTMLSelectElement).options].map((o) => o.value)).toEqual([
      '=',
      '!=',
      'contains',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Use these criteria' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Condition 1: sector needs some text to compare.',
    );
    expect(onUse).not.toHaveBeenCalled();
  });
});

/** Saved filters held in memory, like the server would. */
function fakeSaved(): SavedFiltersState {
  const filters: SavedFilter[] = [];
  const state: SavedFiltersState = {
    filters,
    fields: FIELDS,
    error: null,
    save: vi.fn(async (name: string, expression: string) => {
      const i = filters.findIndex((f) => f.name === name);
      const entry = { name, expression, updatedAt: '2026-12-04T10:00:00Z' };
      if (i >= 0) filters[i] = entry;
      else filters.push(entry);
      return null;
    }),
    remove: vi.fn(async (name: string) => {
      filters.splice(
        filters.findIndex((f) => f.name === name),
        1,
      );
      return null;
    }),
  };
  return state;
}

const applied = () => screen.getByLabelText('applied').textContent;

function PanelHarness({ saved }: { saved: SavedFiltersState }) {
  const [applied, setApplied] = useState('');
  return (
    <>
      <CriteriaPanel applied={applied} onApply={setApplied} saved={saved} check={fakeCheck} />
      <output aria-label="applied">{applied}</output>
    </>
  );
}

describe('saved filters', () => {
  it('saves the applied criteria under a name and restores them later', async () => {
    const saved = fakeSaved();
    const { rerender } = render(<PanelHarness saved={saved} />);
    const box = screen.getByRole('textbox', { name: 'Criteria' });

    await userEvent.type(box, 'changePercent > 1{Enter}');
    await waitFor(() => expect(applied()).toBe('changePercent > 1'));

    await userEvent.click(screen.getByText('Builder & saved'));
    await userEvent.type(screen.getByRole('textbox', { name: 'Save current as' }), 'Movers');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(saved.save).toHaveBeenCalledWith('Movers', 'changePercent > 1');
    const group = screen.getByRole('group', { name: 'Saved filters' });
    expect((await within(group).findByRole('status')).textContent).toBe('Saved “Movers”.');

    await userEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(applied()).toBe('');

    rerender(<PanelHarness saved={{ ...saved, filters: [...saved.filters] }} />);
    await userEvent.click(screen.getByText('Builder & saved'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Saved' }), 'Movers');
    await userEvent.click(screen.getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(applied()).toBe('changePercent > 1'));
    expect((box as HTMLInputElement).value).toBe('changePercent > 1');
  });

  it('puts the builder’s expression into the box and applies it', async () => {
    render(<PanelHarness saved={fakeSaved()} />);
    await userEvent.click(screen.getByText('Builder & saved'));
    await userEvent.type(screen.getByRole('textbox', { name: 'Value of condition 1' }), '-2');
    await userEvent.click(screen.getByRole('button', { name: 'Use these criteria' }));
    await waitFor(() => expect(applied()).toBe('changePercent > -2'));
  });
});

describe('CriteriaInput timing', () => {
  it('applies on Enter while the pause-check of the same text is still in flight', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      const check = vi.fn(async (e: string) => {
        await gate;
        return fakeCheck(e);
      });
      const onApply = vi.fn();
      render(<CriteriaInput applied="" fields={FIELDS} check={check} onApply={onApply} />);
      const box = screen.getByRole('textbox', { name: 'Criteria' });
      fireEvent.change(box, { target: { value: 'changePercent > 0' } });
      await act(() => vi.advanceTimersByTimeAsync(500));
      fireEvent.submit(box);
      release();
      await waitFor(() => expect(onApply).toHaveBeenCalledWith('changePercent > 0'));
      expect(check).toHaveBeenCalledTimes(1);
      expect(screen.queryByText('Checking…')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
