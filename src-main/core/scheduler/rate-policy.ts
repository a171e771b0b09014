/**
 * Turns a provider's RatePolicy into p-queue's interval options. The tightest window wins;
 * per-day quotas are left to the quota-aware scheduler of a later issue.
 */
import type { RatePolicy } from '../providers/provider.js';

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;

export interface QueueRateOptions {
  intervalCap?: number;
  interval?: number;
}

function checkedCap(option: string, value: number): number {
  if (Number.isInteger(value) && value >= 1) return value;
  throw new RangeError(`rate policy: \`${option}\` must be an integer >= 1, received ${value}`);
}

/** p-queue options for a rate policy; an empty object for an unlimited provider (replay). */
export function queueRateOptions(policy: RatePolicy): QueueRateOptions {
  if (policy.perSecond !== undefined) {
    return { intervalCap: checkedCap('perSecond', policy.perSecond), interval: MS_PER_SECOND };
  }
  if (policy.perMinute !== undefined) {
    return { intervalCap: checkedCap('perMinute', policy.perMinute), interval: MS_PER_MINUTE };
  }
  // A daily cap is not a p-queue interval: DailyQuota (persisted by the usage store) keeps it.
  return {};
}
