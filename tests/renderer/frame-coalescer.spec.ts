import { describe, expect, it, vi } from 'vitest';

import { createFrameCoalescer } from '../../src-renderer/lib/frame-coalescer';

function fakeFrames() {
  const queue = new Map<number, () => void>();
  let next = 1;
  return {
    schedule: (cb: () => void) => {
      queue.set(next, cb);
      return next++;
    },
    unschedule: (id: number) => queue.delete(id),
    flush() {
      const cbs = [...queue.values()];
      queue.clear();
      cbs.forEach((cb) => cb());
    },
  };
}

describe('frame coalescer', () => {
  it('runs the task once per frame however many requests come in', () => {
    const frames = fakeFrames();
    const task = vi.fn();
    const c = createFrameCoalescer(task, frames.schedule, frames.unschedule);

    c.request();
    c.request();
    c.request();
    frames.flush();
    expect(task).toHaveBeenCalledTimes(1);

    c.request();
    frames.flush();
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('drops a pending frame on cancel', () => {
    const frames = fakeFrames();
    const task = vi.fn();
    const c = createFrameCoalescer(task, frames.schedule, frames.unschedule);

    c.request();
    c.cancel();
    frames.flush();
    expect(task).not.toHaveBeenCalled();
  });
});
