import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, type Mock, vi } from 'vitest';

import { setupIpc } from '../../src-main/ipc.js';
import { createKeyStore } from '../../src-main/key-store.js';
import { createMemoryStore, type KeyValueStore } from '../../src-main/key-value-store.js';
import { createSenderCheck } from '../../src-main/sender-check.js';
import { createSettingsService } from '../../src-main/settings-service.js';
import { createSettingsStore } from '../../src-main/settings-store.js';
import { type EventChannel, INVOKE_CHANNELS } from '../../src-main/shared/ipc-contract.js';
import { createViewStateStore, MAX_VIEW_STATE_BYTES } from '../../src-main/view-state-store.js';
import { createAppWindow, isAppWindow } from '../../src-main/window.js';
import { ipcMain as fakeIpcMain, type MockBrowserWindow } from '../mocks/electron.js';
import { safeStorage } from '../mocks/electron.js';

const ORIGIN = 'http://127.0.0.1:5174';
const INFO = { version: '0.1.0', platform: 'linux', apiBaseUrl: ORIGIN };

let appWindow: MockBrowserWindow;
let dispose: () => void;
let viewKv: KeyValueStore;
let broadcast: Mock<(channel: EventChannel, payload: unknown) => void>;
let engine: {
  configureProvider: Mock<(settings: unknown) => Promise<void>>;
  testKey: Mock<
    (settings: unknown) => Promise<{ ok: true; detail: string } | { ok: false; error: string }>
  >;
};

beforeEach(() => {
  createAppWindow({ url: `${ORIGIN}/`, preloadPath: '/preload.mjs' });
  appWindow = BrowserWindow.getAllWindows()[0] as unknown as MockBrowserWindow;
  broadcast = vi.fn();
  engine = {
    configureProvider: vi.fn(async () => undefined),
    testKey: vi.fn(async () => ({ ok: true as const, detail: 'Finnhub: the key works.' })),
  };
  viewKv = createMemoryStore();
  dispose = setupIpc({
    isTrustedSender: createSenderCheck({ allowedOrigin: ORIGIN, isAppWindow }),
    appInfo: () => INFO,
    settings: createSettingsService({
      store: createSettingsStore(createMemoryStore()),
      keys: createKeyStore(createMemoryStore(), safeStorage, 'linux'),
      engine,
    }),
    broadcast,
    viewState: createViewStateStore(viewKv),
  });
});

const fromApp = () => ({ webContents: appWindow.webContents });

describe('setupIpc', () => {
  it('registers a handler for every channel of the contract', () => {
    expect(fakeIpcMain.handledChannels().sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('answers app:get-info to our own window', async () => {
    await expect(fakeIpcMain.simulateInvoke('app:get-info', fromApp())).resolves.toEqual(INFO);
  });

  it('refuses a sender that is not one of our windows', async () => {
    const stranger = new BrowserWindow() as unknown as MockBrowserWindow;
    await stranger.loadURL(`${ORIGIN}/`);

    await expect(
      fakeIpcMain.simulateInvoke('app:get-info', { webContents: stranger.webContents }),
    ).rejects.toThrow('app:get-info: refused, the sender is not an app window');
  });

  it('refuses our window when it shows a page from another origin', async () => {
    await expect(
      fakeIpcMain.simulateInvoke('settings:get', { ...fromApp(), url: 'https://evil.example/' }),
    ).rejects.toThrow(/refused/);
  });

  it.each([
    [
      'an unknown provider',
      [{ provider: 'nope' }],
      /settings:set: invalid arguments at 0\.provider/,
    ],
    ['an unknown field', [{ provider: 'replay', baseUrl: 'x' }], /settings:set: invalid arguments/],
    ['an empty key', [{ provider: 'finnhub', apiKey: '  ' }], /invalid arguments at 0\.apiKey/],
    ['a key with spaces', [{ apiKey: 'two words' }], /at 0\.apiKey: expected letters/],
    ['a key that is not text', [{ apiKey: 1234 }], /invalid arguments at 0\.apiKey/],
    ['a zero rate cap', [{ rateLimitPerMinute: 0 }], /at 0\.rateLimitPerMinute/],
    ['a string', ['replay'], /settings:set: invalid arguments/],
    ['no argument', [], /settings:set: invalid arguments/],
    ['an extra argument', [{}, {}], /settings:set: invalid arguments/],
  ])('refuses settings:set with %s', async (_label, args, message) => {
    await expect(fakeIpcMain.simulateInvoke('settings:set', fromApp(), ...args)).rejects.toThrow(
      message,
    );
  });

  it('refuses arguments on channels that take none', async () => {
    await expect(fakeIpcMain.simulateInvoke('app:get-info', fromApp(), 'x')).rejects.toThrow(
      /app:get-info: invalid arguments/,
    );
  });

  it('saves valid settings and pushes them to the windows', async () => {
    const patch = { provider: 'replay' };
    const next = await fakeIpcMain.simulateInvoke('settings:set', fromApp(), patch);

    expect(next).toEqual({
      provider: 'replay',
      rateLimitPerMinute: null,
      keys: {},
      keyStorage: 'os-keychain',
    });
    await expect(fakeIpcMain.simulateInvoke('settings:get', fromApp())).resolves.toEqual(next);
    expect(broadcast).toHaveBeenCalledWith('settings:changed', next);
  });

  it.each([
    ['the replay', [{ provider: 'replay' }], /at 0\.provider/],
    ['an unknown field', [{ provider: 'finnhub', baseUrl: 'http://x' }], /invalid arguments/],
    ['no argument', [], /settings:test-key: invalid arguments/],
  ])('refuses settings:test-key for %s', async (_label, args, message) => {
    await expect(
      fakeIpcMain.simulateInvoke('settings:test-key', fromApp(), ...args),
    ).rejects.toThrow(message);
    expect(engine.testKey).not.toHaveBeenCalled();
  });

  it('switches the engine to a new provider and key, and never replies with the key', async () => {
    const key = 'fh-secret-key-1a2b';
    const next = await fakeIpcMain.simulateInvoke('settings:set', fromApp(), {
      provider: 'finnhub',
      apiKey: key,
    });

    expect(engine.configureProvider).toHaveBeenCalledWith({ provider: 'finnhub', apiKey: key });
    expect(next).toMatchObject({
      provider: 'finnhub',
      keys: { finnhub: { hint: '••••1a2b' } },
    });
    const get = await fakeIpcMain.simulateInvoke('settings:get', fromApp());
    const pushed = broadcast.mock.calls.map(([, payload]) => payload);
    expect(JSON.stringify([next, get, pushed])).not.toContain(key);
  });

  it('removes a stored key through the channel and refuses anything but a live provider', async () => {
    await fakeIpcMain.simulateInvoke('settings:set', fromApp(), {
      provider: 'finnhub',
      apiKey: 'fh-secret-key-1a2b',
    });

    for (const bad of ['replay', 'yahoo', 42]) {
      await expect(
        fakeIpcMain.simulateInvoke('settings:remove-key', fromApp(), bad),
      ).rejects.toThrow(/settings:remove-key: invalid arguments at 0/);
    }
    const next = await fakeIpcMain.simulateInvoke('settings:remove-key', fromApp(), 'finnhub');

    expect(next).toMatchObject({ provider: 'replay', keys: {} });
    expect(broadcast).toHaveBeenLastCalledWith('settings:changed', next);
  });

  it('tests a key through the engine without switching to it', async () => {
    const reply = await fakeIpcMain.simulateInvoke('settings:test-key', fromApp(), {
      provider: 'finnhub',
      apiKey: 'fh-typed-key-9999',
    });

    expect(reply).toEqual({ ok: true, detail: 'Finnhub: the key works.' });
    expect(engine.testKey).toHaveBeenCalledWith({
      provider: 'finnhub',
      apiKey: 'fh-typed-key-9999',
    });
    expect(engine.configureProvider).not.toHaveBeenCalled();
  });

  it('refuses a call from a subframe of our window', async () => {
    const event = {
      sender: appWindow.webContents,
      senderFrame: { url: `${ORIGIN}/`, parent: appWindow.webContents.mainFrame },
    } as unknown as IpcMainInvokeEvent;

    expect(createSenderCheck({ allowedOrigin: ORIGIN, isAppWindow })(event)).toBe(false);
  });

  it('removes its handlers when disposed, so they can be registered again', () => {
    dispose();

    expect(fakeIpcMain.handledChannels()).toEqual([]);
    expect(() => ipcMain.handle('app:get-info', () => null)).not.toThrow();
  });

  describe('view state', () => {
    it('answers view:get-state with an empty string when nothing is saved', async () => {
      await expect(fakeIpcMain.simulateInvoke('view:get-state', fromApp())).resolves.toBe('');
    });

    it('saves a query string and reads it back, and forgets it when set to empty', async () => {
      const query = '?sector=Energy%2CMaterials&filter=changePercent+%3E+2&view=grid&tf=1w';

      await expect(
        fakeIpcMain.simulateInvoke('view:set-state', fromApp(), query),
      ).resolves.toBeUndefined();
      await expect(fakeIpcMain.simulateInvoke('view:get-state', fromApp())).resolves.toBe(query);
      expect(viewKv.get('viewState')).toBe(query);

      await fakeIpcMain.simulateInvoke('view:set-state', fromApp(), '');
      await expect(fakeIpcMain.simulateInvoke('view:get-state', fromApp())).resolves.toBe('');
      expect(viewKv.get('viewState')).toBeUndefined();
    });

    it.each([
      ['view:get-state', []],
      ['view:set-state', ['?view=grid']],
    ])('refuses %s from a sender that is not one of our windows', async (channel, args) => {
      const stranger = new BrowserWindow() as unknown as MockBrowserWindow;
      await stranger.loadURL(`${ORIGIN}/`);

      await expect(
        fakeIpcMain.simulateInvoke(channel, { webContents: stranger.webContents }, ...args),
      ).rejects.toThrow(`${channel}: refused, the sender is not an app window`);
      expect(viewKv.get('viewState')).toBeUndefined();
    });

    it.each([
      ['a query over 4 KiB', [`?filter=${'a'.repeat(MAX_VIEW_STATE_BYTES)}`], /at most 4096 bytes/],
      ['a query without the leading ?', ['view=grid'], /at 0: expected ''/],
      ['a query with a space', ['?filter=a b'], /at 0: expected ''/],
      ['a query with a fragment', ['?view=grid#x'], /at 0: expected ''/],
      ['a broken % escape', ['?filter=%E0%A4%A'], /at 0: expected ''/],
      ['non-ASCII text', ['?in=Énergie'], /at 0: expected ''/],
      ['a number', [42], /view:set-state: invalid arguments at 0/],
      ['an object', [{ view: 'grid' }], /view:set-state: invalid arguments at 0/],
      ['no argument', [], /view:set-state: invalid arguments/],
      ['an extra argument', ['?view=grid', 'x'], /view:set-state: invalid arguments/],
    ])('refuses view:set-state with %s', async (_label, args, message) => {
      await expect(
        fakeIpcMain.simulateInvoke('view:set-state', fromApp(), ...args),
      ).rejects.toThrow(message);
      expect(viewKv.get('viewState')).toBeUndefined();
    });

    it('accepts a query of exactly 4 KiB', async () => {
      const query = `?filter=${'a'.repeat(MAX_VIEW_STATE_BYTES - '?filter='.length)}`;
      await fakeIpcMain.simulateInvoke('view:set-state', fromApp(), query);
      await expect(fakeIpcMain.simulateInvoke('view:get-state', fromApp())).resolves.toBe(query);
    });

    it('reads a hand-edited, invalid saved view as no saved view', async () => {
      viewKv.set('viewState', { view: 'grid' });
      await expect(fakeIpcMain.simulateInvoke('view:get-state', fromApp())).resolves.toBe('');
      viewKv.set('viewState', 'not a query');
      await expect(fakeIpcMain.simulateInvoke('view:get-state', fromApp())).resolves.toBe('');
    });
  });
});
