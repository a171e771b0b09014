/**
 * What Settings tells the user about each provider before they rely on it: its name, whether
 * it needs a secret, and its free tier's consequence for a 503-tile map. Static, so the note
 * shows as soon as a provider is picked, before any key is saved; once the provider runs, the
 * engine's own figures (`providerState.limitations`) are shown beside it.
 */
import type { ProviderId } from '../../../src-main/shared/ipc-contract';

export interface ProviderNote {
  label: string;
  /** Alpaca authenticates with a key id and a secret key. */
  needsSecret: boolean;
  /** The free tier in plain words. */
  note: string;
  /** Set when the free tier cannot keep the map useful: shown as a warning. */
  warning?: string;
}

/** Notes in the order Settings lists the providers. */
export const PROVIDER_NOTES: Readonly<Record<ProviderId, ProviderNote>> = {
  replay: {
    label: 'Replay (no key)',
    needsSecret: false,
    note: 'Recorded market history played as a live market. Needs no key; not live prices.',
  },
  finnhub: {
    label: 'Finnhub',
    needsSecret: false,
    note:
      'Free key: 60 calls a minute, one symbol per call, so the whole map refreshes about ' +
      'every 9 minutes; what you look at is refreshed first.',
  },
  alpaca: {
    label: 'Alpaca',
    needsSecret: true,
    note:
      'Free key: IEX exchange prices (a part of US volume), 200 calls a minute and many ' +
      'symbols per call, so the whole map refreshes within seconds. Needs the key ID and the ' +
      'secret key.',
  },
  polygon: {
    label: 'Polygon (Massive)',
    needsSecret: false,
    note:
      'Free key: 5 calls a minute and end-of-day prices only (the previous session), not ' +
      'live quotes. Paid plans get the live full-market snapshot.',
  },
  twelvedata: {
    label: 'Twelve Data',
    needsSecret: false,
    note:
      'Free key: 8 credits a minute and 800 a day, one credit per symbol: a full refresh ' +
      'takes about an hour, and the day’s credits cover the map about one and a half times.',
  },
  fmp: {
    label: 'Financial Modeling Prep',
    needsSecret: false,
    note: 'Free key: 250 calls a day, one symbol per call.',
    warning:
      '250 calls a day cannot refresh all 503 tiles even once: about half the map stays ' +
      'without a quote each day.',
  },
  alphavantage: {
    label: 'Alpha Vantage',
    needsSecret: false,
    note: 'Free key: 25 calls a day, one symbol per call.',
    warning:
      '25 calls a day cannot cover a map: only 25 of 503 tiles get a quote each day, and ' +
      'the rest stay grey. Use it only with a premium key, or choose another provider.',
  },
};
