/**
 * The trade stream in the provider benchmark, driven for real: the app's StreamFeed over the
 * adapter's stream() against the WebSocket mock of tests/mocks/providers on 127.0.0.1, all on
 * the bench's virtual time (the connection's watchdog and pinger included). At virtual instants
 * the bench advances, the mock sends one trade for every symbol the feed subscribed; `inFlight`
 * counts trades sent but not yet received, so the bench can wait for them before time moves on.
 */
import type { MarketDataProvider, StreamTick } from '../src-main/core/providers/provider.js';
import { StreamFeed } from '../src-main/core/scheduler/stream-feed.js';
import type { VirtualTime } from '../tests/core/helpers/virtual-time.js';
import {
  alpacaSubscriptions,
  sendAlpacaTrades,
  startAlpacaWsMock,
} from '../tests/mocks/providers/alpaca-ws-mock.js';
import {
  finnhubSubscriptions,
  sendFinnhubTrades,
  startFinnhubWsMock,
} from '../tests/mocks/providers/finnhub-ws-mock.js';
import type { MockWsConnection, MockWsServer } from '../tests/mocks/providers/ws-mock.js';

/**
 * How often each streamed symbol trades, per provider. Finnhub streams real-time US trades from
 * the consolidated tape, where every S&P 500 name trades about once a second or more (the
 * leaders many times a second): one trade a second is the slow end. Alpaca's free stream is
 * IEX only, an exchange with roughly 2–3 % of US volume, so a typical S&P 500 name prints there
 * every few seconds to a minute: one trade every 15 s is an assumption in that range, not a
 * measurement. One frame carries the trades of all subscribed symbols.
 */
export const TRADE_INTERVAL_MS: Readonly<Record<string, number>> = {
  finnhub: 1_000,
  alpaca: 15_000,
};

/** How long (real time) the stream may take to connect and subscribe before the day starts. */
const OPEN_TIMEOUT_MS = 10_000;

interface StreamMock {
  start(): Promise<MockWsServer>;
  subscriptions(connection: MockWsConnection): Set<string>;
  sendTrades(server: MockWsServer, at: number): number;
}

/** The trade-on-demand WS mocks: Finnhub sends pings, Alpaca acknowledges subscriptions. */
const MOCKS: Record<string, StreamMock> = {
  finnhub: {
    start: () => startFinnhubWsMock('ping-only'),
    subscriptions: finnhubSubscriptions,
    sendTrades: sendFinnhubTrades,
  },
  alpaca: {
    start: () => startAlpacaWsMock('quiet'),
    subscriptions: alpacaSubscriptions,
    sendTrades: sendAlpacaTrades,
  },
};

/** The WS mock of a streaming provider, started before its adapter (which needs the URL). */
export async function startStreamMock(providerId: string): Promise<BenchStreamMock> {
  const mock = MOCKS[providerId];
  const intervalMs = TRADE_INTERVAL_MS[providerId];
  if (!mock || intervalMs === undefined) {
    throw new Error(
      `bench stream: no trade stream mock for "${providerId}" (have: ${Object.keys(MOCKS).join(', ')})`,
    );
  }
  return new BenchStreamMock(mock, await mock.start(), intervalMs);
}

export class BenchStreamMock {
  private feed: StreamFeed | undefined;
  private sent = 0;
  private arrived = 0;

  constructor(
    private readonly mock: StreamMock,
    private readonly server: MockWsServer,
    readonly intervalMs: number,
  ) {}

  get url(): string {
    return this.server.url;
  }

  /** Trades the feed's listener has received. */
  get received(): number {
    return this.arrived;
  }

  /** Trades sent by the mock and not yet handed to the feed's listener. */
  get inFlight(): number {
    return this.sent - this.arrived;
  }

  /** Symbols the mock streams now (from the client's subscribe frames). */
  subscribed(): Set<string> {
    const connection = this.server.connections.at(-1);
    return connection ? this.mock.subscriptions(connection) : new Set();
  }

  /**
   * Opens the app's stream feed for `provider` (most important symbols first, as `ranked`
   * says) and resolves once it is live and the mock holds its whole subscription.
   */
  async open(
    provider: MarketDataProvider,
    ranked: () => string[],
    onTicks: (ticks: StreamTick[]) => void,
  ): Promise<StreamFeed> {
    const feed = new StreamFeed({
      provider,
      ranked,
      onTicks: (ticks) => {
        this.arrived += ticks.length;
        onTicks(ticks);
      },
    });
    this.feed = feed;
    feed.refresh();

    const limit = provider.capabilities.streamSymbolLimit ?? 0;
    const wanted = ranked().slice(0, limit);
    await this.server.waitFor(
      () => wanted.every((s) => feed.isStreamed(s)) && this.subscribed().size === wanted.length,
      OPEN_TIMEOUT_MS,
      `the ${wanted.length}-symbol subscription`,
    );
    return feed;
  }

  /**
   * Sends trades every `intervalMs` of virtual time from `firstAt` on, each stamped with the
   * virtual instant it is sent at.
   */
  startTrades(time: VirtualTime, firstAt: number): void {
    const tick = (): void => {
      this.sent += this.mock.sendTrades(this.server, time.now());
      time.setTimeout(tick, this.intervalMs);
    };
    time.setTimeout(tick, firstAt - time.now());
  }

  async close(): Promise<void> {
    await this.feed?.close();
    await this.server.close();
  }
}
