/**
 * Opening links outside the app. Only parsed http(s) URLs ever reach the OS: `file:`,
 * `javascript:`, custom schemes and unparsable strings are refused.
 */
import { shell } from 'electron';

import { createLogger, formatError } from './core/log.js';

const log = createLogger('external-links');
const EXTERNAL_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

/** The URL if it parses and uses http or https, else undefined. */
export function parseExternalUrl(raw: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  return EXTERNAL_PROTOCOLS.has(url.protocol) ? url : undefined;
}

/** Opens an http(s) URL in the user's browser; returns false (and logs) for anything else. */
export function openExternalSafely(raw: string): boolean {
  const url = parseExternalUrl(raw);
  if (!url) {
    log.warn('open external: refused a non-http(s) URL', raw.slice(0, 100));
    return false;
  }

  shell.openExternal(url.href).catch((error: unknown) => {
    log.warn('open external: the OS could not open the URL', formatError(error));
  });
  return true;
}
