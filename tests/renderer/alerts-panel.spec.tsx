/**
 * The Alerts panel against a fake `/api/alerts`: it lists rules and firings, creates a rule
 * from the form (as the API's JSON), shows the server's 400 in words, and deletes a rule.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { AlertsResponse } from '../../src-main/shared/alert-types';
import { AlertsMount } from '../../src-renderer/components/alerts/AlertsMount';
import { AlertsPanel } from '../../src-renderer/components/alerts/AlertsPanel';
import { EMPTY_DRAFT, toRuleInput } from '../../src-renderer/components/alerts/rule-form';

const RULE = {
  id: 'r1',
  createdAt: '2026-08-07T14:00:00.000Z',
  kind: 'price' as const,
  symbol: 'AAPL',
  direction: 'above' as const,
  level: 250,
};
const LIST: AlertsResponse = {
  rules: [{ rule: RULE, state: 'armed', lastFiredAt: null }],
  history: [
    {
      id: 'e1',
      ruleId: 'r1',
      kind: 'price',
      firedAt: '2026-08-07T15:00:00.000Z',
      title: 'AAPL above $250.00',
      message: 'AAPL is at $251.00, above your level of $250.00.',
      symbol: 'AAPL',
      value: 251,
    },
  ],
  criteriaAvailable: false,
};

function fakeApi(postReply: { status: number; body: unknown }, list: AlertsResponse = LIST) {
  const calls: { method: string; url: string; body?: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ method, url, ...(init?.body ? { body: String(init.body) } : {}) });
      if (method === 'POST') return new Response(JSON.stringify(postReply.body), postReply);
      if (method === 'DELETE') return new Response(null, { status: 204 });
      return new Response(JSON.stringify(list), { status: 200 });
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('AlertsPanel', () => {
  it('lists rules and recent alerts', async () => {
    fakeApi({ status: 201, body: RULE });
    render(<AlertsPanel sectors={['Energy']} onClose={vi.fn()} />);

    expect(await screen.findByText('AAPL above $250')).toBeTruthy();
    expect(screen.getByText('AAPL above $250.00')).toBeTruthy();
  });

  it('creates a rule from the form as JSON', async () => {
    const calls = fakeApi({ status: 201, body: RULE });
    render(<AlertsPanel sectors={['Energy']} initialSymbol="msft" onClose={vi.fn()} />);

    fireEvent.change(screen.getByLabelText('Level ($)'), { target: { value: '400' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add alert' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url).toBe('/api/alerts');
    expect(JSON.parse(post?.body ?? '')).toEqual({
      kind: 'price',
      symbol: 'MSFT',
      direction: 'above',
      level: 400,
    });
  });

  it("shows the server's refusal", async () => {
    fakeApi({ status: 400, body: { error: 'Unknown symbol "ZZZ": it is not on the map.' } });
    render(<AlertsPanel sectors={[]} initialSymbol="ZZZ" onClose={vi.fn()} />);

    fireEvent.change(screen.getByLabelText('Level ($)'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add alert' }));

    expect((await screen.findByRole('alert')).textContent).toMatch(/Unknown symbol "ZZZ"/);
  });

  it('offers criteria rules only when the server can evaluate them', async () => {
    fakeApi({ status: 201, body: RULE });
    render(<AlertsPanel sectors={[]} onClose={vi.fn()} />);
    await screen.findByText('AAPL above $250');

    const kinds = screen.getAllByRole('option').map((o) => o.textContent);
    expect(kinds).toContain('Breadth (share of advancers)');
    expect(kinds).not.toContain('Stocks start matching criteria');
  });

  it('sends a criteria rule and shows the expression error with its caret', async () => {
    const caret = 'Unexpected ">" at 15\nchangePercent >> 2\n               ^';
    const calls = fakeApi(
      { status: 400, body: { error: `Invalid alert rule: expression: ${caret}` } },
      { ...LIST, criteriaAvailable: true },
    );
    render(<AlertsPanel sectors={[]} onClose={vi.fn()} />);
    await screen.findByText('AAPL above $250');

    await userEvent.selectOptions(screen.getByLabelText('Rule'), 'criteria');
    expect(screen.queryByLabelText('Direction')).toBeNull();
    fireEvent.change(screen.getByLabelText('Expression (as in the filter box)'), {
      target: { value: ' changePercent >> 2 ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add alert' }));

    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    const post = calls.find((c) => c.method === 'POST');
    expect(JSON.parse(post?.body ?? '')).toEqual({
      kind: 'criteria',
      expression: 'changePercent >> 2',
    });
    expect((await screen.findByRole('alert')).textContent).toContain('changePercent >> 2\n');
  });

  it('deletes a rule', async () => {
    const calls = fakeApi({ status: 201, body: RULE });
    render(<AlertsPanel sectors={[]} onClose={vi.fn()} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(calls).toContainEqual({ method: 'DELETE', url: '/api/alerts/r1' }));
  });
});

describe('toRuleInput', () => {
  it('says what is missing instead of sending a bad rule', () => {
    expect(toRuleInput({ ...EMPTY_DRAFT, value: '10' })).toEqual({
      ok: false,
      error: 'Enter a symbol, e.g. AAPL.',
    });
    expect(toRuleInput({ ...EMPTY_DRAFT, kind: 'breadth', value: '150' }).ok).toBe(false);
    expect(toRuleInput({ ...EMPTY_DRAFT, kind: 'criteria', expression: '  ' })).toEqual({
      ok: false,
      error: 'Enter an expression, e.g. changePercent > 2 and marketCap > 100B.',
    });
    expect(toRuleInput({ ...EMPTY_DRAFT, kind: 'breadth', value: '60' })).toEqual({
      ok: true,
      rule: { kind: 'breadth', direction: 'above', share: 0.6 },
    });
  });
});

describe('Alerts panel, like Settings', () => {
  it('closes on Escape and gives the focus back to the Alerts button', async () => {
    fakeApi({ status: 201, body: RULE });
    render(<AlertsMount sectors={[]} />);
    const button = screen.getByRole('button', { name: 'Alerts' });

    await userEvent.click(button);
    const panel = screen.getByRole('dialog', { name: 'Alerts' });
    expect(document.activeElement).toBe(panel);
    await screen.findByText('AAPL above $250');

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Alerts' })).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('takes its colours from the theme variables, so it follows light and dark', async () => {
    // HACK: jsdom applies no stylesheet and vitest empties `?raw` CSS imports, so the file is read
    // from disk. The web tsconfig has no Node types (on purpose), hence the untyped import.
    const fs = (await import(/* @vite-ignore */ `node:${'fs'}`)) as {
      readFileSync(path: string, encoding: 'utf8'): string;
    };
    const css = fs.readFileSync('src-renderer/components/alerts/alerts.css', 'utf8');
    expect(css).not.toMatch(/#[0-9a-f]{3,8}\b/i);
    expect(css).toMatch(/background: var\(--panel\)/);
    expect(css).toMatch(/color: var\(--text\)/);
  });
});
