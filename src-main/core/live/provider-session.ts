/**
 * The provider the engine fetches from now, its driver, and switching between providers at
 * run time: stop the old driver, close the old provider, keep the map's last good data (marked
 * stale with the reason until fresh quotes arrive), then start the new one. Switches are
 * serialized, so two quick Settings changes never run two providers at once.
 */
import type { QuotaUnit } from '../../shared/api-types.js';
import type { Clock } from '../domain/types.js';
import type { ProviderSettings } from '../engine-types.js';
import type { DailyCloseCache } from '../history/daily-close-cache.js';
import { createLogger } from '../log.js';
import type { MarketState, SourceRules } from '../market/market-state.js';
import type { NyseCalendar } from '../market/nyse-calendar.js';
import type { MarketDataProvider, QuoteBatchResult, RatePolicy } from '../providers/provider.js';
import {
  createReplayProvider,
  type ReplaySettings,
} from '../providers/replay/create-replay-provider.js';
import type { DriverStatus, FetchDriver } from '../scheduler/driver.js';
import { lowerRatePolicy } from '../scheduler/rate-cap.js';
import { Scheduler } from '../scheduler/scheduler.js';
import type { Timers } from '../scheduler/timers.js';
import type { UsageStore } from '../scheduler/usage-store.js';
import type { Universe } from '../universe/universe.js';
import { providerLimitations } from './limitations.js';
import { createLiveDriver } from './live-driver.js';
import {
  checkSettings,
  createLiveProvider,
  providerLabel,
  type ProviderTuning,
} from './provider-settings.js';
import type { ViewerInterest } from './viewer-interest.js';

const log = createLogger('provider-session');

export interface SessionOptions {
  resourcesDir: string;
  clock: Clock;
  timers?: Timers;
  universe: Universe;
  calendar: NyseCalendar;
  interest: ViewerInterest;
  marketState: MarketState;
  /** Cycle pause of the simple driver (replay, or a directly given provider). */
  refreshMs: number;
  provider?: MarketDataProvider;
  providerSettings?: ProviderSettings;
  providerTuning?: ProviderTuning;
  usageStore?: UsageStore;
  dailyCloses?: DailyCloseCache;
  replay?: ReplaySettings;
  random?: () => number;
  /** Staleness age of the replay or a directly given provider. */
  staleAfterMs: number;
  /** After every applied result. */
  onResult(): void;
  /** After every success or failure, so the market state's condition follows. */
  onStatus(): void;
}

interface Active {
  provider: MarketDataProvider;
  driver: FetchDriver;
  label: string;
  policy: RatePolicy;
  /** Age after which this provider's quotes count as stale. */
  staleAfterMs: number;
  /** Whether its quotes are judged by the NYSE calendar (see `rulesOf`). */
  onCalendar: boolean;
}

/**
 * Live quotes are stale after twice the full-refresh time, within these bounds. Outside the
 * regular session the market state judges them by the NYSE calendar instead (the last
 * session's close is `closed`, whatever its age): see market/quote-freshness.ts.
 */
const LIVE_STALE_MIN_MS = 60_000;
const LIVE_STALE_MAX_MS = 30 * 60_000;
const LIVE_STALE_REFRESH_MULTIPLE = 2;

/** See the module comment. */
export class ProviderSession {
  private active: Active;
  private switching: Promise<void> = Promise.resolve();

  constructor(private readonly options: SessionOptions) {
    if (options.provider) {
      this.active = this.simple(options.provider, options.provider.ratePolicy);
    } else if (options.providerSettings && options.providerSettings.provider !== 'replay') {
      this.active = this.fromSettings(options.providerSettings);
    } else {
      this.active = this.replay();
    }
    options.marketState.setStaleAfter(this.active.staleAfterMs);
    options.marketState.setSource(this.active.label, this.rulesOf(this.active));
  }

  get provider(): MarketDataProvider {
    return this.active.provider;
  }

  get driver(): FetchDriver {
    return this.active.driver;
  }

  /** What the active provider's quota counts. */
  get unit(): QuotaUnit {
    return this.active.policy.unit ?? 'calls';
  }

  get label(): string {
    return this.active.label;
  }

  status(): DriverStatus {
    return this.active.driver.status();
  }

  limitations(): string[] {
    const { provider, label, policy } = this.active;
    if (provider.id === 'replay') return [];
    const symbols = this.options.universe.instruments.length;
    return providerLimitations(label, policy, provider.capabilities, symbols);
  }

  async start(): Promise<void> {
    await this.switching;
    this.active.driver.start();
  }

  async stop(): Promise<void> {
    await this.switching;
    await this.shutdown(this.active);
  }

  /**
   * Switches to `settings`; validation errors (ProviderSettingsError) throw before anything
   * stops, so a bad Settings entry never leaves the map without a provider.
   */
  configure(settings: ProviderSettings, running: boolean): Promise<void> {
    const next = this.switching.then(async () => {
      const old = this.active;
      const incoming = settings.provider === 'replay' ? this.replay() : this.fromSettings(settings);
      await this.shutdown(old);

      const toReplay = incoming.provider.id === 'replay';
      const fromReplay = old.provider.id === 'replay';
      // Simulated replay prices must never block real ones (nor the reverse), so across a
      // replay boundary any new quote wins; between live providers newer-wins still holds.
      // Each held quote names the provider it came from, not merely the one being left.
      const reasonFor = (from: string): string =>
        `last good data from ${from}, waiting for ${incoming.label}`;
      this.options.marketState.markHeld(reasonFor, { replaceable: toReplay !== fromReplay });
      this.active = incoming;
      this.options.marketState.setSource(incoming.label, this.rulesOf(incoming));
      this.options.marketState.setStaleAfter(incoming.staleAfterMs);
      log.info(`configure: switched from ${old.provider.id} to ${incoming.provider.id}`);
      if (running) incoming.driver.start();
      this.options.onStatus();
    });
    // A failed switch must not block later ones.
    this.switching = next.catch(() => undefined);
    return next;
  }

  /**
   * How the market state judges this provider's quotes: live providers by the NYSE calendar
   * and their stated delay; the replay (a simulated regular session) and a directly given
   * provider (tests on virtual time) by age alone.
   */
  private rulesOf(active: Active): SourceRules {
    return {
      calendar: active.onCalendar,
      delay: () => active.provider.source().delay,
    };
  }

  private async shutdown(active: Active): Promise<void> {
    await active.driver.stop();
    await active.provider.close?.();
  }

  private replay(): Active {
    const { resourcesDir, universe, clock, replay } = this.options;
    const provider = createReplayProvider(resourcesDir, universe, clock, replay);
    return { ...this.simple(provider, provider.ratePolicy), label: providerLabel('replay') };
  }

  private fromSettings(settings: ProviderSettings): Active {
    const checked = checkSettings(settings);
    if (checked.kind === 'replay') return this.replay();
    const { provider, streamAllowed } = createLiveProvider(
      checked,
      this.options.clock,
      this.options.providerTuning,
      this.options.timers,
    );
    const driver = createLiveDriver({
      ...this.options,
      provider,
      policy: lowerRatePolicy(provider.ratePolicy, settings.rateLimitPerMinute),
      streamAllowed,
      onQuotes: (result) => this.applyResult(result),
    });
    const refresh = driver.status().fullRefreshMs ?? LIVE_STALE_MIN_MS;
    const staleAfterMs = Math.min(
      LIVE_STALE_MAX_MS,
      Math.max(LIVE_STALE_MIN_MS, LIVE_STALE_REFRESH_MULTIPLE * refresh),
    );
    return {
      provider,
      driver,
      label: providerLabel(checked.id),
      policy: driver.policy,
      staleAfterMs,
      onCalendar: true,
    };
  }

  private simple(provider: MarketDataProvider, policy: RatePolicy): Active {
    const driver = new Scheduler({
      provider,
      ratePolicy: policy,
      symbols: () => this.options.universe.symbols(),
      clock: this.options.clock,
      refreshMs: this.options.refreshMs,
      ...(this.options.random ? { random: this.options.random } : {}),
      onResult: (result) => this.applyResult(result),
      onError: () => {
        this.options.marketState.sweep();
        this.options.onStatus();
      },
    });
    const staleAfterMs = this.options.staleAfterMs;
    const label = provider.source().label;
    return { provider, driver, label, policy, staleAfterMs, onCalendar: false };
  }

  private applyResult(result: QuoteBatchResult): void {
    const { marketState } = this.options;
    marketState.apply(result.quotes);
    marketState.markMissing(result.missing);
    this.options.onStatus();
    marketState.sweep();
    this.options.onResult();
  }
}
