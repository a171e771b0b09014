/**
 * Saves snapshots at most once per interval while quotes change, and once more on stop.
 */
import type { Clock } from '../domain/types.js';
import type { Snapshot, SnapshotStore } from './snapshot-store.js';

/** Default minimum time between two saves. */
export const DEFAULT_SAVE_INTERVAL_MS = 10_000;

export class SnapshotSaver {
  private lastSave: number | undefined;

  constructor(
    private readonly store: SnapshotStore,
    private readonly take: () => Snapshot,
    private readonly clock: Clock,
    private readonly intervalMs = DEFAULT_SAVE_INTERVAL_MS,
  ) {}

  /** Saves if the last save is at least the interval ago; returns whether it saved. */
  maybeSave(): boolean {
    const now = this.clock.now();
    if (this.lastSave !== undefined && now - this.lastSave < this.intervalMs) return false;
    this.saveNow();
    return true;
  }

  /** Saves unconditionally (on stop). */
  saveNow(): void {
    this.lastSave = this.clock.now();
    this.store.save(this.take());
  }
}
