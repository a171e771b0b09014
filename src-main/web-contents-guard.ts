/**
 * A guard on every webContents the app ever creates, not only the windows window.ts makes: no
 * new windows (http(s) links go to the browser), no navigation away from our origin, no
 * <webview>. A dependency or a later change that opens some other view gets the same rules.
 */
import { app } from 'electron';

import { guardWebContents } from './window.js';

/** `allowedOrigin` is read when a webContents appears (the server's port is known by then). */
export function setupWebContentsGuard(allowedOrigin: () => string): void {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, allowedOrigin());
  });
}
