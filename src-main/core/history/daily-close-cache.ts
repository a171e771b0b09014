/**
 * Daily closes of live providers, kept across restarts: one split-adjusted close per symbol and
 * session date, each with where it came from (`finnhub:quote`, `polygon:grouped`, …), plus the
 * history calls already answered (`markDone`), so a (symbol, date) is fetched at most once and
 * a backfill resumes where it stopped.
 *
 * Persistence: a JSON file (`daily-closes.json`) in the data folder beside the snapshot, written
 * atomically (a temporary file renamed over the old one) at most every `SAVE_INTERVAL_MS` and on
 * `saveNow()`. Its own file on purpose: a damaged cache costs refetched closes, never the
 * snapshot, usage or settings. A file that cannot be read or parsed is set aside (renamed
 * `daily-closes.json.corrupt-<epoch ms>`, with a log line) and the cache starts empty.
 *
 * TODO: closes are on the split basis of the day they were captured or fetched. A split after
 * that leaves older cached closes on the old basis (a wrong 1m/1y change for that symbol) until
 * they are refetched; detecting splits (Polygon /v3/reference/splits, Alpaca corporate actions)
 * and dropping that symbol's older closes would fix it.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { z } from 'zod';

import type { Clock } from '../domain/types.js';
import { createLogger, formatError } from '../log.js';

const log = createLogger('daily-close-cache');

export const DAILY_CLOSES_FILE = 'daily-closes.json';
/** Writes are coalesced: a busy morning of captured closes costs one write a minute. */
export const SAVE_INTERVAL_MS = 60_000;
const FORMAT_VERSION = 1;

/** One cached close: the price and where it came from. */
export interface CachedClose {
  close: number;
  source: string;
}

const fileSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  /** symbol → date → [close, source] */
  closes: z.record(z.string(), z.record(z.string(), z.tuple([z.number().positive(), z.string()]))),
  /** history request key → progress (a date, or '' for a one-off request) */
  done: z.record(z.string(), z.string()),
});
type CacheFile = z.infer<typeof fileSchema>;

/** See the module comment. */
export class DailyCloseCache {
  private readonly closes = new Map<string, Map<string, CachedClose>>();
  private readonly done = new Map<string, string>();
  private dirty = false;
  private lastSave = -Infinity;
  private changes = 0;

  /** `dir` undefined: memory only (tests, the replay). */
  constructor(
    private readonly clock: Clock,
    private readonly dir?: string,
  ) {
    if (dir !== undefined) this.load();
  }

  /** Path of the cache file, or undefined when memory only. */
  get path(): string | undefined {
    return this.dir === undefined ? undefined : join(this.dir, DAILY_CLOSES_FILE);
  }

  /** Grows on every change: lets readers keep derived figures until the cache changes. */
  get revision(): number {
    return this.changes;
  }

  get(symbol: string, date: string): CachedClose | undefined {
    return this.closes.get(symbol)?.get(date);
  }

  /**
   * Stores a close. A close from a history endpoint replaces one captured from a quote (the
   * endpoint is the provider's own adjusted series); a captured close never replaces anything.
   * Returns whether the cache changed.
   */
  put(symbol: string, date: string, close: number, source: string, fromHistory: boolean): boolean {
    if (!Number.isFinite(close) || close <= 0) return false;
    let days = this.closes.get(symbol);
    if (!days) {
      days = new Map();
      this.closes.set(symbol, days);
    }
    const held = days.get(date);
    if (held && (!fromHistory || (held.close === close && held.source === source))) return false;
    days.set(date, { close, source });
    this.dirty = true;
    this.changes += 1;
    return true;
  }

  /**
   * Records how far a history request (a provider-specific key) has been answered: `''` for a
   * one-off request (a session date), or the last date fetched (a symbol's range).
   */
  markDone(key: string, progress = ''): void {
    if (this.done.get(key) === progress) return;
    this.done.set(key, progress);
    this.dirty = true;
  }

  isDone(key: string): boolean {
    return this.done.has(key);
  }

  /** The progress recorded for `key`, or undefined when never answered. */
  progress(key: string): string | undefined {
    return this.done.get(key);
  }

  /** How many of `symbols` have a close on `date`. */
  countOn(date: string, symbols: readonly string[]): number {
    let count = 0;
    for (const symbol of symbols) if (this.closes.get(symbol)?.has(date)) count += 1;
    return count;
  }

  /** The earliest date holding a close from `sourcePrefix` (e.g. `finnhub:`), or null. */
  firstDate(sourcePrefix = ''): string | null {
    let first: string | null = null;
    for (const days of this.closes.values()) {
      for (const [date, held] of days) {
        if (held.source.startsWith(sourcePrefix) && (first === null || date < first)) first = date;
      }
    }
    return first;
  }

  /** Number of (symbol, date) closes held. */
  size(): number {
    let total = 0;
    for (const days of this.closes.values()) total += days.size;
    return total;
  }

  /** Saves when something changed and the last save is old enough. */
  maybeSave(): void {
    if (this.dirty && this.clock.now() - this.lastSave >= SAVE_INTERVAL_MS) this.saveNow();
  }

  /** Saves now if anything changed (engine stop). Never throws: a lost save costs refetches. */
  saveNow(): void {
    const path = this.path;
    if (path === undefined || !this.dirty) return;
    const file: CacheFile = {
      version: FORMAT_VERSION,
      closes: {},
      done: Object.fromEntries(this.done),
    };
    for (const [symbol, days] of this.closes) {
      file.closes[symbol] = Object.fromEntries(
        [...days].map(([date, held]) => [date, [held.close, held.source]]),
      );
    }
    try {
      const temporary = `${path}.tmp`;
      writeFileSync(temporary, JSON.stringify(file));
      renameSync(temporary, path);
      this.dirty = false;
      this.lastSave = this.clock.now();
    } catch (error: unknown) {
      log.error(`save daily closes: cannot write ${path}`, formatError(error));
    }
  }

  private load(): void {
    const path = this.path as string;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      this.setAside(path, `unreadable (${formatError(error)})`);
      return;
    }

    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      this.setAside(path, 'not valid JSON');
      return;
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) {
      this.setAside(path, `not a daily-close cache (${parsed.error.issues[0]?.message ?? '?'})`);
      return;
    }

    for (const [symbol, days] of Object.entries(parsed.data.closes)) {
      const map = new Map<string, CachedClose>();
      for (const [date, [close, source]] of Object.entries(days)) map.set(date, { close, source });
      this.closes.set(symbol, map);
    }
    for (const [key, value] of Object.entries(parsed.data.done)) this.done.set(key, value);
    log.info(`load daily closes: ${this.size()} closes from ${path}`);
  }

  private setAside(path: string, problem: string): void {
    const aside = `${path}.corrupt-${this.clock.now()}`;
    try {
      renameSync(path, aside);
      log.warn(`load daily closes: ${path} is ${problem}; set aside as ${aside}, refetching`);
    } catch (error: unknown) {
      log.warn(`load daily closes: ${path} is ${problem} and cannot be moved`, formatError(error));
    }
  }
}
