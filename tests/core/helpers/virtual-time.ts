/**
 * A virtual clock with its own timers, for the quota scheduler in tests and the benchmark:
 * time moves only through `runUntil`, which fires due timers in order and lets real I/O (calls
 * to a 127.0.0.1 mock) finish before time moves on, so an HTTP answer takes no virtual time.
 */
import type { Clock } from '../../../src-main/core/domain/types.js';
import type { TimerHandle, Timers } from '../../../src-main/core/scheduler/timers.js';

interface Pending {
  id: number;
  at: number;
  callback: () => void;
}

/** Resolves after the event loop has had a real turn (I/O callbacks included). */
export const realTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class VirtualTime implements Clock, Timers {
  private pending: Pending[] = [];
  private nextId = 1;

  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, at: this.time + Math.max(0, ms), callback };
    this.pending.push(timer);
    return { id: timer.id };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (handle === undefined || !('id' in handle)) return;
    this.pending = this.pending.filter((p) => p.id !== handle.id);
  }

  /** When the next timer fires, or undefined when none is set. */
  nextAt(): number | undefined {
    return this.pending.reduce<number | undefined>(
      (min, p) => (min === undefined || p.at < min ? p.at : min),
      undefined,
    );
  }

  /**
   * Fires every timer due up to `end` in time order, awaiting `settle` after each (it should
   * resolve once in-flight calls have finished), then sets the clock to `end`.
   */
  async runUntil(end: number, settle: () => Promise<void> = realTurn): Promise<void> {
    await settle();
    for (;;) {
      const next = this.nextAt();
      if (next === undefined || next > end) break;
      const due = this.pending.filter((p) => p.at === next);
      this.pending = this.pending.filter((p) => p.at !== next);
      this.time = Math.max(this.time, next);
      for (const timer of due) timer.callback();
      await settle();
    }
    this.time = Math.max(this.time, end);
  }

  /** `runUntil(now + ms)`. */
  advance(ms: number, settle?: () => Promise<void>): Promise<void> {
    return this.runUntil(this.time + ms, settle);
  }
}

/** A settle function: real turns until `pending()` is 0 (at most `maxTurns`). */
export function settleWhen(pending: () => number, maxTurns = 5_000): () => Promise<void> {
  return async () => {
    await realTurn();
    for (let i = 0; i < maxTurns && pending() > 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await realTurn();
  };
}
