/**
 * Finnhub answers → domain values. The one place Finnhub's units are converted: quote time in
 * seconds, trade time in ms, market cap and shares in millions.
 */
import { buildQuote, type QuoteOutcome } from '../build-quote.js';
import type { ProviderError } from '../errors.js';
import { ProviderError as Failure } from '../errors.js';
import type { HttpResponse } from '../http-client.js';
import { rateLimitRetryAt } from '../http-response.js';
import type { StreamTick } from '../provider.js';
import { fromProviderSymbol } from '../symbols.js';
import type { FinnhubMarketStatus, FinnhubProfile, FinnhubQuote } from './finnhub-wire.js';

const ID = 'finnhub';
const MILLION = 1_000_000;

/** Finnhub's answer to a call without a usable key: a 429 whose text asks to sign up. */
const MISSING_KEY_TEXT = /sign up|please provide an api key|no api key/i;
const NO_ACCESS_TEXT = /don't have access|do not have access|not entitled|premium/i;

/**
 * A quote, or why there is none. The all-zero body (unknown symbol, no entitlement, or a
 * load spike) is a missing symbol, never a price of 0.
 */
export function toQuote(symbol: string, wire: FinnhubQuote, receivedAt: number): QuoteOutcome {
  if (wire.c === 0 && (wire.pc ?? 0) === 0) {
    return {
      ok: false,
      reason: 'unknown-symbol: Finnhub answered an all-zero quote (unknown symbol or no access)',
    };
  }
  return buildQuote(
    {
      symbol,
      price: wire.c,
      previousClose: wire.pc ?? null,
      changePercent: wire.dp ?? null,
      volume: null,
      marketCap: null,
      timestamp: wire.t > 0 ? wire.t * 1000 : null,
    },
    receivedAt,
  );
}

/** Company facts from `/stock/profile2`, in dollars and shares. */
export interface FinnhubProfileFacts {
  name: string | null;
  industry: string | null;
  marketCap: number | null;
  sharesOutstanding: number | null;
}

/** Profile facts, or null when Finnhub has none (`{}`). */
export function toProfile(wire: FinnhubProfile): FinnhubProfileFacts | null {
  if (!wire.ticker && !wire.name) return null;
  const millions = (value: number | null | undefined): number | null =>
    value !== null && value !== undefined && value > 0 ? value * MILLION : null;
  return {
    name: wire.name || null,
    industry: wire.finnhubIndustry || null,
    marketCap: millions(wire.marketCapitalization),
    sharesOutstanding: millions(wire.shareOutstanding),
  };
}

export type FinnhubSession = 'pre-market' | 'regular' | 'post-market' | 'closed';

/** Market status: is the US market open, which session, and Finnhub's time of the answer (ms). */
export function toMarketStatus(wire: FinnhubMarketStatus): {
  isOpen: boolean;
  session: FinnhubSession;
  holiday: string | null;
  timestamp: number;
} {
  const session: FinnhubSession =
    wire.session === 'pre-market' || wire.session === 'regular' || wire.session === 'post-market'
      ? wire.session
      : 'closed';
  return { isOpen: wire.isOpen, session, holiday: wire.holiday ?? null, timestamp: wire.t * 1000 };
}

/** Trades of one WebSocket frame as ticks; trades without a positive price are dropped. */
export function toTicks(
  trades: { s: string; p: number; t: number; v?: number | null | undefined }[],
  receivedAt: number,
): StreamTick[] {
  return trades
    .filter((trade) => trade.p > 0 && trade.t > 0)
    .map((trade) => ({
      symbol: fromProviderSymbol(trade.s, 'dot'),
      price: trade.p,
      size: trade.v ?? null,
      timestamp: Math.min(trade.t, receivedAt),
      receivedAt,
    }));
}

/**
 * The typed error for a Finnhub `{"error": "…"}` body. Returns undefined when the text and
 * status mean nothing specific (the caller falls back to the status).
 */
export function errorFromBody(response: HttpResponse, text: string): ProviderError | undefined {
  const message = `${ID}: HTTP ${response.status}, ${text}`;
  if (response.status === 429 && MISSING_KEY_TEXT.test(text)) {
    // Looks like a rate limit, is an auth problem: waiting will not help.
    return new Failure('bad-key', `${ID}: no API key was accepted (Finnhub said: ${text})`);
  }
  if (NO_ACCESS_TEXT.test(text)) return new Failure('plan-limit', message);
  if (response.status === 429 || /limit reached/i.test(text)) {
    return new Failure('rate-limited', message, rateLimitRetryAt(response));
  }
  if (response.status === 401 || /invalid api key/i.test(text))
    return new Failure('bad-key', message);
  return undefined;
}

/** Error-frame text → typed error, and the symbol it names when it names one. */
export function errorFromFrame(msg: string | undefined): { error: ProviderError; symbol?: string } {
  const text = msg ?? 'unspecified error';
  const invalid = /invalid symbol\s*:?\s*(\S+)?/i.exec(text);
  if (invalid) {
    const symbol = invalid[1] ? fromProviderSymbol(invalid[1], 'dot') : undefined;
    return { error: new Failure('unknown-symbol', `${ID} stream: ${text}`), symbol };
  }
  if (/limit/i.test(text)) return { error: new Failure('rate-limited', `${ID} stream: ${text}`) };
  if (/api key|token|unauthori[sz]ed/i.test(text))
    return { error: new Failure('bad-key', `${ID} stream: ${text}`) };
  return { error: new Failure('provider-down', `${ID} stream: ${text}`) };
}
