/**
 * Timers the quota scheduler waits with, injectable beside the clock so tests and the
 * benchmark can run a trading day on virtual time.
 */

export type TimerHandle = { readonly id: number } | ReturnType<typeof setTimeout>;

export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

/** Node's own timers. Unref'd: a waiting scheduler never keeps the process alive. */
export const SYSTEM_TIMERS: Timers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout(handle) {
    if (handle !== undefined) clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
