/**
 * Builds the API object the preload exposes. It takes ipcRenderer as a parameter so the object
 * is plain data plus closures: the renderer gets named functions, never the IPC module.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';

import type {
  EventChannel,
  EventContract,
  HeatmapApi,
  InvokeChannel,
  InvokeReply,
  InvokeRequest,
} from '../src-main/shared/ipc-contract.js';

type Invoke = Pick<IpcRenderer, 'invoke'>;
type Subscribe = Pick<IpcRenderer, 'on' | 'removeListener'>;

function invoker(ipc: Invoke) {
  return <C extends InvokeChannel>(
    channel: C,
    ...args: InvokeRequest<C>
  ): Promise<InvokeReply<C>> => ipc.invoke(channel, ...args) as Promise<InvokeReply<C>>;
}

/** Subscribes to one push channel; the Electron event never reaches the listener. */
function subscriber(ipc: Subscribe) {
  return <C extends EventChannel>(
    channel: C,
    listener: (payload: EventContract[C]) => void,
  ): (() => void) => {
    const strip = (_event: IpcRendererEvent, payload: EventContract[C]): void => listener(payload);
    ipc.on(channel, strip);
    return () => {
      ipc.removeListener(channel, strip);
    };
  };
}

/** The `window.heatmap` object. */
export function createHeatmapApi(ipc: Invoke & Subscribe): HeatmapApi {
  const invoke = invoker(ipc);
  const subscribe = subscriber(ipc);

  return {
    getInfo: () => invoke('app:get-info'),
    getSettings: () => invoke('settings:get'),
    setSettings: (patch) => invoke('settings:set', patch),
    testKey: (request) => invoke('settings:test-key', request),
    removeKey: (provider) => invoke('settings:remove-key', provider),
    onSettingsChanged: (listener) => {
      if (typeof listener !== 'function') {
        throw new TypeError('onSettingsChanged: expected a function');
      }
      return subscribe('settings:changed', listener);
    },
    getLaunchAtLogin: () => invoke('desktop:get-launch-at-login'),
    setLaunchAtLogin: (enabled) => invoke('desktop:set-launch-at-login', enabled),
    getViewState: () => invoke('view:get-state'),
    setViewState: (query) => invoke('view:set-state', query),
    onFocusSymbol: (listener) => {
      if (typeof listener !== 'function') throw new TypeError('onFocusSymbol: expected a function');
      return subscribe('app:focus-symbol', ({ symbol }) => listener(symbol));
    },
    onShowView: (listener) => {
      if (typeof listener !== 'function') throw new TypeError('onShowView: expected a function');
      return subscribe('app:show-view', ({ view }) => listener(view));
    },
  };
}
