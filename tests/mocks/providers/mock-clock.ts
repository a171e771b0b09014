/**
 * The time the REST mocks stamp their generated quotes with: the real clock, or shifted to a
 * chosen instant so a test can run the server on DEMO_CLOCK_START (a regular session, say)
 * and get quotes of that moment whatever the time of day the test runs at. Both tick at the
 * real rate.
 */
let offsetMs = 0;

/** Now, as the mocks see it. */
export function mockNow(): number {
  return Date.now() + offsetMs;
}

/** From now on the mocks' clock reads `at` and ticks on; `undefined` puts it back to real time. */
export function shiftMockClock(at: number | undefined): void {
  offsetMs = at === undefined ? 0 : at - Date.now();
}
