/**
 * The market state: the latest quote per symbol of the universe, never replaced by an older
 * one, with each symbol's freshness (live, delayed, stale, missing, closed: see
 * quote-freshness.ts) and change events for listeners.
 */
import type { QuoteChange, QuoteStatus, SourceDelay, StockRow } from '../../shared/api-types.js';
import type { Clock, Instrument, Quote } from '../domain/types.js';
import { createLogger } from '../log.js';
import type { StreamTick } from '../providers/provider.js';
import type { NyseCalendar } from './nyse-calendar.js';
import { judgeQuote, type SessionFacts, sessionFacts } from './quote-freshness.js';
import { type SymbolStatus, toQuoteChange, toStockRow } from './quote-rows.js';

const log = createLogger('market-state');

export interface MarketStateOptions {
  instruments: readonly Instrument[];
  clock: Clock;
  /** A quote older than this (by its own timestamp) is stale. */
  staleAfterMs: number;
  /** The NYSE calendar, for sources that trade on it (`setSource`); none: age alone. */
  calendar?: NyseCalendar;
}

/** How the current source's quotes are judged (see `setSource`). */
export interface SourceRules {
  /** Whether its quotes follow the NYSE calendar (live providers), not a simulated session. */
  calendar: boolean;
  /** Its delay now (Polygon may fall back to end-of-day mid-run, so it is asked each time). */
  delay(): SourceDelay | undefined;
}

const MS_PER_MINUTE = 60_000;

interface Entry {
  quote?: Quote;
  missingReason?: string;
  /** Set while the quote comes from a restored snapshot or a previous provider. */
  restoredReason?: string;
  /** Name of the provider the quote came from ("Finnhub"), for held-quote reasons. */
  from?: string;
  /** Any quote may replace this one, even an older one (the replay's simulated prices). */
  replaceable?: boolean;
  /** Judged by age alone: a simulated session's price (the replay), never a session's close. */
  offCalendar?: boolean;
}

export type ChangeListener = (changes: QuoteChange[]) => void;

/** Latest quotes with freshness; see the module comment. */
export class MarketState {
  private readonly instruments: ReadonlyMap<string, Instrument>;
  private readonly entries = new Map<string, Entry>();
  private readonly lastStatus = new Map<string, string>();
  private readonly listeners = new Set<ChangeListener>();
  private newest: number | null = null;
  /** Why quotes are not being refreshed right now ("rate limited"), shown on stale symbols. */
  private condition: string | undefined;
  private staleAfterMs: number;
  /** Name of the provider whose quotes `apply` and `applyTicks` receive now. */
  private sourceLabel: string | undefined;
  private rules: SourceRules | undefined;
  /** Session boundaries fall on whole minutes, so the calendar is asked once a minute. */
  private facts: { minute: number; value: SessionFacts } | undefined;

  constructor(private readonly options: MarketStateOptions) {
    if (!(options.staleAfterMs > 0)) {
      throw new RangeError(
        `market state: \`staleAfterMs\` must be > 0, received ${options.staleAfterMs}`,
      );
    }
    this.instruments = new Map(options.instruments.map((i) => [i.symbol, i]));
    this.staleAfterMs = options.staleAfterMs;
  }

  /** Keeps each quote only if it is newer than the one held; emits the symbols that changed. */
  apply(quotes: readonly Quote[]): string[] {
    const changed: string[] = [];
    for (const quote of quotes) {
      if (!this.instruments.has(quote.symbol)) {
        log.debug(`apply quotes: ignoring ${quote.symbol}, not in the universe`);
        continue;
      }
      const entry = this.entries.get(quote.symbol);
      const held = entry?.quote;
      if (held && !entry.replaceable && quote.timestamp <= held.timestamp) continue;

      this.entries.set(quote.symbol, this.fresh(quote));
      this.newest = Math.max(this.newest ?? quote.timestamp, quote.timestamp);
      changed.push(quote.symbol);
    }
    this.emit(changed);
    return changed;
  }

  /** Records symbols the provider had nothing for; their quote is dropped, not kept as current. */
  markMissing(missing: readonly { symbol: string; reason: string }[]): string[] {
    const changed: string[] = [];
    for (const { symbol, reason } of missing) {
      if (!this.instruments.has(symbol)) continue;
      const entry = this.entries.get(symbol);
      if (entry && entry.quote === undefined && entry.missingReason === reason) continue;
      this.entries.set(symbol, { missingReason: reason });
      changed.push(symbol);
    }
    this.emit(changed);
    return changed;
  }

  /**
   * Names the provider whose quotes arrive from now on (a provider switch) and how they are
   * judged; without `rules`, by age alone and as real-time (the replay).
   */
  setSource(label: string, rules?: SourceRules): void {
    this.sourceLabel = label;
    this.rules = rules;
  }

  /**
   * Loads quotes from a snapshot, marked `reason` (stale in the session, the close outside it)
   * until fresh ones arrive; `from` names the provider they came from, and `offCalendar` says
   * they are a replay's simulated prices.
   */
  restore(
    quotes: readonly Quote[],
    reason: string,
    source: { from?: string; offCalendar?: boolean } = {},
  ): void {
    for (const quote of quotes) {
      if (!this.instruments.has(quote.symbol) || this.entries.get(quote.symbol)?.quote) continue;
      const entry: Entry = { quote, restoredReason: reason };
      if (source.from !== undefined) entry.from = source.from;
      if (source.offCalendar) entry.offCalendar = true;
      this.entries.set(quote.symbol, entry);
      this.newest = Math.max(this.newest ?? quote.timestamp, quote.timestamp);
    }
    for (const symbol of this.instruments.keys()) {
      this.lastStatus.set(symbol, this.statusKey(symbol));
    }
  }

  /**
   * Merges stream trades into the symbols' last quotes: a newer trade moves price and time and
   * keeps previous close, volume and cap; an older one, or one with no quote to merge into (a
   * trade knows no previous close), is dropped.
   */
  applyTicks(ticks: readonly StreamTick[]): string[] {
    const changed = new Set<string>();
    for (const tick of ticks) {
      const entry = this.entries.get(tick.symbol);
      const held = entry?.quote;
      if (!held || entry.replaceable || tick.timestamp <= held.timestamp) continue;
      if (!(tick.price > 0)) continue;

      this.entries.set(
        tick.symbol,
        this.fresh({
          ...held,
          price: tick.price,
          timestamp: tick.timestamp,
          receivedAt: tick.receivedAt,
        }),
      );
      this.newest = Math.max(this.newest ?? tick.timestamp, tick.timestamp);
      changed.add(tick.symbol);
    }
    this.emit([...changed]);
    return [...changed];
  }

  /**
   * Keeps every held quote but marks it stale until a fresh one arrives (a provider switch),
   * with the reason `reasonFor` gives for the provider the quote itself came from (a quote held
   * through two switches still names its own source). `replaceable`: any later quote wins even
   * if older (simulated replay prices must never block real ones); otherwise newer-wins holds.
   */
  markHeld(reasonFor: (from: string) => string, options: { replaceable: boolean }): void {
    const changed: string[] = [];
    for (const [symbol, entry] of this.entries) {
      if (!entry.quote) continue;
      const from = entry.from ?? this.sourceLabel ?? 'the previous provider';
      const held: Entry = { quote: entry.quote, restoredReason: reasonFor(from), from };
      if (options.replaceable) held.replaceable = true;
      if (entry.offCalendar) held.offCalendar = true;
      this.entries.set(symbol, held);
      changed.push(symbol);
    }
    this.emit(changed);
  }

  /** Changes the age after which a quote is stale (a provider switch changes the pace). */
  setStaleAfter(ms: number): void {
    if (!(ms > 0))
      throw new RangeError(`market state: \`staleAfterMs\` must be > 0, received ${ms}`);
    this.staleAfterMs = ms;
    this.sweep();
  }

  /** Sets why quotes are not refreshing now (undefined: they are); stale rows show it. */
  setCondition(condition: string | undefined): void {
    if (condition === this.condition) return;
    this.condition = condition;
    this.sweep();
  }

  /**
   * Emits changes for symbols whose freshness changed with time alone (live → stale, live →
   * closed at the close, closed → stale at the open). Runs after each fetch result or error,
   * and on the engine's timer (STATUS_SWEEP_MS) when nothing is fetched.
   */
  sweep(): string[] {
    const changed = [...this.instruments.keys()].filter(
      (symbol) => this.lastStatus.get(symbol) !== this.statusKey(symbol),
    );
    this.emit(changed);
    return changed;
  }

  /** A symbol's freshness now. */
  status(symbol: string): SymbolStatus {
    const entry = this.entries.get(symbol);
    if (!entry?.quote) {
      return { status: 'missing', reason: entry?.missingReason ?? 'no quote received yet' };
    }
    const now = this.options.clock.now();
    const onCalendar = this.rules?.calendar === true && !entry.offCalendar;
    return judgeQuote({
      quote: entry.quote,
      now,
      staleAfterMs: this.staleAfterMs,
      // A held quote also says why the current provider is not replacing it, when it knows.
      heldReason: entry.restoredReason,
      condition: this.condition,
      session: onCalendar ? this.sessionFacts(now) : undefined,
      delay: entry.offCalendar ? undefined : this.rules?.delay(),
    });
  }

  /** Rows for the given instruments (all, by default), in their order. */
  rows(instruments: readonly Instrument[] = [...this.instruments.values()]): StockRow[] {
    return instruments.map((i) =>
      toStockRow(i, this.entries.get(i.symbol)?.quote, this.status(i.symbol)),
    );
  }

  /** How many of the given instruments (all, by default) are in each status. */
  counts(
    instruments: readonly Instrument[] = [...this.instruments.values()],
  ): Record<QuoteStatus, number> {
    const counts = { live: 0, delayed: 0, stale: 0, missing: 0, closed: 0 };
    for (const { symbol } of instruments) counts[this.status(symbol).status] += 1;
    return counts;
  }

  /** Timestamp (epoch ms) of the newest quote held, or null before the first. */
  lastUpdate(): number | null {
    return this.newest;
  }

  /** Every quote held (restored ones too, so a quick second restart keeps the map). */
  quotes(): Quote[] {
    return [...this.entries.values()].flatMap((e) => (e.quote ? [e.quote] : []));
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private statusKey(symbol: string): string {
    const { status, reason, closedSessionDate, delayedByMinutes } = this.status(symbol);
    // A stale reason counting seconds would change on every sweep; the condition does not.
    if (status !== 'stale') {
      return `${status}|${reason ?? ''}|${closedSessionDate ?? ''}|${delayedByMinutes ?? ''}`;
    }
    const entry = this.entries.get(symbol);
    return `stale|${entry?.restoredReason ?? ''}|${this.condition ?? ''}`;
  }

  private sessionFacts(now: number): SessionFacts | undefined {
    const calendar = this.options.calendar;
    if (!calendar) return undefined;
    const minute = Math.floor(now / MS_PER_MINUTE);
    if (this.facts?.minute !== minute) {
      this.facts = { minute, value: sessionFacts(calendar, now) };
    }
    return this.facts.value;
  }

  /** A current quote, labelled with the provider it came from and how it is judged. */
  private fresh(quote: Quote): Entry {
    const entry: Entry = { quote };
    if (this.sourceLabel !== undefined) entry.from = this.sourceLabel;
    if (this.rules?.calendar !== true) entry.offCalendar = true;
    return entry;
  }

  private emit(symbols: readonly string[]): void {
    if (symbols.length === 0) return;
    const changes = symbols.flatMap((symbol) => {
      const instrument = this.instruments.get(symbol);
      this.lastStatus.set(symbol, this.statusKey(symbol));
      if (!instrument) return [];
      return [toQuoteChange(instrument, this.entries.get(symbol)?.quote, this.status(symbol))];
    });
    for (const listener of this.listeners) {
      try {
        listener(changes);
      } catch (error: unknown) {
        log.error('emit changes: a listener threw', error);
      }
    }
  }
}
