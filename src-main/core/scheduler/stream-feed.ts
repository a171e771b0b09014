/**
 * The provider's live stream, where it has one, for the most important symbols (watched first,
 * then the biggest tiles) within its symbol limit. Trades go straight to the market state; the
 * REST scheduler still fetches those symbols, less eagerly while their trades are fresher than
 * REST would be (`lastTickAt`), for previous close and volume.
 */
import { createLogger } from '../log.js';
import type {
  MarketDataProvider,
  StreamHandle,
  StreamState,
  StreamTick,
} from '../providers/provider.js';

const log = createLogger('stream-feed');

export interface StreamFeedOptions {
  provider: MarketDataProvider;
  /** Symbols by importance, most important first; read when the set is refreshed. */
  ranked(): string[];
  onTicks(ticks: StreamTick[]): void;
  onStatus?(): void;
}

/**
 * See the module comment.
 * TODO: the stream stays open outside market hours (ping-only); closing it at the close and
 * reopening before the open would save a socket all night. Needs a session timer here.
 */
export class StreamFeed {
  private handle: StreamHandle | undefined;
  private symbols = new Set<string>();
  private state: StreamState = 'closed';
  private stoppedByKey = false;
  private readonly lastTicks = new Map<string, number>();

  constructor(private readonly options: StreamFeedOptions) {}

  /** Whether trades for `symbol` are arriving now. */
  isStreamed(symbol: string): boolean {
    return this.state === 'live' && this.symbols.has(symbol);
  }

  /** When the last trade for `symbol` arrived (epoch ms), if one ever did. */
  lastTickAt(symbol: string): number | undefined {
    return this.lastTicks.get(symbol);
  }

  /** Opens the stream (or re-sends its set when the ranking changed). */
  refresh(): void {
    const { provider } = this.options;
    const limit = provider.capabilities.streamSymbolLimit ?? 0;
    if (!provider.capabilities.streaming || !provider.stream || limit === 0 || this.stoppedByKey) {
      return;
    }
    const wanted = this.options.ranked().slice(0, limit);
    if (this.handle && wanted.every((s) => this.symbols.has(s))) return;

    this.symbols = new Set(wanted);
    if (this.handle) {
      this.handle.setSymbols(wanted);
      return;
    }
    this.handle = provider.stream(wanted, {
      onTicks: (ticks) => {
        for (const tick of ticks) this.lastTicks.set(tick.symbol, tick.receivedAt);
        this.options.onTicks(ticks);
      },
      onState: (state) => {
        this.state = state;
        this.options.onStatus?.();
      },
      onError: (error, symbol) => {
        log.warn(`stream: ${error.kind}${symbol ? ` for ${symbol}` : ''}`, error);
        if (error.kind === 'bad-key') this.stoppedByKey = true;
      },
    });
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    this.state = 'closed';
    await handle?.close();
  }
}
