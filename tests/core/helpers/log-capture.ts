/**
 * Collects the warning lines the core logs during a test. Call `stopCapture()` in afterEach so
 * the sink and level go back to the quiet test defaults.
 */
import { setLogLevel, setLogSink } from '../../../src-main/core/log.js';

export function captureWarnings(): string[] {
  const lines: string[] = [];
  setLogLevel('warn');
  setLogSink((level, _module, line) => {
    if (level === 'warn') lines.push(line);
  });
  return lines;
}

export function stopCapture(): void {
  setLogSink(undefined);
  setLogLevel('error');
}
