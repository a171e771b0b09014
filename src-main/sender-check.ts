/**
 * Who may call our IPC handlers: the top frame of one of our own windows, showing a page
 * from our own origin. Anything else (an unknown webContents, a subframe, a page that
 * somehow navigated elsewhere) is refused.
 */
import { BrowserWindow, type IpcMainInvokeEvent } from 'electron';

import { originOf } from './origin.js';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export function createSenderCheck(options: {
  /** Origin of the renderer, e.g. `http://127.0.0.1:53711`. */
  allowedOrigin: string;
  isAppWindow: (win: BrowserWindow | null) => boolean;
}): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    if (originOf(frame.url) !== options.allowedOrigin) return false;
    return options.isAppWindow(BrowserWindow.fromWebContents(event.sender));
  };
}
