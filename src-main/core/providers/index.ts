/**
 * Registers every live provider adapter. Import this module once (engine start-up) before
 * calling `createProvider`. One line per adapter.
 */
import { ALPACA_ENTRY } from './alpaca/alpaca-provider.js';
import { ALPHAVANTAGE_ENTRY } from './alphavantage/alphavantage-provider.js';
import { FINNHUB_ENTRY } from './finnhub/finnhub-provider.js';
import { FMP_ENTRY } from './fmp/fmp-provider.js';
import { POLYGON_ENTRY } from './polygon/polygon-provider.js';
import { registerProvider } from './registry.js';
import { TWELVEDATA_ENTRY } from './twelvedata/twelvedata-provider.js';

for (const entry of [
  FINNHUB_ENTRY,
  ALPACA_ENTRY,
  POLYGON_ENTRY,
  TWELVEDATA_ENTRY,
  FMP_ENTRY,
  ALPHAVANTAGE_ENTRY,
]) {
  registerProvider(entry);
}

export * from './registry.js';
