/**
 * The tray's words: the tooltip (and the macOS menu-bar title) with the index-level summary.
 * Windows cuts tooltips at 127 characters, so each line is short. Pure.
 */
import type { MarketSummary } from '../core/market/market-summary.js';
import type { SourceInfo } from '../shared/api-types.js';

/** Windows' tooltip limit (NOTIFYICONDATA szTip, 128 with the terminator). */
export const MAX_TOOLTIP_LENGTH = 127;

export interface TrayTextInput {
  summary: MarketSummary;
  source: SourceInfo;
  /** ISO-8601 of the newest quote, or null. */
  lastUpdate: string | null;
  paused: boolean;
  /** Formats a time for the user's locale; injectable for tests. */
  formatTime?: (date: Date) => string;
}

/** `+0.42%`, `-1.05%`, or `—` without data. */
export function formatChange(changePercent: number | null): string {
  if (changePercent === null) return '—';
  const sign = changePercent > 0 ? '+' : changePercent < 0 ? '−' : '';
  return `${sign}${Math.abs(changePercent).toFixed(2)}%`;
}

/** The tooltip: change, breadth, source and last update, one short line each. */
export function trayTooltip(input: TrayTextInput): string {
  const { summary, source, lastUpdate, paused } = input;
  const formatTime = input.formatTime ?? ((d: Date) => d.toLocaleTimeString());
  const lines = [
    `Map ${formatChange(summary.changePercent)} (cap-weighted)`,
    `${summary.advancers} up · ${summary.decliners} down`,
    source.label,
    paused
      ? 'Updates paused'
      : lastUpdate === null
        ? 'No data yet'
        : `Updated ${formatTime(new Date(lastUpdate))}`,
  ];
  const text = lines.join('\n');
  return text.length <= MAX_TOOLTIP_LENGTH ? text : `${text.slice(0, MAX_TOOLTIP_LENGTH - 1)}…`;
}

/** The macOS menu-bar title next to the icon: the change, or a pause sign. */
export function trayTitle(summary: MarketSummary, paused: boolean): string {
  return paused ? '❚❚' : formatChange(summary.changePercent);
}
