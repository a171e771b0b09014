/** Pure display formatters. Every one turns null (a missing value) into an em dash. */

const DASH = '—';

const priceFormat = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** `1234.5` → `1,234.50`. */
export function formatPrice(value: number | null): string {
  return value === null || !Number.isFinite(value) ? DASH : priceFormat.format(value);
}

/** `1.5` → `+1.50`, `-0.2` → `-0.20`. */
export function formatChange(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  const sign = value > 0 ? '+' : value < 0 ? '-' : '';
  return `${sign}${priceFormat.format(Math.abs(value))}`;
}

/** `1.234` → `+1.23%`; `digits` sets the decimals. */
export function formatPercent(value: number | null, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  const rounded = Number(value.toFixed(digits));
  const sign = rounded > 0 ? '+' : rounded < 0 ? '-' : '';
  return `${sign}${Math.abs(rounded).toFixed(digits)}%`;
}

const CAP_UNITS: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
];

/** `2.85e12` → `$2.85T`, `4.1e9` → `$4.10B`. */
export function formatMarketCap(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  for (const [unit, suffix] of CAP_UNITS) {
    if (Math.abs(value) >= unit) return `$${(value / unit).toFixed(2)}${suffix}`;
  }
  return `$${Math.round(value).toLocaleString('en-US')}`;
}

/** `ms` elapsed → `just now`, `12 s ago`, `3 min ago`, `2 h ago`. */
export function formatAgo(ms: number): string {
  if (!Number.isFinite(ms) || ms < 1000) return 'just now';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s ago`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min ago`;
  return `${Math.floor(min / 60)} h ago`;
}

/** ISO time → `2026-08-07 15:59:58` in the viewer's zone; dash when absent or unparsable. */
export function formatTimestamp(iso: string | null): string {
  if (!iso) return DASH;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return DASH;
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

/** Local clock time `15:04:05` of an epoch ms value. */
export function formatClock(epochMs: number): string {
  return formatTimestamp(new Date(epochMs).toISOString()).slice(11);
}
