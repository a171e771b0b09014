/**
 * Electron wraps an IPC handler's error as "Error invoking remote method 'x': Error: x: …";
 * the user needs only the last part.
 */
const REMOTE_PREFIX = /^Error invoking remote method '[^']+': (?:\w*Error: )?/;
const CHANNEL_PREFIX = /^[a-z]+:[a-z-]+: /;

/** The readable message of an IPC rejection. */
export function ipcErrorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(REMOTE_PREFIX, '').replace(CHANNEL_PREFIX, '');
}
