/**
 * Who decides whether the engine fetches: the user (the tray's Pause), and the power policy
 * (a hidden window on an idle machine or on battery only needs an occasional refresh). The
 * engine is paused when the user paused it, or when idling outside a short wake-up window every
 * IDLE_REFRESH_MS; leaving idle resumes at once, which fetches everything (catch-up).
 */
import { createLogger } from './core/log.js';

const log = createLogger('updates');

/** While idling, refresh this often… */
export const IDLE_REFRESH_MS = 5 * 60_000;
/** …for this long (enough for one replay cycle or one live batch). */
export const IDLE_WAKE_MS = 20_000;

export interface PausableEngine {
  pause(): Promise<void>;
  resume(): void;
  isPaused(): boolean;
}

export interface UpdateControl {
  /** The user's pause, as the tray menu shows it. */
  pause(): Promise<void>;
  resume(): void;
  isPaused(): boolean;
  /** The power policy's view: true while the app should only refresh now and then. */
  setIdle(idle: boolean): void;
  isIdle(): boolean;
  dispose(): void;
}

export function createUpdateControl(engine: PausableEngine): UpdateControl {
  let userPaused = false;
  let idle = false;
  let awake = false;
  let cycle: ReturnType<typeof setInterval> | undefined;
  let wake: ReturnType<typeof setTimeout> | undefined;

  const apply = async (): Promise<void> => {
    const shouldPause = userPaused || (idle && !awake);
    if (shouldPause && !engine.isPaused()) await engine.pause();
    if (!shouldPause && engine.isPaused()) engine.resume();
  };
  const applySoon = (): void => {
    apply().catch((error: unknown) => log.warn('apply pause state: failed', error));
  };

  const stopCycle = (): void => {
    clearInterval(cycle);
    clearTimeout(wake);
    cycle = undefined;
    wake = undefined;
    awake = false;
  };

  return {
    pause: async () => {
      userPaused = true;
      await apply();
    },
    resume: () => {
      userPaused = false;
      applySoon();
    },
    isPaused: () => userPaused,
    setIdle: (next) => {
      if (next === idle) return;
      idle = next;
      log.info(idle ? 'idle: refreshing every few minutes' : 'active: refreshing normally');
      stopCycle();
      if (idle) {
        cycle = setInterval(() => {
          awake = true;
          applySoon();
          wake = setTimeout(() => {
            awake = false;
            applySoon();
          }, IDLE_WAKE_MS);
        }, IDLE_REFRESH_MS);
      }
      applySoon();
    },
    isIdle: () => idle,
    dispose: stopCycle,
  };
}
