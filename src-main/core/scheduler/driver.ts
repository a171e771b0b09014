/**
 * What the engine needs from whatever drives a provider: the replay's simple cycle
 * (scheduler.ts) or the quota-aware scheduler of live providers (quota-scheduler.ts).
 */
import type { ProviderErrorKind } from '../providers/errors.js';

/** Where a driver stands. `rate-limited` also covers a used-up daily quota. */
export type DriverState =
  | 'idle'
  | 'running'
  | 'backing-off'
  | 'rate-limited'
  | 'stopped-bad-key'
  | 'plan-limit'
  | 'stopped';

/** The last failure, reduced to what health and the UI need (never the raw error). */
export interface DriverFailure {
  kind: ProviderErrorKind;
  message: string;
  /** Epoch ms of the failure. */
  at: number;
}

export interface DriverStatus {
  state: DriverState;
  /** The failure that put the driver in its state; undefined after a success. */
  lastFailure: DriverFailure | undefined;
  /** Epoch ms before which no call is made, or null. */
  retryAt: number | null;
  /** Calls made in the provider's current day. */
  callsToday: number;
  /** Calls left in the provider's day, or null without a daily cap. */
  callsLeftToday: number | null;
  /** The day's quota is spent: nothing is called until the provider's next day. */
  quotaExhausted: boolean;
  /** Expected ms to refresh every symbol once at the current policy, or null when unknown. */
  fullRefreshMs: number | null;
  /** Whether any call has succeeded since the driver started. */
  hasSucceeded: boolean;
  /** Calls started and not yet answered. */
  callsInFlight: number;
  /** The NYSE is closed (night, weekend, holiday): the driver only checks now and then. */
  marketClosed: boolean;
}

export interface FetchDriver {
  start(): void;
  stop(): Promise<void>;
  /** Resumes after a bad key once the user has entered a new one. */
  keyChanged(): void;
  status(): DriverStatus;
}
