/**
 * The one fake of the `electron` module, loaded for every node test by tests/setup-node.ts and
 * reset before each test with `resetElectronMock()`.
 *
 * Members are `vi.fn()`s typed with Electron's own signatures (from electron.d.ts) and behave
 * as Electron documents them: `ipcMain.handle` refuses a second handler for a channel,
 * `app.quit()` emits `before-quit` then `will-quit` unless a listener prevents it,
 * `BrowserWindow.fromWebContents` finds the owning window, `contextBridge.exposeInMainWorld`
 * refuses to overwrite a key. Helpers prefixed `simulate` stand in for what the OS or a
 * renderer would do.
 *
 * It stays one file, longer than our usual 200 lines, because it mirrors one module: a spec
 * that imports `electron` gets exactly this, and finds every fake in one place.
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';

import type * as Electron from 'electron';
import { type Mock, vi } from 'vitest';

/** Electron's members of a class, minus the EventEmitter ones our fakes inherit from Node. */
type Members<T> = Partial<Omit<T, keyof NodeJS.EventEmitter>>;

// Every vi.fn() created at module level is reset (calls cleared, implementation restored).
const moduleFns: Mock[] = [];
function fn<T extends (...args: never[]) => unknown>(impl?: T): Mock<T> {
  const mock = impl ? vi.fn(impl) : vi.fn<T>();
  moduleFns.push(mock as unknown as Mock);
  return mock;
}

/** A preventable event object, shaped like Electron's `Event<Params>`. */
export function createEvent<P extends object>(params: P = {} as P): Electron.Event<P> {
  let prevented = false;
  return Object.assign(
    {
      preventDefault: () => {
        prevented = true;
      },
      get defaultPrevented() {
        return prevented;
      },
    },
    params,
  );
}

// ---------------------------------------------------------------------------------- frames

export class MockWebFrameMain implements Partial<Electron.WebFrameMain> {
  parent: Electron.WebFrameMain | null = null;
  constructor(public url: string) {}
  get origin(): string {
    return safeOrigin(this.url);
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}

// ---------------------------------------------------------------------------- webContents

let nextWebContentsId = 1;
const allWebContents = new Map<number, MockWebContents>();

export class MockWebContents extends EventEmitter implements Members<Electron.WebContents> {
  readonly id = nextWebContentsId++;
  readonly mainFrame = new MockWebFrameMain('about:blank') as unknown as Electron.WebFrameMain;
  windowOpenHandler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0] | null = null;
  private destroyed = false;

  setWindowOpenHandler = vi.fn<Electron.WebContents['setWindowOpenHandler']>((handler) => {
    this.windowOpenHandler = handler;
  });
  loadURL = vi.fn<Electron.WebContents['loadURL']>(async (url) => {
    (this.mainFrame as unknown as MockWebFrameMain).url = url;
    this.emit('did-finish-load');
  });
  getURL = vi.fn<Electron.WebContents['getURL']>(() => this.mainFrame.url);
  send = vi.fn<Electron.WebContents['send']>();
  focus = vi.fn<Electron.WebContents['focus']>();
  openDevTools = vi.fn<Electron.WebContents['openDevTools']>();
  isDestroyed = vi.fn<Electron.WebContents['isDestroyed']>(() => this.destroyed);

  /** Test introspection only: what the owning window was created with. */
  webPreferences: Electron.WebPreferences | null = null;

  constructor(webPreferences: Electron.WebPreferences | null = null) {
    super();
    this.webPreferences = webPreferences;
    allWebContents.set(this.id, this);
    // Electron emits this on app for every webContents, before anything loads in it.
    app.emit('web-contents-created', createEvent(), this);
  }

  destroy(): void {
    this.destroyed = true;
    allWebContents.delete(this.id);
    this.emit('destroyed');
  }

  /** What Chromium does on `window.open(url)` or a `target=_blank` link. */
  simulateWindowOpen(url: string): Electron.WindowOpenHandlerResponse {
    const details = {
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'default' },
    } as Electron.HandlerDetails;
    // Without a handler Electron allows the window; our code must always install one.
    return this.windowOpenHandler?.(details) ?? { action: 'allow' };
  }

  /** A renderer-initiated navigation; returns whether a listener prevented it. */
  simulateWillNavigate(url: string): boolean {
    const event = createEvent({
      url,
      isSameDocument: false,
      isMainFrame: true,
      frame: this.mainFrame,
    });
    this.emit('will-navigate', event, url, false, true, 0, 0);
    return event.defaultPrevented;
  }

  /** Emits an event that carries a preventable Electron event first (e.g. will-attach-webview). */
  simulatePreventable(name: string, ...args: unknown[]): boolean {
    const event = createEvent();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
}

// --------------------------------------------------------------------------- BrowserWindow

let nextWindowId = 1;
let windows: MockBrowserWindow[] = [];

export class MockBrowserWindow extends EventEmitter implements Members<Electron.BrowserWindow> {
  readonly id = nextWindowId++;
  readonly webContents: MockWebContents & Electron.WebContents;
  private visible: boolean;
  private minimized = false;
  private destroyed = false;

  static getAllWindows = vi.fn(() => [...windows] as unknown as Electron.BrowserWindow[]);
  static getFocusedWindow = vi.fn(() => (windows[0] ?? null) as Electron.BrowserWindow | null);
  static fromWebContents = vi.fn(
    (contents: Electron.WebContents) =>
      (windows.find((w) => w.webContents === contents) ?? null) as Electron.BrowserWindow | null,
  );
  static fromId = vi.fn(
    (id: number) => (windows.find((w) => w.id === id) ?? null) as Electron.BrowserWindow | null,
  );

  constructor(readonly options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    this.webContents = new MockWebContents(options.webPreferences ?? {}) as MockWebContents &
      Electron.WebContents;
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    this.visible = options.show ?? true;
    windows.push(this);
  }

  loadURL = vi.fn<Electron.BrowserWindow['loadURL']>((url, options) =>
    this.webContents.loadURL(url, options),
  );
  show = vi.fn<Electron.BrowserWindow['show']>(() => {
    this.visible = true;
    this.emit('show');
  });
  hide = vi.fn<Electron.BrowserWindow['hide']>(() => {
    this.visible = false;
    this.emit('hide');
  });
  focus = vi.fn<Electron.BrowserWindow['focus']>();
  restore = vi.fn<Electron.BrowserWindow['restore']>(() => {
    this.minimized = false;
  });
  minimize = vi.fn<Electron.BrowserWindow['minimize']>(() => {
    this.minimized = true;
  });
  isMinimized = vi.fn<Electron.BrowserWindow['isMinimized']>(() => this.minimized);
  isVisible = vi.fn<Electron.BrowserWindow['isVisible']>(() => this.visible);
  isDestroyed = vi.fn<Electron.BrowserWindow['isDestroyed']>(() => this.destroyed);
  setMenuBarVisibility = vi.fn<Electron.BrowserWindow['setMenuBarVisibility']>();
  private bounds: Electron.Rectangle;
  private maximized = false;
  getBounds = vi.fn<Electron.BrowserWindow['getBounds']>(() => ({ ...this.bounds }));
  getNormalBounds = vi.fn<Electron.BrowserWindow['getNormalBounds']>(() => ({ ...this.bounds }));
  setBounds = vi.fn<Electron.BrowserWindow['setBounds']>((bounds) => {
    this.bounds = { ...this.bounds, ...bounds };
    this.emit('resize');
    this.emit('move');
  });
  isMaximized = vi.fn<Electron.BrowserWindow['isMaximized']>(() => this.maximized);
  maximize = vi.fn<Electron.BrowserWindow['maximize']>(() => {
    this.maximized = true;
    this.emit('maximize');
  });
  /** Like Electron: `close` is preventable; if not prevented the window is destroyed. */
  close = vi.fn<Electron.BrowserWindow['close']>(() => {
    const event = createEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  });
  destroy = vi.fn<Electron.BrowserWindow['destroy']>(() => {
    if (this.destroyed) return;
    this.destroyed = true;
    windows = windows.filter((w) => w !== this);
    this.webContents.destroy();
    this.emit('closed');
    if (windows.length === 0) app.emit('window-all-closed');
  });

  /** What Electron emits once the first paint is ready (windows created with show: false). */
  simulateReadyToShow(): void {
    this.emit('ready-to-show', createEvent());
  }
}

// ------------------------------------------------------------------------------------- app

interface AppState {
  lockAvailable: boolean;
  hasLock: boolean;
  ready: boolean;
  quitting: boolean;
  version: string;
  appPath: string;
  loginItem: Electron.Settings;
}

const appState: AppState = freshAppState();

function freshAppState(): AppState {
  return {
    lockAvailable: true,
    hasLock: false,
    ready: true,
    quitting: false,
    version: '0.1.0',
    appPath: process.cwd(),
    loginItem: {},
  };
}

class MockApp extends EventEmitter implements Members<Electron.App> {
  isPackaged = false;
  name = 'Market Heatmap';

  requestSingleInstanceLock = fn<Electron.App['requestSingleInstanceLock']>(() => {
    appState.hasLock = appState.lockAvailable;
    return appState.hasLock;
  });
  hasSingleInstanceLock = fn<Electron.App['hasSingleInstanceLock']>(() => appState.hasLock);
  releaseSingleInstanceLock = fn<Electron.App['releaseSingleInstanceLock']>(() => {
    appState.hasLock = false;
  });
  isReady = fn<Electron.App['isReady']>(() => appState.ready);
  whenReady = fn<Electron.App['whenReady']>(() =>
    appState.ready
      ? Promise.resolve()
      : new Promise((resolve) => this.once('ready', () => resolve())),
  );
  getVersion = fn<Electron.App['getVersion']>(() => appState.version);
  getName = fn<Electron.App['getName']>(() => this.name);
  getAppPath = fn<Electron.App['getAppPath']>(() => appState.appPath);
  getPath = fn<Electron.App['getPath']>((name) => path.join(os.tmpdir(), 'electron-mock', name));
  /** Like the OS: off until set, then what was last set. */
  getLoginItemSettings = fn<Electron.App['getLoginItemSettings']>(
    () =>
      ({
        openAtLogin: appState.loginItem.openAtLogin ?? false,
        openAsHidden: appState.loginItem.openAsHidden ?? false,
        wasOpenedAtLogin: false,
        wasOpenedAsHidden: false,
      }) as Electron.LoginItemSettings,
  );
  setLoginItemSettings = fn<Electron.App['setLoginItemSettings']>((settings) => {
    appState.loginItem = { ...settings };
  });
  focus = fn<Electron.App['focus']>();
  exit = fn<Electron.App['exit']>(() => {
    appState.quitting = true;
    this.emit('quit', createEvent(), 0);
  });
  /**
   * Electron's order: `before-quit` (preventable), close every window, `will-quit`
   * (preventable), then `quit`.
   */
  quit = fn<Electron.App['quit']>(() => {
    const before = createEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;

    for (const win of [...windows]) win.close();
    if (windows.length > 0) return;

    const will = createEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return;

    appState.quitting = true;
    this.emit('quit', createEvent(), 0);
  });

  /** The OS launched us again: the first instance gets `second-instance`. */
  simulateSecondInstance(argv: string[] = [], workingDirectory = process.cwd()): void {
    this.emit('second-instance', createEvent(), argv, workingDirectory, {});
  }

  /** Marks the app ready, resolving pending `whenReady()` calls (after `setAppNotReady`). */
  simulateReady(): void {
    appState.ready = true;
    this.emit('ready', createEvent(), {});
  }

  get state(): Readonly<AppState> {
    return appState;
  }

  /** Configures the fake before the code under test runs. */
  configure(
    changes: Partial<Pick<AppState, 'lockAvailable' | 'ready' | 'version' | 'appPath'>>,
  ): void {
    Object.assign(appState, changes);
  }
}

export const app = new MockApp();

// ------------------------------------------------------------------------------------- IPC

type InvokeHandler = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown;
const invokeHandlers = new Map<string, InvokeHandler>();

class MockIpcMain extends EventEmitter implements Members<Electron.IpcMain> {
  handle = fn<Electron.IpcMain['handle']>((channel, listener) => {
    if (invokeHandlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    invokeHandlers.set(channel, listener as InvokeHandler);
  });
  handleOnce = fn<Electron.IpcMain['handleOnce']>((channel, listener) => {
    this.handle(channel, (event, ...args) => {
      invokeHandlers.delete(channel);
      return listener(event, ...args);
    });
  });
  removeHandler = fn<Electron.IpcMain['removeHandler']>((channel) => {
    invokeHandlers.delete(channel);
  });

  /** Channels that currently have a handler. */
  handledChannels(): string[] {
    return [...invokeHandlers.keys()];
  }

  /**
   * What `ipcRenderer.invoke` from `sender` does: runs the handler and resolves or rejects
   * with its result. Like Electron, an unhandled channel rejects with "No handler registered".
   */
  async simulateInvoke(
    channel: string,
    sender: { webContents: Electron.WebContents; url?: string },
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = invokeHandlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const url = sender.url ?? sender.webContents.getURL();
    const event = {
      ...createEvent(),
      sender: sender.webContents,
      senderFrame: new MockWebFrameMain(url) as unknown as Electron.WebFrameMain,
      frameId: 1,
      processId: 1,
      type: 'frame',
    } as unknown as Electron.IpcMainInvokeEvent;
    return handler(event, ...args);
  }
}

export const ipcMain = new MockIpcMain();

class MockIpcRenderer extends EventEmitter implements Members<Electron.IpcRenderer> {
  invoke = fn<Electron.IpcRenderer['invoke']>(async () => undefined);
  send = fn<Electron.IpcRenderer['send']>();

  /** What main's `webContents.send(channel, ...args)` looks like in the preload. */
  simulateMessage(channel: string, ...args: unknown[]): void {
    const event = { sender: this, senderId: 0, ports: [] } as unknown as Electron.IpcRendererEvent;
    this.emit(channel, event, ...args);
  }
}

export const ipcRenderer = new MockIpcRenderer();

const exposedInMainWorld = new Map<string, unknown>();

export const contextBridge = {
  exposeInMainWorld: fn<Electron.ContextBridge['exposeInMainWorld']>((apiKey, api) => {
    if (exposedInMainWorld.has(apiKey)) {
      throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    }
    exposedInMainWorld.set(apiKey, api);
  }),
  /** What the renderer's `window[apiKey]` would hold. */
  exposed(apiKey: string): unknown {
    return exposedInMainWorld.get(apiKey);
  },
  exposedKeys(): string[] {
    return [...exposedInMainWorld.keys()];
  },
};

// ------------------------------------------------------------------------- shell, storage

export const shell = {
  openExternal: fn<Electron.Shell['openExternal']>(async () => undefined),
  openPath: fn<Electron.Shell['openPath']>(async () => ''),
  showItemInFolder: fn<Electron.Shell['showItemInFolder']>(),
};

const ENCRYPTED_PREFIX = 'mock-safe-storage:';

/** Reversible, clearly fake "encryption": enough to check the key is never stored in clear. */
export const safeStorage = {
  isEncryptionAvailable: fn<Electron.SafeStorage['isEncryptionAvailable']>(() => true),
  /** A Linux desktop with a keyring; tests set `basic_text` to play one without. */
  getSelectedStorageBackend: fn<Electron.SafeStorage['getSelectedStorageBackend']>(
    () => 'gnome_libsecret',
  ),
  setUsePlainTextEncryption: fn<Electron.SafeStorage['setUsePlainTextEncryption']>(),
  // Like Electron, encryption throws when it is not available.
  encryptString: fn<Electron.SafeStorage['encryptString']>((plain) => {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('Error while encrypting the text provided to safeStorage.encryptString.');
    }
    return Buffer.from(ENCRYPTED_PREFIX + Buffer.from(plain, 'utf8').toString('base64'), 'utf8');
  }),
  decryptString: fn<Electron.SafeStorage['decryptString']>((encrypted) => {
    const text = encrypted.toString('utf8');
    if (!text.startsWith(ENCRYPTED_PREFIX)) {
      throw new Error('safeStorage.decryptString: the ciphertext was not made by encryptString');
    }
    return Buffer.from(text.slice(ENCRYPTED_PREFIX.length), 'base64').toString('utf8');
  }),
};

export const dialog = {
  showErrorBox: fn<Electron.Dialog['showErrorBox']>(),
  showMessageBox: fn(async (_options: Electron.MessageBoxOptions) => ({
    response: 0,
    checkboxChecked: false,
  })),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: fn<Electron.Session['setPermissionRequestHandler']>(),
    setPermissionCheckHandler: fn<Electron.Session['setPermissionCheckHandler']>(),
  },
};

// --------------------------------------------------------- images, tray, menus, notices

export class MockNativeImage implements Partial<Electron.NativeImage> {
  constructor(
    readonly buffer: Buffer = Buffer.alloc(0),
    private readonly size: Electron.Size = { width: 0, height: 0 },
  ) {}
  isEmpty = vi.fn<Electron.NativeImage['isEmpty']>(() => this.buffer.length === 0);
  getSize = vi.fn<Electron.NativeImage['getSize']>(() => this.size);
  toPNG = vi.fn<Electron.NativeImage['toPNG']>(() => this.buffer);
  toBitmap = vi.fn<Electron.NativeImage['toBitmap']>(() => this.buffer);
  setTemplateImage = vi.fn<Electron.NativeImage['setTemplateImage']>();
}

export const nativeImage = {
  createEmpty: fn(() => new MockNativeImage() as unknown as Electron.NativeImage),
  createFromBuffer: fn(
    (buffer: Buffer, options?: Electron.CreateFromBufferOptions) =>
      new MockNativeImage(buffer, {
        width: options?.width ?? 0,
        height: options?.height ?? 0,
      }) as unknown as Electron.NativeImage,
  ),
  createFromBitmap: fn(
    (buffer: Buffer, options: Electron.CreateFromBitmapOptions) =>
      new MockNativeImage(buffer, {
        width: options.width,
        height: options.height,
      }) as unknown as Electron.NativeImage,
  ),
  createFromPath: fn((_path: string) => new MockNativeImage() as unknown as Electron.NativeImage),
} satisfies Partial<Record<keyof typeof Electron.nativeImage, unknown>>;

export class Tray extends EventEmitter implements Members<Electron.Tray> {
  static instances: Tray[] = [];
  private destroyed = false;
  toolTip = '';
  title = '';
  contextMenu: Electron.Menu | null = null;

  constructor(public image: Electron.NativeImage | string) {
    super();
    Tray.instances.push(this);
  }
  setImage = vi.fn<Electron.Tray['setImage']>((image) => {
    this.image = image;
  });
  setToolTip = vi.fn<Electron.Tray['setToolTip']>((toolTip) => {
    this.toolTip = toolTip;
  });
  setTitle = vi.fn<Electron.Tray['setTitle']>((title) => {
    this.title = title;
  });
  setContextMenu = vi.fn<Electron.Tray['setContextMenu']>((menu) => {
    this.contextMenu = menu;
  });
  destroy = vi.fn<Electron.Tray['destroy']>(() => {
    this.destroyed = true;
  });
  isDestroyed = vi.fn<Electron.Tray['isDestroyed']>(() => this.destroyed);
}

export class Menu implements Partial<Electron.Menu> {
  static applicationMenu: Menu | null = null;
  static buildFromTemplate = vi.fn(
    (template: Electron.MenuItemConstructorOptions[]) =>
      new Menu(template) as unknown as Electron.Menu,
  );
  static setApplicationMenu = vi.fn((menu: Electron.Menu | null) => {
    Menu.applicationMenu = menu as unknown as Menu | null;
  });

  constructor(readonly template: Electron.MenuItemConstructorOptions[] = []) {}
  popup = vi.fn<Electron.Menu['popup']>();

  /** Clicks the item with this label, as a user would. */
  simulateClick(label: string): void {
    const item = this.item(label);
    if (!item) throw new Error(`No menu item labelled '${label}'`);
    // Electron flips a checkbox or radio item before calling its click handler.
    if (item.type === 'checkbox' || item.type === 'radio') item.checked = !item.checked;
    item.click?.(item as unknown as Electron.MenuItem, undefined, {} as Electron.KeyboardEvent);
  }

  /** The item with this label, searched in submenus too. */
  item(label: string): Electron.MenuItemConstructorOptions | undefined {
    const search = (
      items: readonly Electron.MenuItemConstructorOptions[],
    ): Electron.MenuItemConstructorOptions | undefined => {
      for (const item of items) {
        if (item.label === label) return item;
        const sub = Array.isArray(item.submenu) ? search(item.submenu) : undefined;
        if (sub) return sub;
      }
      return undefined;
    };
    return search(this.template);
  }

  /** Every label, in order, submenus flattened after their parent. */
  labels(): string[] {
    const walk = (items: readonly Electron.MenuItemConstructorOptions[]): string[] =>
      items.flatMap((i) => [
        ...(i.label ? [i.label] : []),
        ...(Array.isArray(i.submenu) ? walk(i.submenu) : []),
      ]);
    return walk(this.template);
  }
}

export class Notification extends EventEmitter implements Members<Electron.Notification> {
  static instances: Notification[] = [];
  static isSupported = vi.fn(() => true);

  constructor(readonly options: Electron.NotificationConstructorOptions = {}) {
    super();
    Notification.instances.push(this);
  }
  show = vi.fn<Electron.Notification['show']>(() => {
    this.emit('show', createEvent());
  });
  close = vi.fn<Electron.Notification['close']>(() => {
    this.emit('close', createEvent());
  });

  /** The user clicked the notification. */
  simulateClick(): void {
    this.emit('click', createEvent());
  }
}

// ---------------------------------------------------------------------- screen, power

const DEFAULT_DISPLAY = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  scaleFactor: 1,
} as Electron.Display;
let displays: Electron.Display[] = [DEFAULT_DISPLAY];

function overlap(a: Electron.Rectangle, b: Electron.Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Like Electron: the display most overlapping a rectangle, else the primary one. */
export const screen = Object.assign(new EventEmitter(), {
  getAllDisplays: fn<Electron.Screen['getAllDisplays']>(() => [...displays]),
  getPrimaryDisplay: fn<Electron.Screen['getPrimaryDisplay']>(() => displays[0]!),
  getDisplayMatching: fn<Electron.Screen['getDisplayMatching']>((rect) => {
    const best = [...displays].sort((a, b) => overlap(b.bounds, rect) - overlap(a.bounds, rect));
    return overlap(best[0]!.bounds, rect) > 0 ? best[0]! : displays[0]!;
  }),
  /** Replaces the connected displays (the first is primary). */
  simulateDisplays(next: { bounds: Electron.Rectangle; workArea?: Electron.Rectangle }[]): void {
    displays = next.map((d, i) => ({ ...DEFAULT_DISPLAY, id: i + 1, workArea: d.bounds, ...d }));
  },
});

type IdleState = ReturnType<Electron.PowerMonitor['getSystemIdleState']>;
const powerState = { idleState: 'active' as IdleState, onBattery: false };

/** powerMonitor: events (`on-battery`, `on-ac`, `suspend`, `resume`, …) come from `emit`. */
export const powerMonitor = Object.assign(new EventEmitter(), {
  getSystemIdleState: fn<Electron.PowerMonitor['getSystemIdleState']>(() => powerState.idleState),
  getSystemIdleTime: fn<Electron.PowerMonitor['getSystemIdleTime']>(() =>
    powerState.idleState === 'active' ? 0 : 3600,
  ),
  isOnBatteryPower: fn<Electron.PowerMonitor['isOnBatteryPower']>(() => powerState.onBattery),
  /** Sets what the OS would report; emits `on-battery` / `on-ac` when that changes. */
  simulate(changes: Partial<typeof powerState>): void {
    const wasOnBattery = powerState.onBattery;
    Object.assign(powerState, changes);
    if (powerState.onBattery !== wasOnBattery) {
      powerMonitor.emit(powerState.onBattery ? 'on-battery' : 'on-ac', createEvent());
    }
  },
});

export const BrowserWindow = MockBrowserWindow;

// ------------------------------------------------------------------------------ the module

const electronMock = {
  app,
  BrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  shell,
  dialog,
  safeStorage,
  session,
  nativeImage,
  Tray,
  Menu,
  Notification,
  screen,
  powerMonitor,
};

// Every export the fake provides is a real export of `electron`: no misspelled names.
electronMock satisfies Partial<Record<keyof typeof Electron, unknown>>;

export default electronMock;

/** Restores the fake to a just-launched app: no windows, handlers, listeners or calls. */
export function resetElectronMock(): void {
  // Close the last test's windows so code that tracks them sees 'closed', but without waking
  // that test's app listeners (which could otherwise quit or stop its backend again).
  app.removeAllListeners();
  for (const win of [...windows]) win.destroy();
  for (const win of windows) win.removeAllListeners();
  windows = [];
  allWebContents.clear();
  Object.assign(appState, freshAppState());
  app.isPackaged = false;
  app.removeAllListeners();
  ipcMain.removeAllListeners();
  ipcRenderer.removeAllListeners();
  invokeHandlers.clear();
  exposedInMainWorld.clear();
  Tray.instances = [];
  displays = [DEFAULT_DISPLAY];
  Object.assign(powerState, { idleState: 'active', onBattery: false });
  screen.removeAllListeners();
  powerMonitor.removeAllListeners();
  Notification.instances = [];
  Menu.applicationMenu = null;
  for (const mock of moduleFns) mock.mockReset();
  for (const mock of [
    MockBrowserWindow.getAllWindows,
    MockBrowserWindow.getFocusedWindow,
    MockBrowserWindow.fromWebContents,
    MockBrowserWindow.fromId,
    Menu.buildFromTemplate,
    Menu.setApplicationMenu,
    Notification.isSupported,
  ]) {
    mock.mockClear();
  }
}
