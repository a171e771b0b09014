import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

import { setLogLevel } from '../src-renderer/lib/log';

// Quiet unless asked: DEBUG_LOGS=1 shows everything the renderer logs.
setLogLevel(process.env.DEBUG_LOGS ? 'debug' : 'error');

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});
