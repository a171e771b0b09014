/**
 * `window.heatmap`, exposed by src-preload/preload.ts in the Electron app. It is absent when
 * the renderer runs in a plain browser (`npm run serve`), hence optional: desktop-only actions
 * check for it first.
 */
import type { HeatmapApi } from './ipc-contract.js';

declare global {
  interface Window {
    heatmap?: HeatmapApi;
  }
}

export {};
