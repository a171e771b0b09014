/**
 * Every IPC channel between the Electron main process and the preload, with its request and
 * reply types beside it. Main and preload import this module; the renderer uses `import type`.
 *
 * It imports nothing, so it compiles in both the Node and the web tsconfig. Market data does
 * not travel over IPC: the renderer reads it from the local HTTP API in the app and in a
 * browser alike. IPC carries only desktop concerns (app info, settings; later tray, alerts).
 */

/**
 * Provider ids the user may choose: the embedded replay and the live providers (the same ids
 * as src-main/core/providers/registry.ts; a test keeps the two lists equal).
 */
export const PROVIDER_IDS = [
  'replay',
  'finnhub',
  'alpaca',
  'polygon',
  'twelvedata',
  'fmp',
  'alphavantage',
] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];
export type LiveProviderId = Exclude<ProviderId, 'replay'>;

/**
 * Where the shell keeps API keys: encrypted with the OS keychain (Electron safeStorage), or,
 * when no keychain is available, in memory for this session only (never in plain text).
 */
export type KeyStorage = 'os-keychain' | 'memory-only';

/** What the renderer may know about a stored key: that it exists and its last characters. */
export interface StoredKeyInfo {
  /** The key masked to its last 4 characters, e.g. `••••1a2b`. Never the key itself. */
  hint: string;
  /** Whether a secret is stored with it (Alpaca). */
  hasSecret: boolean;
}

/** What the renderer may learn about the running app. */
export interface AppInfo {
  version: string;
  /** `process.platform` of the main process: `linux`, `darwin`, `win32`, … */
  platform: string;
  /** Origin of the local HTTP API, e.g. `http://127.0.0.1:53711` (no trailing slash). */
  apiBaseUrl: string;
}

/** User settings kept by the shell, as the renderer sees them: keys only as masked hints. */
export interface Settings {
  provider: ProviderId;
  /** The user's lower cap on calls per minute, or null for the provider's own limit. */
  rateLimitPerMinute: number | null;
  /** The stored key of each live provider that has one. */
  keys: Partial<Record<LiveProviderId, StoredKeyInfo>>;
  keyStorage: KeyStorage;
}

/**
 * A partial update of the settings; unknown fields are refused. `apiKey` and `apiSecret` are
 * write-only: they replace the stored key of the patch's provider (or the current one) and
 * never come back in any reply.
 */
export interface SettingsPatch {
  provider?: ProviderId;
  rateLimitPerMinute?: number | null;
  apiKey?: string;
  apiSecret?: string;
}

/**
 * What "Test key" tests: a live provider, with a key typed in the form, or (key omitted)
 * the key stored for that provider.
 */
export interface KeyTestRequest {
  provider: LiveProviderId;
  apiKey?: string;
  apiSecret?: string;
}

/** The answer of "Test key", said plainly; never contains the key. */
export type KeyTestReply = { ok: true; detail: string } | { ok: false; error: string };

/** Views main can ask the renderer to show (tray menu "Settings…", an alert's notification). */
export const APP_VIEWS = ['map', 'settings', 'alerts'] as const;
export type AppView = (typeof APP_VIEWS)[number];

/** Channels the renderer invokes (`ipcRenderer.invoke` → `ipcMain.handle`). */
export interface InvokeContract {
  'app:get-info': { request: []; reply: AppInfo };
  'settings:get': { request: []; reply: Settings };
  'settings:set': { request: [patch: SettingsPatch]; reply: Settings };
  'settings:test-key': { request: [request: KeyTestRequest]; reply: KeyTestReply };
  /**
   * Forgets the stored key of a provider (keychain and session). If that provider is the
   * current one, the map goes back to the replay. Replies with the settings now.
   */
  'settings:remove-key': { request: [provider: LiveProviderId]; reply: Settings };
  /** Launch at login (off unless the user turns it on); replies with the state now. */
  'desktop:get-launch-at-login': { request: []; reply: boolean };
  'desktop:set-launch-at-login': { request: [enabled: boolean]; reply: boolean };
  /**
   * The view last saved by the renderer: a query string as in the page URL in a browser
   * (`?sector=Energy&view=grid`), or '' when none is saved.
   */
  'view:get-state': { request: []; reply: string };
  /** Saves the view: '' or an encoded query string starting with `?`, at most 4 KiB. */
  'view:set-state': { request: [query: string]; reply: void };
}

/** Channels main pushes to the renderer (`webContents.send` → `ipcRenderer.on`). */
export interface EventContract {
  'settings:changed': Settings;
  /** Open the map drilled to this symbol's tile (the user clicked its alert). */
  'app:focus-symbol': { symbol: string };
  /** Show this view (tray menu "Settings…", the "more alerts" notification). */
  'app:show-view': { view: AppView };
}

export type InvokeChannel = keyof InvokeContract;
export type EventChannel = keyof EventContract;
export type InvokeRequest<C extends InvokeChannel> = InvokeContract[C]['request'];
export type InvokeReply<C extends InvokeChannel> = InvokeContract[C]['reply'];

/** Runtime list of the channel names, checked against the contract types above. */
export const INVOKE_CHANNELS = [
  'app:get-info',
  'settings:get',
  'settings:set',
  'settings:test-key',
  'settings:remove-key',
  'desktop:get-launch-at-login',
  'desktop:set-launch-at-login',
  'view:get-state',
  'view:set-state',
] as const satisfies readonly InvokeChannel[];
export const EVENT_CHANNELS = [
  'settings:changed',
  'app:focus-symbol',
  'app:show-view',
] as const satisfies readonly EventChannel[];

/**
 * The object the preload exposes as `window.heatmap`: small named functions only, never
 * `ipcRenderer` itself. Each `onX` returns its unsubscribe function.
 */
export interface HeatmapApi {
  getInfo(): Promise<AppInfo>;
  getSettings(): Promise<Settings>;
  setSettings(patch: SettingsPatch): Promise<Settings>;
  /** Makes one cheap call with the key and says what happened; switches nothing. */
  testKey(request: KeyTestRequest): Promise<KeyTestReply>;
  /** Forgets a provider's stored key; the current provider falls back to the replay. */
  removeKey(provider: LiveProviderId): Promise<Settings>;
  onSettingsChanged(listener: (settings: Settings) => void): () => void;
  getLaunchAtLogin(): Promise<boolean>;
  setLaunchAtLogin(enabled: boolean): Promise<boolean>;
  /** The view saved by `setViewState`, as a query string; '' when none is saved. */
  getViewState(): Promise<string>;
  /** Remembers the view across starts (the app's page URL does not survive a restart). */
  setViewState(query: string): Promise<void>;
  /** Main asks to open the map at a symbol's tile (an alert was clicked). */
  onFocusSymbol(listener: (symbol: string) => void): () => void;
  /** Main asks to show a view (Settings from the tray menu, the Alerts panel). */
  onShowView(listener: (view: AppView) => void): () => void;
}

/** The global name the preload exposes the API under. */
export const PRELOAD_API_KEY = 'heatmap';
