/**
 * The renderer's one logger: named children with levels. It is the only place that touches
 * `console`, so shipped code elsewhere has none. Quiet below `warn` unless debugging.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };
let threshold: Level = 'warn';

export function setLogLevel(level: Level): void {
  threshold = level;
}

export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/** A logger whose messages start with `[name]`. */
export function createLogger(name: string): Logger {
  const emit = (level: Level) => (message: string, detail?: unknown) => {
    if (ORDER[level] < ORDER[threshold]) return;
    const args = detail === undefined ? [`[${name}] ${message}`] : [`[${name}] ${message}`, detail];
    // eslint-disable-next-line no-console -- the single sink of the renderer's logger
    console[level](...args);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
