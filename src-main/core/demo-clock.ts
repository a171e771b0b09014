/**
 * The demo and test clock of the headless server (`DEMO_CLOCK_START`): it reads the given
 * instant when created and then ticks with the system clock, so a weekend, a holiday or an early
 * close plays out as it would then, with the scheduler's real timers still in step.
 */
import { type Clock, SYSTEM_CLOCK } from './domain/types.js';

/** A clock that reads `start` now and advances with `base` from there. */
export function clockStartingAt(start: number, base: Clock = SYSTEM_CLOCK): Clock {
  const offset = start - base.now();
  return { now: () => base.now() + offset };
}
