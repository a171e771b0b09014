/**
 * One logger factory for the engine: each module asks for a named child logger. Headless it
 * writes to stderr; the Electron shell can swap the sink (electron-log) with `setLogSink`.
 * Secrets registered with `redact` never reach a sink.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export type LogSink = (level: LogLevel, module: string, line: string) => void;

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const secrets = new Set<string>();

function defaultSink(level: LogLevel, module: string, line: string): void {
  process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase()} [${module}] ${line}\n`);
}

let sink: LogSink = defaultSink;
let threshold: LogLevel =
  parseLevel(process.env.LOG_LEVEL) ?? (process.env.VITEST ? 'error' : 'info');

function parseLevel(value: string | undefined): LogLevel | undefined {
  return value && value in LEVEL_ORDER ? (value as LogLevel) : undefined;
}

/** Replaces where log lines go (tests capture them; the app sends them to electron-log). */
export function setLogSink(next: LogSink | undefined): void {
  sink = next ?? defaultSink;
}

export function setLogLevel(level: LogLevel): void {
  threshold = level;
}

/** Registers a secret (an API key) so it is masked in every later log line. */
export function redact(secret: string | undefined): void {
  if (secret && secret.length >= 4) secrets.add(secret);
}

/** Masks every registered secret in `text` (for sinks that also receive text from elsewhere). */
export function redactText(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}

/** Turns any thrown value into one line: message and cause chain, never a stack. */
export function formatError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause === undefined ? '' : ` (cause: ${formatError(error.cause)})`;
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}

function render(message: string, details: unknown[]): string {
  const parts = details.map((d) => (d instanceof Error ? formatError(d) : safeJson(d)));
  return redactText([message, ...parts].join(' '));
}

function safeJson(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    // Circular or BigInt values: fall back to the default string form rather than throw.
    return String(value);
  }
}

/** A logger for one module; messages start with the operation ("fetch quotes: …"). */
export function createLogger(module: string): Logger {
  const emit =
    (level: LogLevel) =>
    (message: string, ...details: unknown[]): void => {
      if (LEVEL_ORDER[level] < LEVEL_ORDER[threshold]) return;
      sink(level, module, render(message, details));
    };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
