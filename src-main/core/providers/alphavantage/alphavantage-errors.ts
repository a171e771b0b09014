/**
 * Alpha Vantage answers every failure with HTTP 200 and a one-key object. The key has changed
 * over the years (`Note` → `Information`), so the text decides what it means, not the key name.
 */
import { nextEasternMidnight } from '../eastern-time.js';
import { ProviderError } from '../errors.js';
import type { HttpResponse } from '../http-client.js';
import { rateLimitRetryAt, scrubSecrets } from '../http-response.js';
import { MINUTE_MS } from '../retry-after.js';
import type { Notice } from './alphavantage-wire.js';

/** What a notice means for the call that got it. */
export type NoticeMeaning =
  | { kind: 'error'; error: ProviderError }
  /** `Invalid API call` for a quote: the symbol is not one Alpha Vantage knows. */
  | { kind: 'unknown-symbol'; reason: string };

/** The notice's text, whichever key carried it. */
export function noticeText(notice: Notice): string {
  if ('Error Message' in notice) return notice['Error Message'];
  if ('Information' in notice) return notice.Information;
  return notice.Note;
}

/**
 * Classifies a notice. The daily quota is assumed to reset at midnight US-Eastern; the stored
 * sources do not say (PROVIDERS.md §2.4, [M]), and the later candidate wastes no call. Alpha
 * Vantage sends no `Retry-After`; should a proxy add one, it wins.
 */
export function classifyNotice(
  notice: Notice,
  response: HttpResponse,
  secrets: readonly string[],
): NoticeMeaning {
  const now = response.receivedAt;
  const limited = (message: string, at: number, dailyLimit = false): NoticeMeaning => ({
    kind: 'error',
    error: new ProviderError('rate-limited', message, rateLimitRetryAt(response, at - now), {
      dailyLimit,
    }),
  });
  // Classify on the raw text (a key such as `demo` may be a word of it); only the message is scrubbed.
  const text = noticeText(notice).trim();
  const message = `alphavantage: ${scrubSecrets(text, secrets)}`;

  if ('Error Message' in notice) {
    if (/apikey|api key/i.test(text))
      return { kind: 'error', error: new ProviderError('bad-key', message) };
    return { kind: 'unknown-symbol', reason: 'unknown symbol at Alpha Vantage' };
  }

  if (/\bdemo\b/i.test(text)) {
    const hint = 'the demo key works only for demo symbols; enter your own free key';
    return { kind: 'error', error: new ProviderError('bad-key', `${message} (${hint})`) };
  }
  if (/premium endpoint/i.test(text)) {
    return { kind: 'error', error: new ProviderError('plan-limit', message) };
  }
  // The old `Note` names both budgets ("5 calls per minute and 500 calls per day"): the minute
  // is the one that ran out first, so it is checked before the day.
  if (/per minute|frequency|burst/i.test(text)) {
    return limited(message, now + MINUTE_MS);
  }
  if (/per day|daily/i.test(text)) return limited(message, nextEasternMidnight(now), true);
  // A throttle text we have not seen: wait a minute rather than guess a day.
  return limited(message, now + MINUTE_MS);
}
