/**
 * The fields custom criteria may name, their types, and how each is read from a row. The time
 * frame fields (`change1w`, …) read `performance`; every number is null when the row has none,
 * and a comparison with null is never true (see evaluate.ts).
 */
import type { FilterFieldInfo, StockRow, TimeFrame } from '../../shared/api-types.js';

export type FieldType = 'number' | 'string';

export interface FilterField extends FilterFieldInfo {
  /** True for fields in percent: a literal may carry a `%` sign. */
  percent: boolean;
  /** Allowed values of an enumerated string field (lower case), when it is one. */
  values?: readonly string[];
  read(row: StockRow): number | string | null;
}

const numberField = (
  name: string,
  description: string,
  read: (row: StockRow) => number | null,
  percent = false,
): FilterField => ({ name, type: 'number', description, percent, read });

const stringField = (
  name: string,
  description: string,
  read: (row: StockRow) => string | null,
  values?: readonly string[],
): FilterField => ({
  name,
  type: 'string',
  description,
  percent: false,
  read,
  ...(values ? { values } : {}),
});

const timeFrameField = (name: string, frame: TimeFrame, label: string): FilterField =>
  numberField(
    name,
    `% change over ${label} (split-adjusted; null when the history is too short)`,
    (row) => row.performance?.[frame] ?? null,
    true,
  );

/** Every field, in the order help texts list them. */
export const FILTER_FIELDS: readonly FilterField[] = [
  stringField('symbol', 'ticker, e.g. "AAPL"', (row) => row.symbol),
  stringField('name', 'company or fund name', (row) => row.name),
  stringField('sector', 'GICS sector, or "ETF"', (row) => row.sector),
  stringField('industry', 'GICS sub-industry', (row) => row.industry),
  numberField('price', 'last price, USD', (row) => row.price),
  numberField('previousClose', 'previous session close, USD', (row) => row.previousClose),
  numberField('change', 'change since the previous close, USD', (row) => row.change),
  numberField('changePercent', '% change since the previous close', (r) => r.changePercent, true),
  numberField('marketCap', 'market cap, USD (100B, 2.5T)', (row) => row.marketCap),
  numberField('volume', 'shares traded this session', (row) => row.volume),
  stringField('status', 'quote freshness', (row) => row.status, [
    'live',
    'delayed',
    'stale',
    'missing',
    'closed',
  ]),
  timeFrameField('change1d', '1d', '1 day'),
  timeFrameField('change1w', '1w', '1 week'),
  timeFrameField('change1m', '1m', '1 month'),
  timeFrameField('change3m', '3m', '3 months'),
  timeFrameField('changeYtd', 'ytd', 'the year to date'),
  timeFrameField('change1y', '1y', '1 year'),
];

const BY_LOWER_NAME = new Map(FILTER_FIELDS.map((field) => [field.name.toLowerCase(), field]));

/** The field for a name in any letter case, or undefined. */
export function findField(name: string): FilterField | undefined {
  return BY_LOWER_NAME.get(name.toLowerCase());
}

/** The public description of every field (for `GET /api/filters`). */
export function fieldInfos(): FilterFieldInfo[] {
  return FILTER_FIELDS.map(({ name, type, description }) => ({ name, type, description }));
}
