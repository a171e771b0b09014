/**
 * The intraday prices the engine has seen this session, per symbol, for tooltip sparklines: a
 * fixed-size ring buffer of (time, price) pairs per symbol, cleared when a new session (trading
 * date) begins. Memory is bounded by design: `CAPACITY` points per symbol, at most one point
 * per `MIN_SPACING_MS`, and a buffer only for symbols that have had a quote.
 *
 * Measured size (tests/core/history/price-history.spec.ts): two Float64Arrays of 256 entries are
 * 4,096 bytes of data per symbol, about 4.3 KB with the typed-array headers; 650 symbols hold
 * under 3 MB.
 */
import type { HistoryPoint } from '../../shared/api-types.js';

/** Points kept per symbol: about a whole replayed session at one point a second. */
export const HISTORY_CAPACITY = 256;
/** Closer points are dropped: the sparkline has fewer pixels than that anyway. */
export const MIN_SPACING_MS = 1_000;
const BYTES_PER_FLOAT64 = 8;

class Ring {
  readonly times = new Float64Array(HISTORY_CAPACITY);
  readonly prices = new Float64Array(HISTORY_CAPACITY);
  /** Index of the next write. */
  next = 0;
  size = 0;

  constructor(public session: string) {}

  push(time: number, price: number): void {
    this.times[this.next] = time;
    this.prices[this.next] = price;
    this.next = (this.next + 1) % HISTORY_CAPACITY;
    this.size = Math.min(HISTORY_CAPACITY, this.size + 1);
  }

  last(): number | undefined {
    if (this.size === 0) return undefined;
    return this.times[(this.next - 1 + HISTORY_CAPACITY) % HISTORY_CAPACITY];
  }

  points(): HistoryPoint[] {
    const out: HistoryPoint[] = [];
    const start = (this.next - this.size + HISTORY_CAPACITY) % HISTORY_CAPACITY;
    for (let k = 0; k < this.size; k += 1) {
      const i = (start + k) % HISTORY_CAPACITY;
      out.push({
        time: new Date(this.times[i] ?? 0).toISOString(),
        price: this.prices[i] ?? 0,
      });
    }
    return out;
  }
}

/** Per-symbol rings of recent prices. */
export class PriceHistory {
  private readonly rings = new Map<string, Ring>();

  /**
   * Records a price seen at `time` (epoch ms) during `session` (the trading date). A new
   * session clears the symbol's points; an older or too-close point is dropped.
   */
  record(symbol: string, session: string, time: number, price: number): void {
    if (!Number.isFinite(price) || !Number.isFinite(time)) return;
    let ring = this.rings.get(symbol);
    if (!ring || ring.session !== session) {
      ring = new Ring(session);
      this.rings.set(symbol, ring);
    }
    const last = ring.last();
    if (last !== undefined && time < last + MIN_SPACING_MS) return;
    ring.push(time, price);
  }

  /** The symbol's points of its current session, oldest first. */
  points(symbol: string): HistoryPoint[] {
    return this.rings.get(symbol)?.points() ?? [];
  }

  /** Bytes of price data held (typed-array payloads only). */
  bytes(): number {
    return this.rings.size * HISTORY_CAPACITY * 2 * BYTES_PER_FLOAT64;
  }
}
