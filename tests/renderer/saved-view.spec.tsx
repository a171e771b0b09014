import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, type Mock, vi } from 'vitest';

import { DEFAULT_VIEW_OPTIONS } from '../../src-renderer/chart/heatmap-view';
import { setLogLevel } from '../../src-renderer/lib/log';
import { SAVE_VIEW_DELAY_MS } from '../../src-renderer/lib/use-saved-view';
import { useUrlViewState } from '../../src-renderer/lib/use-view-url';
import { fromSearch } from '../../src-renderer/lib/view-state';

interface FakeApi {
  getViewState: Mock<() => Promise<string>>;
  setViewState: Mock<(query: string) => Promise<void>>;
}

function fakeHeatmap(saved: string | Error): FakeApi {
  return {
    getViewState: vi.fn(() =>
      saved instanceof Error ? Promise.reject(saved) : Promise.resolve(saved),
    ),
    setViewState: vi.fn(async () => undefined),
  };
}

/** Renders the hook the way App does, with `window.heatmap` as the API. */
async function start(api: FakeApi | undefined, url = '/') {
  window.history.replaceState(null, '', url);
  if (api) window.heatmap = api as unknown as NonNullable<typeof window.heatmap>;
  const hook = renderHook(() => useUrlViewState());
  await act(async () => vi.advanceTimersByTimeAsync(0));
  return hook;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  delete window.heatmap;
  window.history.replaceState(null, '', '/');
  vi.useRealTimers();
  vi.restoreAllMocks();
  setLogLevel('warn');
});

describe('saved view in the app', () => {
  it('restores the saved view at start when the URL has none, and puts it in the URL', async () => {
    const api = fakeHeatmap('?sector=Energy&view=grid&tf=1w');
    const { result } = await start(api);

    expect(api.getViewState).toHaveBeenCalledTimes(1);
    expect(result.current[0]).toEqual(fromSearch('?sector=Energy&view=grid&tf=1w'));
    expect(window.location.search).toBe('?sector=Energy&view=grid&tf=1w');

    await act(async () => vi.advanceTimersByTimeAsync(SAVE_VIEW_DELAY_MS * 2));
    expect(api.setViewState).not.toHaveBeenCalled();
  });

  it('lets a view in the URL win over the saved one, and saves it', async () => {
    const api = fakeHeatmap('?view=grid');
    const { result } = await start(api, '/?sector=Materials');

    expect(api.getViewState).not.toHaveBeenCalled();
    expect(result.current[0].sectors).toEqual(['Materials']);
    await act(async () => vi.advanceTimersByTimeAsync(SAVE_VIEW_DELAY_MS));
    expect(api.setViewState).toHaveBeenCalledWith('?sector=Materials');
  });

  it('reads bad saved values through the URL parser: defaults with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const api = fakeHeatmap('?view=pie&tf=1w');
    const { result } = await start(api);

    expect(result.current[0].options).toEqual({ ...DEFAULT_VIEW_OPTIONS, timeframe: '1w' });
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/view="pie"/);
    // The cleaned view replaces the bad one once it has settled.
    await act(async () => vi.advanceTimersByTimeAsync(SAVE_VIEW_DELAY_MS));
    expect(api.setViewState).toHaveBeenCalledWith('?tf=1w');
  });

  it('keeps the default view when the saved view cannot be read', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const api = fakeHeatmap(new Error('view:get-state: refused'));
    const { result } = await start(api);

    expect(result.current[0]).toEqual(fromSearch(''));
  });

  it('saves changes once they have settled for the debounce delay, only the last one', async () => {
    const api = fakeHeatmap('');
    const { result } = await start(api);

    act(() => result.current[1]({ ...result.current[0], sectors: ['Energy'] }));
    await act(async () => vi.advanceTimersByTimeAsync(SAVE_VIEW_DELAY_MS - 100));
    act(() => result.current[1]({ ...result.current[0], sectors: ['Energy', 'Utilities'] }));
    await act(async () => vi.advanceTimersByTimeAsync(SAVE_VIEW_DELAY_MS - 1));
    expect(api.setViewState).not.toHaveBeenCalled();

    await act(async () => vi.advanceTimersByTimeAsync(1));
    expect(api.setViewState).toHaveBeenCalledTimes(1);
    expect(api.setViewState).toHaveBeenCalledWith('?sector=Energy%2CUtilities');

    act(() => result.current[1]({ ...result.current[0], sectors: [] }));
    await act(async () => vi.advanceTimersByTimeAsync(SAVE_VIEW_DELAY_MS));
    expect(api.setViewState).toHaveBeenLastCalledWith('');
  });

  it('does not overwrite a view the user picked while the saved one was loading', async () => {
    let answer: (saved: string) => void = () => {};
    const api = fakeHeatmap('');
    api.getViewState.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    window.heatmap = api as unknown as NonNullable<typeof window.heatmap>;
    const { result } = renderHook(() => useUrlViewState());

    act(() => result.current[1]({ ...result.current[0], sectors: ['Energy'] }));
    await act(async () => answer('?view=grid'));
    expect(result.current[0].sectors).toEqual(['Energy']);
    expect(result.current[0].options?.view).toBe(DEFAULT_VIEW_OPTIONS.view);

    await act(async () => vi.advanceTimersByTimeAsync(SAVE_VIEW_DELAY_MS));
    expect(api.setViewState).toHaveBeenCalledWith('?sector=Energy');
  });

  it('does nothing without window.heatmap (a browser)', async () => {
    const { result } = await start(undefined, '/?view=grid');
    await act(async () => vi.advanceTimersByTimeAsync(SAVE_VIEW_DELAY_MS));
    expect(result.current[0].options?.view).toBe('grid');
  });
});
