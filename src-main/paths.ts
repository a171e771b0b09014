/**
 * Where the shell finds its files, packaged or not. electron-builder copies resources/ to
 * `<resourcesPath>/resources` (see electron-builder.yml); the built renderer and preload sit
 * inside the app folder (app.asar when packaged) next to package.json.
 */
import path from 'node:path';

import { app } from 'electron';

export interface AppPaths {
  /** Universe, replay data and icons. */
  resourcesDir: string;
  /** The built renderer (vite build → dist/renderer). */
  rendererDir: string;
  /** The bundled preload (vite-plugin-electron → dist-electron/preload.mjs). */
  preloadPath: string;
}

export function resolveAppPaths(): AppPaths {
  const appRoot = app.getAppPath();
  return {
    resourcesDir: app.isPackaged
      ? path.join(process.resourcesPath, 'resources')
      : path.join(appRoot, 'resources'),
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    preloadPath: path.join(appRoot, 'dist-electron', 'preload.mjs'),
  };
}
