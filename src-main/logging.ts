/**
 * Sends the engine's log lines to electron-log, which writes (and rotates) a file under the
 * app's logs folder and mirrors to the console. Redaction has already happened in the core
 * logger, before a line reaches this sink.
 */
// The package root resolves to electron-log's main-process logger in main (process.type is
// 'browser'); importing it rather than 'electron-log/main' keeps it external to the bundle
// (vite.config.ts externalises dependency names exactly).
import path from 'node:path';

import log from 'electron-log';

import { type LogLevel, redactText, setLogSink } from './core/log.js';

/** Rotate the log file at this size (electron-log keeps one `.old.log`). */
const MAX_LOG_BYTES = 5 * 1024 * 1024;

export function setupLogging(): void {
  log.transports.file.level = 'info';
  log.transports.file.maxSize = MAX_LOG_BYTES;
  // Our own lines are redacted before they get here; this also covers anything that logs
  // through electron-log directly (its error catcher, a dependency), on every transport.
  log.hooks.push((message) => ({
    ...message,
    data: message.data.map((part: unknown) => (typeof part === 'string' ? redactText(part) : part)),
  }));

  const scopes = new Map<string, ReturnType<typeof log.scope>>();
  setLogSink((level: LogLevel, module: string, line: string) => {
    let scoped = scopes.get(module);
    if (!scoped) {
      scoped = log.scope(module);
      scopes.set(module, scoped);
    }
    scoped[level](line);
  });
}

/** The folder of the log file (for "Open log folder"). */
export function logFolder(): string {
  return path.dirname(log.transports.file.getFile().path);
}
