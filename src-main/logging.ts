/**
 * Sends the engine's log lines to electron-log, which writes (and rotates) a file under the
 * app's logs folder and mirrors to the console. Redaction has already happened in the core
 * logger, before a line reaches this sink.
 */
import log from 'electron-log/main';

import { setLogSink, type LogLevel } from './core/log.js';

/** Rotate the log file at this size (electron-log keeps one `.old.log`). */
const MAX_LOG_BYTES = 5 * 1024 * 1024;

export function setupLogging(): void {
  log.transports.file.level = 'info';
  log.transports.file.maxSize = MAX_LOG_BYTES;

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
