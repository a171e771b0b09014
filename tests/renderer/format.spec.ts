import { describe, expect, it } from 'vitest';

import {
  formatAgo,
  formatChange,
  formatMarketCap,
  formatPercent,
  formatPrice,
  formatTimestamp,
} from '../../src-renderer/lib/format';

describe('formatters', () => {
  it('formats prices with two decimals and thousands separators', () => {
    expect(formatPrice(1234.5)).toBe('1,234.50');
  });

  it('signs changes and percentages', () => {
    expect(formatChange(1.5)).toBe('+1.50');
    expect(formatChange(-0.2)).toBe('-0.20');
    expect(formatPercent(1.234)).toBe('+1.23%');
    expect(formatPercent(-0.456)).toBe('-0.46%');
  });

  it('does not sign a percentage that rounds to zero', () => {
    expect(formatPercent(-0.001)).toBe('0.00%');
  });

  it('scales market caps to T, B and M', () => {
    expect(formatMarketCap(2.85e12)).toBe('$2.85T');
    expect(formatMarketCap(4.1e9)).toBe('$4.10B');
    expect(formatMarketCap(7.5e6)).toBe('$7.50M');
  });

  it('shows a dash for missing values, never 0 or NaN', () => {
    for (const f of [formatPrice, formatChange, formatPercent, formatMarketCap]) {
      expect(f(null)).toBe('—');
      expect(f(Number.NaN)).toBe('—');
    }
    expect(formatTimestamp(null)).toBe('—');
    expect(formatTimestamp('not a date')).toBe('—');
  });

  it('says how long ago in seconds, minutes, hours', () => {
    expect(formatAgo(400)).toBe('just now');
    expect(formatAgo(12_300)).toBe('12 s ago');
    expect(formatAgo(185_000)).toBe('3 min ago');
    expect(formatAgo(2 * 3_600_000 + 5)).toBe('2 h ago');
  });

  it('prints timestamps as local date and time', () => {
    const d = new Date(2026, 7, 7, 15, 4, 5);
    expect(formatTimestamp(d.toISOString())).toBe('2026-08-07 15:04:05');
  });
});
