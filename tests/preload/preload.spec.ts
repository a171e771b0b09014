import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { HeatmapApi } from '../../src-main/shared/ipc-contract.js';
import { contextBridge, ipcRenderer } from '../mocks/electron.js';

async function loadPreload(): Promise<HeatmapApi> {
  vi.resetModules();
  await import('../../src-preload/preload.js');
  return contextBridge.exposed('heatmap') as HeatmapApi;
}

describe('preload', () => {
  beforeEach(() => {
    ipcRenderer.invoke.mockResolvedValue({ version: '0.1.0' });
  });

  it('exposes only window.heatmap, made of the named functions', async () => {
    const api = await loadPreload();

    expect(contextBridge.exposedKeys()).toEqual(['heatmap']);
    expect(Object.keys(api).sort()).toEqual(
      [
        'getInfo',
        'getSettings',
        'onSettingsChanged',
        'setSettings',
        'testKey',
        'removeKey',
        'getLaunchAtLogin',
        'setLaunchAtLogin',
        'onFocusSymbol',
        'onShowView',
        'getViewState',
        'setViewState',
      ].sort(),
    );
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(ipcRenderer);
  });

  it('invokes the contract channels with the given arguments', async () => {
    const api = await loadPreload();

    await expect(api.getInfo()).resolves.toEqual({ version: '0.1.0' });
    await api.getSettings();
    await api.setSettings({ provider: 'replay' });
    await api.testKey({ provider: 'finnhub' });
    await api.removeKey('finnhub');
    await api.getViewState();
    await api.setViewState('?view=grid');

    expect(ipcRenderer.invoke.mock.calls).toEqual([
      ['app:get-info'],
      ['settings:get'],
      ['settings:set', { provider: 'replay' }],
      ['settings:test-key', { provider: 'finnhub' }],
      ['settings:remove-key', 'finnhub'],
      ['view:get-state'],
      ['view:set-state', '?view=grid'],
    ]);
  });

  it('strips the Electron event before calling a listener', async () => {
    const api = await loadPreload();
    const listener = vi.fn();

    api.onSettingsChanged(listener);
    ipcRenderer.simulateMessage('settings:changed', { provider: 'replay' });

    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ provider: 'replay' }]);
  });

  it('returns an unsubscribe function that removes the listener', async () => {
    const api = await loadPreload();
    const listener = vi.fn();

    const unsubscribe = api.onSettingsChanged(listener);
    unsubscribe();
    ipcRenderer.simulateMessage('settings:changed', { provider: 'replay' });

    expect(listener).not.toHaveBeenCalled();
    expect(ipcRenderer.listenerCount('settings:changed')).toBe(0);
  });
});
