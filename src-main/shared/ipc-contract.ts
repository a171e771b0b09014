/**
 * Every IPC channel between the Electron main process and the preload, with its request and
 * reply types beside it. Main and preload import this module; the renderer uses `import type`.
 *
 * It imports nothing, so it compiles in both the Node and the web tsconfig. Market data does
 * not travel over IPC: the renderer reads it from the local HTTP API in the app and in a
 * browser alike. IPC carries only desktop concerns (app info, settings; later tray, alerts).
 */

/** Provider ids the user may choose. Live providers (issue 3) extend this list. */
export const PROVIDER_IDS = ['replay'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** What the renderer may learn about the running app. */
export interface AppInfo {
  version: string;
  /** `process.platform` of the main process: `linux`, `darwin`, `win32`, … */
  platform: string;
  /** Origin of the local HTTP API, e.g. `http://127.0.0.1:53711` (no trailing slash). */
  apiBaseUrl: string;
}

/** User settings kept by the shell. Placeholder until live providers land (issue 3). */
export interface Settings {
  provider: ProviderId;
}

/** A partial update of the settings; unknown keys are refused. */
export type SettingsPatch = Partial<Settings>;

/** Channels the renderer invokes (`ipcRenderer.invoke` → `ipcMain.handle`). */
export interface InvokeContract {
  'app:get-info': { request: []; reply: AppInfo };
  'settings:get': { request: []; reply: Settings };
  'settings:set': { request: [patch: SettingsPatch]; reply: Settings };
}

/** Channels main pushes to the renderer (`webContents.send` → `ipcRenderer.on`). */
export interface EventContract {
  'settings:changed': Settings;
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
] as const satisfies readonly InvokeChannel[];
export const EVENT_CHANNELS = ['settings:changed'] as const satisfies readonly EventChannel[];

/**
 * The object the preload exposes as `window.heatmap`: small named functions only, never
 * `ipcRenderer` itself. Each `onX` returns its unsubscribe function.
 */
export interface HeatmapApi {
  getInfo(): Promise<AppInfo>;
  getSettings(): Promise<Settings>;
  setSettings(patch: SettingsPatch): Promise<Settings>;
  onSettingsChanged(listener: (settings: Settings) => void): () => void;
}

/** The global name the preload exposes the API under. */
export const PRELOAD_API_KEY = 'heatmap';
