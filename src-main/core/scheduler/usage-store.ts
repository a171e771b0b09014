/**
 * Each provider's calls (or credits) used in its current day, kept across restarts so a restart
 * does not overspend a daily quota. Headless and in the app it is a small `conf` file named
 * `usage.json` in the engine's data folder (beside the snapshot); tests use the memory store.
 *
 * Why its own file rather than the SnapshotStore: usage changes on every call while snapshots
 * are throttled, and the two have different owners (the Electron shell swaps the snapshot
 * store for electron-store; usage stays engine-private).
 */
import type Conf from 'conf';
import { z } from 'zod';

import { createLogger, formatError } from '../log.js';
import { openConfFile } from '../store/corrupt-tolerant.js';

const log = createLogger('usage-store');

export const USAGE_CONFIG_NAME = 'usage';

/** One provider's usage in one of its days. */
export interface DailyUsage {
  /** The provider's day key (`YYYY-MM-DD` in its quota zone). */
  day: string;
  /** Units spent that day (calls, or credits for credit-based providers). */
  used: number;
}

/**
 * TODO: usage is kept per provider, not per key: switching to a second key of the same
 * provider inherits the first key's count (safe: never overspends). Keying by a salted hash of
 * the key would fix it without storing the key.
 */
export interface UsageStore {
  load(providerId: string): DailyUsage | undefined;
  save(providerId: string, usage: DailyUsage): void;
}

const usageSchema = z.object({ day: z.string(), used: z.number().int().nonnegative() });

/** Usage in memory only (tests, or persistence off). */
export class MemoryUsageStore implements UsageStore {
  private readonly usage = new Map<string, DailyUsage>();

  load(providerId: string): DailyUsage | undefined {
    return this.usage.get(providerId);
  }

  save(providerId: string, usage: DailyUsage): void {
    this.usage.set(providerId, { ...usage });
  }
}

/** Usage in `usage.json` under `cwd` (default: the OS config folder of the app). */
export class ConfUsageStore implements UsageStore {
  private readonly conf: Conf<Record<string, unknown>>;

  constructor(options: { cwd?: string } = {}) {
    // A damaged usage file only costs the day's count; it must not stop the engine.
    this.conf = openConfFile(USAGE_CONFIG_NAME, options);
  }

  load(providerId: string): DailyUsage | undefined {
    try {
      const parsed = usageSchema.safeParse(this.conf.get(providerId));
      return parsed.success ? parsed.data : undefined;
    } catch (error: unknown) {
      log.warn(`load usage: ${this.conf.path} is unreadable, counting from 0`, formatError(error));
      return undefined;
    }
  }

  save(providerId: string, usage: DailyUsage): void {
    try {
      this.conf.set(providerId, usage);
    } catch (error: unknown) {
      log.error(`save usage: cannot write ${this.conf.path}`, formatError(error));
    }
  }
}
