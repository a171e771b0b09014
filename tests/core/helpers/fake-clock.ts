/** A hand-driven clock for tests: time moves only when the test says so. */
import type { Clock } from '../../../src-main/core/domain/types.js';

export class FakeClock implements Clock {
  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    this.time += ms;
  }

  set(time: number): void {
    this.time = time;
  }
}
