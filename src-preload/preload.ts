/**
 * Preload of every app window. It runs sandboxed, so it may only import `electron` (the
 * bundler inlines the rest) and it exposes one small API object through contextBridge.
 */
import { contextBridge, ipcRenderer } from 'electron';

import { PRELOAD_API_KEY } from '../src-main/shared/ipc-contract.js';
import { createHeatmapApi } from './heatmap-api.js';

contextBridge.exposeInMainWorld(PRELOAD_API_KEY, createHeatmapApi(ipcRenderer));
