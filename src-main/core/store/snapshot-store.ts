/**
 * The last good snapshot of the map (quotes, source, time), so a restart shows the last map at
 * once. `SnapshotStore` is what the engine needs; headless it is backed by `conf`, in the app
 * by electron-store (added by the Electron shell).
 */
import { z } from 'zod';

import type { Quote, SourceInfo } from '../domain/types.js';

export interface Snapshot {
  /** When the snapshot was taken (epoch ms). */
  savedAt: number;
  source: SourceInfo;
  quotes: Quote[];
}

/** Persists one snapshot. Implementations never throw from `load` on bad data. */
export interface SnapshotStore {
  /** The stored snapshot, or undefined when there is none or it is unreadable. */
  load(): Snapshot | undefined;
  save(snapshot: Snapshot): void;
}

const nullableNumber = z.number().finite().nullable();

export const snapshotSchema = z.object({
  savedAt: z.number().finite(),
  source: z.object({
    provider: z.string(),
    mode: z.enum(['replay', 'live']),
    label: z.string(),
    detail: z.string().optional(),
  }),
  quotes: z.array(
    z.object({
      symbol: z.string().min(1),
      price: z.number().finite(),
      previousClose: nullableNumber,
      volume: nullableNumber,
      marketCap: nullableNumber,
      timestamp: z.number().finite(),
      receivedAt: z.number().finite(),
    }),
  ),
});

/** Validates stored data as a snapshot; a described error otherwise. */
export function parseSnapshot(
  value: unknown,
): { ok: true; snapshot: Snapshot } | { ok: false; error: string } {
  const result = snapshotSchema.safeParse(value);
  if (result.success) return { ok: true, snapshot: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  return { ok: false, error: `${where}: ${issue?.message ?? 'invalid'}` };
}

/** A store that keeps the snapshot in memory only (tests, or when persistence is off). */
export class MemorySnapshotStore implements SnapshotStore {
  private snapshot: Snapshot | undefined;

  constructor(initial?: Snapshot) {
    this.snapshot = initial;
  }

  load(): Snapshot | undefined {
    return this.snapshot;
  }

  save(snapshot: Snapshot): void {
    this.snapshot = snapshot;
  }
}
