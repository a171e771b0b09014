/**
 * Runs `task` at most once per animation frame however often `request()` is called, so a burst
 * of stream batches costs one redraw.
 */
export interface FrameCoalescer {
  request(): void;
  cancel(): void;
}

export function createFrameCoalescer(
  task: () => void,
  schedule: (cb: () => void) => number = (cb) => window.requestAnimationFrame(cb),
  unschedule: (id: number) => void = (id) => window.cancelAnimationFrame(id),
): FrameCoalescer {
  let pending: number | null = null;

  return {
    request() {
      if (pending !== null) return;
      pending = schedule(() => {
        pending = null;
        task();
      });
    },
    cancel() {
      if (pending === null) return;
      unschedule(pending);
      pending = null;
    },
  };
}
